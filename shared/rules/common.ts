/**
 * Small pieces several rules share: who a rule applies to, and "done when a date is recorded".
 *
 * Applicability checks return the reason a rule does not apply, or null, so a rule reads
 * as a chain: `outsideAgeBand(...) ?? notLookedAfterReason(ctx) ?? true`. They run for
 * every rule on every row, so the reasons are built once and reused.
 */
import { type Day, memoByDay, toUk } from '../dates/calendar';
import { FIELD_BY_NAME, type RuleFieldName } from '../fields';
import { memoByKey } from '../memo';
import { DataProblem, type DueDate, type RuleContext } from './types';

export interface Age {
  readonly years: number;
  readonly months?: number;
}

export function ageText({ years, months = 0 }: Age): string {
  return months ? `${years}y ${months}m` : `${years}`;
}

/** An age band of a rule, with its "does not apply" reasons worked out once. */
export interface AgeBand {
  readonly from: Age | null;
  readonly under: Age | null;
  readonly tooYoung: string;
  readonly tooOld: string;
}

export function ageBand(from: Age | null, under: Age | null): AgeBand {
  return {
    from,
    under,
    tooYoung: from ? `Applies from age ${ageText(from)}` : '',
    tooOld: under ? `Applies under age ${ageText(under)}` : '',
  };
}

/** The reason the young person is outside the band on the as-of date, or null. */
export function outsideAgeBand(ctx: RuleContext, band: AgeBand): string | null {
  if (band.from && !ctx.isAtLeast(band.from.years, band.from.months)) return band.tooYoung;
  if (band.under && ctx.isAtLeast(band.under.years, band.under.months)) return band.tooOld;
  return null;
}

export const NOT_LOOKED_AFTER = 'Not looked after on the as-of date';

export function notLookedAfterReason(ctx: RuleContext): string | null {
  return ctx.lookedAfter() ? null : NOT_LOOKED_AFTER;
}

/** Distinct reasons each `reasonBy` keeps (its keys are small values; the bound is a safeguard). */
const REASONS_KEPT = 1_000;

/**
 * A reason that depends on one small value (a status, an NC year, a policy threshold),
 * built once per value: rows then share one string, and the engine shares their results.
 */
export function reasonBy<K extends string | number>(build: (key: K) => string): (key: K) => string {
  return memoByKey(build, REASONS_KEPT);
}

const notInCohort = reasonBy(
  (status: string) => `Not in the leaving-care cohort (leaving-care status: ${status})`,
);

export function notInCohortReason(ctx: RuleContext): string | null {
  return ctx.inLeavingCareCohort() ? null : notInCohort(ctx.leavingCareStatus());
}

/** A condition of a rule: the reason the rule does not apply, or null; it may raise a DataProblem. */
export type Condition = (ctx: RuleContext) => string | null;

/**
 * Whether a rule applies: the first of its conditions that fails gives the reason it does
 * not. A condition that cannot be decided (its value is unreadable) makes the rule Check
 * data only when no other condition fails: a row that is Not applicable on other grounds
 * does not depend on that value (RULES.md section 2, "an unreadable column that the row's
 * result does not depend on is ignored").
 */
export function appliesWhen(ctx: RuleContext, conditions: readonly Condition[]): true | string {
  let problem: DataProblem | null = null;
  for (let i = 0; i < conditions.length; i += 1) {
    let reason: string | null;
    try {
      reason = conditions[i](ctx);
    } catch (error) {
      if (!(error instanceof DataProblem)) throw error;
      problem ??= error;
      continue;
    }
    if (reason !== null) return reason;
  }
  if (problem !== null) throw problem;
  return true;
}

/**
 * A pathway-to-adulthood rule's applicability: the age band, then the leaving-care cohort.
 * (The age cannot be undecidable, as the date of birth is checked before any rule runs, so
 * the two need not go through `appliesWhen`.)
 */
export function pathwayApplies(ctx: RuleContext, band: AgeBand): true | string {
  return outsideAgeBand(ctx, band) ?? notInCohortReason(ctx) ?? true;
}

/**
 * Days each sentence or due date keeps: a tracker names a few thousand at most, and the
 * bound keeps the service's memory small whatever dates it is sent (each is about 100 bytes).
 */
const SENTENCES_KEPT = 8_192;
/** Values (policy numbers, scores) each `duesBy` keeps a set of due dates for. */
const KEYS_KEPT = 100;

/**
 * A sentence naming one day ("Review held on 03/04/2026"), made once per day and shared by
 * every row that names that day. The engine also shares the results such sentences
 * explain, so "recorded on" sentences are built this way rather than with a template per row.
 */
export function sentenceOn(build: (day: string) => string): (day: Day) => string {
  return memoByDay((day) => build(toUk(day)), SENTENCES_KEPT);
}

/**
 * A due date counted from a day (the last review, becoming looked after), with the sentence
 * saying how ("Next review due 6 months after last review on 03/04/2026"). Each is made once
 * per day and shared by every row counting from that day: the counting is done and the
 * sentence written once, no row allocates its own, and the engine shares their results.
 */
export function dueFrom(count: (from: Day) => Day, say: (from: string) => string): (from: Day) => DueDate {
  return memoByDay((from) => Object.freeze({ day: count(from), why: say(toUk(from)) }), SENTENCES_KEPT);
}

/**
 * `dueFrom` for due dates that also depend on a small value (a policy number of days, a
 * score, a bit mask, the policy's term dates): one set of due dates per value, for at most
 * `keysKept` values at a time.
 */
export function duesBy<K>(
  count: (key: K, from: Day) => Day,
  say: (key: K, from: string) => string,
  keysKept = KEYS_KEPT,
): (key: K, from: Day) => DueDate {
  const dueDatesFor = memoByKey(
    (key: K) =>
      dueFrom(
        (from) => count(key, from),
        (from) => say(key, from),
      ),
    keysKept,
  );
  return (key, from) => dueDatesFor(key)(from);
}

/** A due date on a day of the young person's life (a birthday), with a sentence that names no date. */
export function dueOn(why: string): (day: Day) => DueDate {
  return memoByDay((day) => Object.freeze({ day, why }), SENTENCES_KEPT);
}

/** Done when `field` holds a date (a one-off requirement). */
export function doneWhenRecorded(field: RuleFieldName) {
  const recordedOn = sentenceOn((day) => `${FIELD_BY_NAME[field].label} recorded on ${day}`);
  return (ctx: RuleContext): string | null => {
    const day = ctx.date(field);
    return day === null ? null : recordedOn(day);
  };
}

/** The later of the given dates that are recorded, or null. */
export function latest(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** A date, or the problem with it: for a rule whose result may not need that date. */
export function dateOrProblem(ctx: RuleContext, field: RuleFieldName): Day | null | DataProblem {
  try {
    return ctx.date(field);
  } catch (error) {
    if (error instanceof DataProblem) return error;
    throw error;
  }
}

/** Whether a yes/no column says yes; a value that cannot be read does not. */
export function saysYes(ctx: RuleContext, field: RuleFieldName): boolean {
  try {
    return ctx.yesNo(field) === true;
  } catch (error) {
    if (error instanceof DataProblem) return false;
    throw error;
  }
}
