/**
 * Evaluation: every active rule on every row, giving the result shape of RULES.md section 8.
 * The engine knows nothing about particular rules: it asks each rule whether it applies,
 * when it is due and whether it is done (assess.ts), and gathers the answers into rows.
 */
import { assess, type RuleRun, ruleRun } from './assess';
import { type BirthDate, dayOf, readDateOfBirth, type RawCell } from './cells';
import { type Day, toIso, toUk } from './dates/calendar';
import { ageDate } from './dates/age';
import type { LeavingCareStatus, RuleFieldName } from './fields';
import { DEFAULT_POLICY, RULES_VERSION, type Policy } from './policy';
import type { Evaluation, RowResult, RuleResult } from './results';
import { activeRules } from './rules';
import { RowContext, type RunInput, trackedByPosition } from './rules/context';
import { DataProblem } from './rules/types';
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
  const run: RunSettings = {
    tracked,
    asOf: options.asOf,
    policy,
    rules: active.map((rule) => ruleRun(rule, policy, options.asOf)),
    resultsShape: Object.fromEntries(active.map((rule) => [rule.id, null])),
  };
  const rows: RowResult[] = new Array<RowResult>(input.rows.length);
  const batch = new RowBatch(run, Math.min(BATCH_ROWS, input.rows.length));
  for (let first = 0; first < input.rows.length; first += BATCH_ROWS) {
    batch.evaluate(input.rows, first, Math.min(input.rows.length, first + BATCH_ROWS), run, rows);
  }
  return {
    asOf: toIso(options.asOf),
    rulesVersion: RULES_VERSION,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    inactiveRules: inactive,
    rows,
  };
}

/** What stays the same for every row of one evaluation. */
interface RunSettings extends RunInput {
  /** the active rules, in catalogue order */
  readonly rules: readonly RuleRun[];
  /**
   * An object with every active rule's id as a key, copied for each row: building the
   * results by copying one shape is several times cheaper than adding 25 keys to `{}`.
   */
  readonly resultsShape: Readonly<Record<string, null>>;
}

/**
 * Rows are evaluated a batch at a time, rule by rule: the first rule on every row of the
 * batch, then the next. One rule's sentences and shared results then stay in the
 * processor's cache while it runs down the batch, where row by row all 25 rules' tables
 * compete for it (measured: about 8% faster on 20,000 rows, and more with the dated results
 * looked up by due date). Each row of the batch has its own context, so what the rules
 * work out about a row (its readings, birthdays, leaving-care status) is worked out once.
 */
const BATCH_ROWS = 256;

class RowBatch {
  private readonly contexts: RowContext[] = [];
  /** for each row of the batch: its results so far (null: every rule is Check data, done) */
  private readonly results: (Record<string, RuleResult | null> | null)[];
  /** its date-of-birth note, worst status so far, and the open item due first */
  private readonly notes: string[];
  private readonly overall: Status[];
  private readonly nextRule: string[];
  private readonly nextDue: (string | null)[];

  /** `size`: the most rows one batch holds (fewer for a short tracker) */
  constructor(run: RunInput, size: number) {
    const tracked = trackedByPosition(run.tracked);
    for (let i = 0; i < size; i += 1) this.contexts.push(new RowContext(run, tracked));
    this.results = new Array<Record<string, RuleResult | null> | null>(size).fill(null);
    this.notes = new Array<string>(size).fill('');
    this.overall = new Array<Status>(size).fill('Not applicable');
    this.nextRule = new Array<string>(size).fill('');
    this.nextDue = new Array<string | null>(size).fill(null);
  }

  /** Evaluates rows[first..end-1] into out[first..end-1]. */
  evaluate(
    rows: readonly CanonicalRow[],
    first: number,
    end: number,
    run: RunSettings,
    out: RowResult[],
  ): void {
    const count = end - first;
    for (let i = 0; i < count; i += 1) this.start(i, rows[first + i], run, out, first + i);
    for (const rule of run.rules) {
      for (let i = 0; i < count; i += 1) if (this.results[i] !== null) this.assess(i, rule);
    }
    for (let i = 0; i < count; i += 1) {
      if (this.results[i] !== null) out[first + i] = this.finish(i, rows[first + i]);
    }
  }

