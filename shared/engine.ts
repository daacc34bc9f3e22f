/**
 * Evaluation: every active rule on every row, giving the result shape of RULES.md section 8.
 * The engine knows nothing about particular rules: it asks each rule whether it applies,
 * when it is due and whether it is done, and turns the answers into statuses.
 */
import { readDateOfBirth, readLeavingCareStatus, type RawCell } from './cells';
import { type Day, edate, toIso, toUk } from './dates/calendar';
import { ageDate } from './dates/age';
import type { LeavingCareStatus, RuleFieldName } from './fields';
import { DEFAULT_POLICY, RULES_VERSION, type Policy, type Window } from './policy';
import type { Evaluation, RowResult, RuleResult } from './results';
import { activeRules } from './rules';
import { RowContext } from './rules/context';
import { DataProblem, type DueDate, type Rule } from './rules/types';
import { type Status, worseOf } from './status';

export type { RawCell } from './cells';

/** A tracker row reduced to what the rules read: no names, no IDs (RULES.md section 3). */
export interface CanonicalRow {
  /** the worksheet row number the user sees */
  readonly row: number;
  readonly values: Partial<Record<RuleFieldName, RawCell>>;
}

export interface EvaluateInput {
  /** the canonical fields the tracker has a column for (blank cells included) */
  readonly tracked: readonly RuleFieldName[];
  readonly rows: readonly CanonicalRow[];
}

export interface EvaluateOptions {
  readonly asOf: Day;
  readonly policy?: Policy;
  /** canonical field → the tracker's header, echoed in the result */
  readonly mapping?: Record<string, string>;
}

/** Evaluates every row. Never throws on bad cells: they become "Check data" with the reason. */
export function evaluate(input: EvaluateInput, options: EvaluateOptions): Evaluation {
  const policy = options.policy ?? DEFAULT_POLICY;
  const tracked = new Set(input.tracked);
  const { active, inactive } = activeRules(tracked);
  const windows = active.map((rule) => windowFor(rule, policy));
  const resultsShape = Object.fromEntries(active.map((rule) => [rule.id, null]));
  const run: RunSettings = { tracked, active, windows, resultsShape, asOf: options.asOf, policy };
  const rows = input.rows.map((row) => evaluateRow(row, run));
  return {
    asOf: toIso(options.asOf),
    rulesVersion: RULES_VERSION,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    inactiveRules: inactive,
    rows,
  };
}

interface RunSettings {
  readonly tracked: ReadonlySet<RuleFieldName>;
  readonly active: readonly Rule[];
  /** each active rule's warning window, by position in `active` */
  readonly windows: readonly Window[];
  /**
   * An object with every active rule's id as a key, copied for each row: building the
   * results by copying one shape is several times cheaper than adding 25 keys to `{}`.
   */
  readonly resultsShape: Readonly<Record<string, null>>;
  readonly asOf: Day;
  readonly policy: Policy;
}

/** An intermediate result that keeps the due date as a day number (for the next action). */
interface Assessed {
  readonly status: Status;
  readonly due: Day | null;
  readonly explanation: string;
}

export function evaluateRow(row: CanonicalRow, run: RunSettings): RowResult {
  const dob = dateOfBirthOf(row, run);
  if ('problem' in dob) return everyRuleCheckData(row, run, dob.problem);

  const ctx = new RowContext({
    values: row.values,
    tracked: run.tracked,
    asOf: run.asOf,
    policy: run.policy,
    dateOfBirth: dob.day,
  });
  const note = dob.monthOnly ? ` (date of birth has no day: the 15th, ${toUk(dob.day)}, is assumed)` : '';

  const results: Record<string, RuleResult | null> = { ...run.resultsShape };
  let overall: Status = 'Not applicable';
  let next: { rule: string; due: Day } | null = null;
  for (let i = 0; i < run.active.length; i += 1) {
    const rule = run.active[i];
    const assessed = assess(rule, ctx, run.windows[i]);
    results[rule.id] = {
      status: assessed.status,
      due: assessed.due === null ? null : toIso(assessed.due),
      explanation: note ? assessed.explanation + note : assessed.explanation,
    };
    overall = worseOf(overall, assessed.status);
    if (isOpen(assessed.status) && assessed.due !== null && (next === null || assessed.due < next.due)) {
      next = { rule: rule.id, due: assessed.due };
    }
  }
  return {
    row: row.row,
    overall,
    nextAction: next && { rule: next.rule, due: toIso(next.due) },
    leavingCareStatus: leavingCareStatusOf(ctx, row, run.tracked),
    results: results as Record<string, RuleResult>,
  };
}

