/**
 * Small pieces several rules share: who a rule applies to, and "done when a date is recorded".
 */
import type { Day } from '../dates/calendar';
import { FIELD_BY_NAME, type RuleFieldName } from '../fields';
import type { RuleContext } from './types';

export interface Age {
  readonly years: number;
  readonly months?: number;
}

export function ageText({ years, months = 0 }: Age): string {
  return months ? `${years}y ${months}m` : `${years}`;
}

/**
 * Within an age band: from `from` (on or after that birthday), under `under` (before it).
 * Returns the reason it does not apply, or null.
 */
export function outsideAgeBand(ctx: RuleContext, from: Age | null, under: Age | null): string | null {
  if (from && !ctx.isAtLeast(from.years, from.months)) {
    return `Applies from age ${ageText(from)} (${ctx.uk(ctx.ageDate(from.years, from.months))})`;
  }
  if (under && ctx.isAtLeast(under.years, under.months)) {
    return `Applies under age ${ageText(under)}`;
  }
  return null;
}

export function notLookedAfterReason(ctx: RuleContext): string | null {
  return ctx.lookedAfter() ? null : `Not looked after on ${ctx.uk(ctx.asOf)}`;
}

export function notInCohortReason(ctx: RuleContext): string | null {
  return ctx.inLeavingCareCohort()
    ? null
    : `Not in the leaving-care cohort (leaving-care status: ${ctx.leavingCareStatus()})`;
}

/** The first reason in order that is not null; `true` when there is none. */
export function appliesUnless(...checks: (() => string | null)[]): true | string {
  for (const check of checks) {
    const reason = check();
    if (reason !== null) return reason;
  }
  return true;
}

/** A pathway-to-adulthood rule's applicability: age band first, then the leaving-care cohort. */
export function pathwayApplies(ctx: RuleContext, from: Age | null, under: Age | null): true | string {
  return appliesUnless(
    () => outsideAgeBand(ctx, from, under),
    () => notInCohortReason(ctx),
  );
}

/** Done when `field` holds a date (a one-off requirement). */
export function doneWhenRecorded(field: RuleFieldName) {
  return (ctx: RuleContext): string | null => {
    const day = ctx.has(field) ? ctx.date(field) : null;
    return day === null ? null : `${FIELD_BY_NAME[field].label} recorded on ${ctx.uk(day)}`;
  };
}

/** The later of the given dates that are recorded, or null. */
export function latest(...days: (Day | null)[]): Day | null {
  let best: Day | null = null;
  for (const day of days) if (day !== null && (best === null || day > best)) best = day;
  return best;
}

export function dateIfTracked(ctx: RuleContext, field: RuleFieldName): Day | null {
  return ctx.has(field) ? ctx.date(field) : null;
}