  /** Loads a row; a row whose date of birth is unusable is finished at once. */
  private start(i: number, row: CanonicalRow, run: RunSettings, out: RowResult[], at: number): void {
    const ctx = this.contexts[i];
    ctx.startRow(row.values);
    const dob = dateOfBirthOf(ctx.cell('dateOfBirth'), run);
    if (typeof dob === 'string') {
      out[at] = everyRuleCheckData(row, run, ctx, dob);
      this.results[i] = null;
      return;
    }
    ctx.setDateOfBirth(dob.day);
    this.notes[i] = dob.monthOnly
      ? ` (date of birth has no day: the 15th, ${toUk(dob.day)}, is assumed)`
      : '';
    this.results[i] = { ...run.resultsShape };
    this.overall[i] = 'Not applicable';
    this.nextDue[i] = null;
  }

  private assess(i: number, rule: RuleRun): void {
    let result = assess(rule, this.contexts[i]);
    if (this.notes[i]) result = { ...result, explanation: result.explanation + this.notes[i] };
    (this.results[i] as Record<string, RuleResult | null>)[rule.rule.id] = result;
    this.overall[i] = worseOf(this.overall[i], result.status);
    const nextDue = this.nextDue[i];
    // ISO dates (YYYY-MM-DD) sort as text in date order.
    if (isOpen(result.status) && result.due !== null && (nextDue === null || result.due < nextDue)) {
      this.nextRule[i] = rule.rule.id;
      this.nextDue[i] = result.due;
    }
  }

  private finish(i: number, row: CanonicalRow): RowResult {
    const results = this.results[i] as Record<string, RuleResult>;
    const nextDue = this.nextDue[i];
    this.results[i] = null;
    return {
      row: row.row,
      overall: this.overall[i],
      nextAction: nextDue === null ? null : { rule: this.nextRule[i], due: nextDue },
      leavingCareStatus: leavingCareStatusOf(this.contexts[i]),
      results,
    };
  }
}

function isOpen(status: Status): boolean {
  return status === 'Overdue' || status === 'Due soon' || status === 'On track';
}

/**
 * The date of birth every rule needs, or the problem with it. Blank, unreadable, after the
 * as-of date, or 26 or older: then every active rule of the row is Check data (RULES.md section 2).
 */
function dateOfBirthOf(raw: RawCell, run: RunSettings): BirthDate | string {
  // A full date, the usual cell, is taken without making a reading.
  const full = dayOf(raw);
  const birth = Number.isNaN(full) ? birthDateIn(raw) : { day: full, monthOnly: false };
  if (typeof birth === 'string') return birth;
  const { day } = birth;
  if (day > run.asOf) return `Date of birth ${toUk(day)} is after the as-of date ${toUk(run.asOf)}`;
  if (run.asOf >= ageDate(day, 26, 0, run.policy.leapDayBirthdays)) {
    return `Date of birth ${toUk(day)} makes the young person 26 or older`;
  }
  return birth;
}

/** A date of birth that is not a full date: a month only, or the problem with the cell. */
function birthDateIn(raw: RawCell): BirthDate | string {
  const reading = readDateOfBirth(raw);
  if (reading.state === 'blank') return 'No date of birth recorded';
  if (reading.state === 'unreadable') {
    return reading.text
      ? `Date of birth "${reading.text}" is not a date: please check it`
      : 'Date of birth could not be read as a date: please check it';
  }
  return reading.value;
}

function everyRuleCheckData(
  row: CanonicalRow,
  run: RunSettings,
  ctx: RowContext,
  problem: string,
): RowResult {
  const results: Record<string, RuleResult | null> = { ...run.resultsShape };
  for (const rule of run.rules) results[rule.rule.id] = rule.checkData.get(problem);
  return {
    row: row.row,
    overall: run.rules.length ? 'Check data' : 'Not applicable',
    nextAction: null,
    leavingCareStatus: suppliedStatusOf(ctx),
    results: results as Record<string, RuleResult>,
  };
}

function leavingCareStatusOf(ctx: RowContext): LeavingCareStatus {
  try {
    return ctx.leavingCareStatus();
  } catch (error) {
    if (error instanceof DataProblem) return suppliedStatusOf(ctx);
    throw error;
  }
}

/** A leaving-care status the tracker supplies, as given, even when the care dates are unusable. */
function suppliedStatusOf(ctx: RowContext): LeavingCareStatus {
  try {
    return ctx.suppliedStatus() ?? 'Unknown';
  } catch (error) {
    if (error instanceof DataProblem) return 'Unknown';
    throw error;
  }
}