/** One rule on one row: applies → due → done / requirement → status by the warning window. */
export function assess(rule: Rule, ctx: RowContext, window: Window): Assessed {
  let due: DueDate | null = null;
  try {
    const applies = rule.applies(ctx);
    if (applies !== true) return { status: 'Not applicable', due: null, explanation: applies };

    if (rule.requirement) {
      const requirement = rule.requirement(ctx);
      if (requirement.met === null)
        return { status: 'Check data', due: null, explanation: `Check data: ${requirement.why}` };
      return {
        status: requirement.met ? 'Done' : 'Action needed',
        due: null,
        explanation: `${requirement.why} (${rule.source})`,
      };
    }

    let dueProblem: DataProblem | null = null;
    try {
      due = rule.due ? rule.due(ctx) : null;
    } catch (error) {
      if (!(error instanceof DataProblem)) throw error;
      // A one-off requirement that is recorded as done needs no due date (e.g. an initial
      // health assessment on a tracker without care start dates).
      dueProblem = error;
    }
    const doneWhy = rule.done ? rule.done(ctx, due) : null;
    if (doneWhy !== null)
      return { status: 'Done', due: due?.day ?? null, explanation: `${doneWhy} (${rule.source})` };
    if (dueProblem) throw dueProblem;
    if (!due) throw new Error(`Rule ${rule.id} has neither a due date nor a requirement`);
    return statusByWindow(due, ctx.asOf, window, rule.source);
  } catch (error) {
    if (error instanceof DataProblem) {
      return { status: 'Check data', due: due?.day ?? null, explanation: `Check data: ${error.message}` };
    }
    throw error;
  }
}

/**
 * A deadline is inclusive: on the due date the item is Due soon, the day after Overdue;
 * from the start of the warning window it is Due soon, before that On track.
 */
export function statusByWindow(due: DueDate, asOf: Day, window: Window, source: string): Assessed {
  const windowStart = 'days' in window ? due.day - window.days : edate(due.day, -window.months);
  const when = `${due.why}: due ${toUk(due.day)}`;
  if (asOf > due.day) {
    const late = asOf - due.day;
    return {
      status: 'Overdue',
      due: due.day,
      explanation: `${when}, overdue by ${late} day${late === 1 ? '' : 's'} (${source})`,
    };
  }
  if (asOf >= windowStart) {
    const left = due.day - asOf;
    const inDays = left === 0 ? 'today' : `in ${left} day${left === 1 ? '' : 's'}`;
    return { status: 'Due soon', due: due.day, explanation: `${when}, ${inDays} (${source})` };
  }
  return { status: 'On track', due: due.day, explanation: `${when} (${source})` };
}

export function windowFor(rule: Rule, policy: Policy): Window {
  return rule.window?.(policy) ?? policy.windows[rule.id] ?? policy.defaultWindow;
}

function isOpen(status: Status): boolean {
  return status === 'Overdue' || status === 'Due soon' || status === 'On track';
}

type DobReading = { day: Day; monthOnly: boolean } | { problem: string };

/**
 * The date of birth every rule needs. Blank, unreadable, after the as-of date, or 26 or
 * older: then every active rule of the row is Check data (RULES.md section 2).
 */
function dateOfBirthOf(row: CanonicalRow, run: RunSettings): DobReading {
  const reading = readDateOfBirth(row.values.dateOfBirth);
  if (reading.state === 'blank') return { problem: 'No date of birth recorded' };
  if (reading.state === 'unreadable') {
    return {
      problem: reading.text
        ? `Date of birth "${reading.text}" is not a date: please check it`
        : 'Date of birth could not be read as a date: please check it',
    };
  }
  const { day, monthOnly } = reading.value;
  if (day > run.asOf)
    return { problem: `Date of birth ${toUk(day)} is after the as-of date ${toUk(run.asOf)}` };
  if (run.asOf >= ageDate(day, 26, 0, run.policy.leapDayBirthdays)) {
    return { problem: `Date of birth ${toUk(day)} makes the young person 26 or older` };
  }
  return { day, monthOnly };
}

function everyRuleCheckData(row: CanonicalRow, run: RunSettings, problem: string): RowResult {
  const results: Record<string, RuleResult> = {};
  for (const rule of run.active) {
    results[rule.id] = { status: 'Check data', due: null, explanation: `Check data: ${problem}` };
  }
  return {
    row: row.row,
    overall: run.active.length ? 'Check data' : 'Not applicable',
    nextAction: null,
    leavingCareStatus: suppliedStatus(row, run.tracked) ?? 'Unknown',
    results,
  };
}

/** A leaving-care status the tracker supplies, as given, even when the care dates are unusable. */
function suppliedStatus(row: CanonicalRow, tracked: ReadonlySet<RuleFieldName>): LeavingCareStatus | null {
  if (!tracked.has('leavingCareStatus')) return null;
  const reading = readLeavingCareStatus(row.values.leavingCareStatus);
  return reading.state === 'value' ? reading.value : null;
}

function leavingCareStatusOf(
  ctx: RowContext,
  row: CanonicalRow,
  tracked: ReadonlySet<RuleFieldName>,
): LeavingCareStatus {
  try {
    return ctx.leavingCareStatus();
  } catch (error) {
    if (error instanceof DataProblem) return suppliedStatus(row, tracked) ?? 'Unknown';
    throw error;
  }
}
