/**
 * Evaluation: every active rule on every row, giving the result shape of RULES.md section 8.
 * The engine knows nothing about particular rules: it asks each rule whether it applies,
 * when it is due and whether it is done, and turns the answers into statuses.
 */
import { readDateOfBirth, type RawCell } from './cells';
import { type Day, edate, memoByDay, toIso, toUk } from './dates/calendar';
import { memoByIndex } from './memo';
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
  const run: RunSettings = {
    rules: active.map((rule) => ruleRun(rule, policy)),
    resultsShape: Object.fromEntries(active.map((rule) => [rule.id, null])),
    asOf: options.asOf,
    policy,
  };
  const context = new RowContext({ tracked, asOf: options.asOf, policy });
  const rows: RowResult[] = new Array<RowResult>(input.rows.length);
  for (let i = 0; i < input.rows.length; i += 1) rows[i] = evaluateRow(input.rows[i], run, context);
  return {
    asOf: toIso(options.asOf),
    rulesVersion: RULES_VERSION,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    inactiveRules: inactive,
    rows,
  };
}

interface RunSettings {
  /** the active rules, in catalogue order */
  readonly rules: readonly RuleRun[];
  /**
   * An object with every active rule's id as a key, copied for each row: building the
   * results by copying one shape is several times cheaper than adding 25 keys to `{}`.
   */
  readonly resultsShape: Readonly<Record<string, null>>;
  readonly asOf: Day;
  readonly policy: Policy;
}

/**
 * Results that many rows have in exactly the same words and with no due date ("Not looked
 * after on the as-of date", "Registered with dentist is blank: record yes or no"): one frozen
 * object each, shared by every row, instead of hundreds of thousands of copies kept alive
 * until the evaluation ends. Bounded, so explanations that do vary are simply not shared.
 */
class SharedResults {
  private readonly byText = new Map<string, RuleResult>();
  /** the last one asked for: a rule usually gives the same reason row after row */
  private last: RuleResult | null = null;
  private lastText = '';
  /** `before` and `after` are the same for every result of one cache */
  constructor(
    private readonly status: Status,
    private readonly before = '',
    private readonly after = '',
  ) {}

  /** The result explained by `before + text + after`. */
  get(text: string): RuleResult {
    if (text === this.lastText && this.last !== null) return this.last;
    let result = this.byText.get(text);
    if (result === undefined) {
      result = Object.freeze({
        status: this.status,
        due: null,
        explanation: this.before + text + this.after,
      });
      if (this.byText.size < SHARED_RESULTS_LIMIT) this.byText.set(text, result);
    }
    this.last = result;
    this.lastText = text;
    return result;
  }
}

const SHARED_RESULTS_LIMIT = 1_000;

/** One active rule and what its results are made from in this evaluation. */
interface RuleRun {
  readonly rule: Rule;
  readonly window: Window;
  /** " (source)", which ends the rule's explanations */
  readonly citation: string;
  /** the endings of its dated explanations: ", overdue by 3 days (CPPCR reg 33)", ", in 5 days (...)" */
  readonly overdueBy: (late: number) => string;
  readonly dueIn: (left: number) => string;
  /** results that rows share */
  readonly notApplicable: SharedResults;
  readonly checkData: SharedResults;
  readonly done: SharedResults;
  readonly actionNeeded: SharedResults;
  /**
   * Results with a due date, by the sentence that explains the due date. Rules make each
   * sentence once per day it names (`sentenceOn`), so rows counting from the same day share
   * one sentence; with the same due date (and one as-of date and window for the whole
   * evaluation) the result is the same, and one frozen copy serves them all.
   */
  readonly dated: Map<string, RuleResult>;
  /** Done results that have a due date, by the sentence saying it was done; likewise. */
  readonly doneBy: Map<string, RuleResult>;
}

function ruleRun(rule: Rule, policy: Policy): RuleRun {
  const citation = ` (${rule.source})`;
  return {
    rule,
    window: windowFor(rule, policy),
    citation,
    overdueBy: phraseByCount((late) => `, overdue by ${late} day${late === 1 ? '' : 's'}${citation}`),
    dueIn: phraseByCount((left) =>
      left === 0 ? `, today${citation}` : `, in ${left} day${left === 1 ? '' : 's'}${citation}`,
    ),
    notApplicable: new SharedResults('Not applicable'),
    checkData: new SharedResults('Check data', 'Check data: '),
    done: new SharedResults('Done', '', citation),
    actionNeeded: new SharedResults('Action needed', '', citation),
    dated: new Map(),
    doneBy: new Map(),
  };
}

/** How many distinct sentences each rule's shared dated results keep. */
const DATED_RESULTS_LIMIT = 5_000;

/** The result kept under `key` in `cache`, if it is for the same due date. */
function kept(cache: Map<string, RuleResult>, key: string, dueIso: string): RuleResult | undefined {
  const known = cache.get(key);
  // ISO texts are made once per day, so the same due date is the same string.
  return known !== undefined && known.due === dueIso ? known : undefined;
}

/** `result`, frozen and kept in `cache` under `key` while the cache has room. */
function keep(cache: Map<string, RuleResult>, key: string, result: RuleResult): RuleResult {
  Object.freeze(result);
  if (cache.size < DATED_RESULTS_LIMIT) cache.set(key, result);
  return result;
}

function checkData(problem: string, due: Day | null, run: RuleRun): RuleResult {
  return due === null
    ? run.checkData.get(problem)
    : { status: 'Check data', due: toIso(due), explanation: `Check data: ${problem}` };
}

function evaluateRow(row: CanonicalRow, run: RunSettings, ctx: RowContext): RowResult {
  ctx.startRow(row.values);
  const dob = dateOfBirthOf(ctx.cell('dateOfBirth'), run);
  if (typeof dob === 'string') return everyRuleCheckData(row, run, ctx, dob);
  ctx.setDateOfBirth(dob.day);
  const note = dob.monthOnly ? ` (date of birth has no day: the 15th, ${toUk(dob.day)}, is assumed)` : '';

  const results: Record<string, RuleResult | null> = { ...run.resultsShape };
  let overall: Status = 'Not applicable';
  let nextRule = '';
  let nextDue: string | null = null;
  for (let i = 0; i < run.rules.length; i += 1) {
    const rule = run.rules[i];
    let result = assess(rule, ctx);
    if (note) result = { ...result, explanation: result.explanation + note };
    results[rule.rule.id] = result;
    overall = worseOf(overall, result.status);
    // ISO dates (YYYY-MM-DD) sort as text in date order.
    if (isOpen(result.status) && result.due !== null && (nextDue === null || result.due < nextDue)) {
      nextRule = rule.rule.id;
      nextDue = result.due;
    }
  }
  return {
    row: row.row,
    overall,
    nextAction: nextDue === null ? null : { rule: nextRule, due: nextDue },
    leavingCareStatus: leavingCareStatusOf(ctx),
    results: results as Record<string, RuleResult>,
  };
}

/** One rule on one row: applies → due → done / requirement → status by the warning window. */
function assess(run: RuleRun, ctx: RowContext): RuleResult {
  const { rule } = run;
  let due: DueDate | null = null;
  try {
    const applies = rule.applies(ctx);
    if (applies !== true) return run.notApplicable.get(applies);

    if (rule.requirement) {
      const requirement = rule.requirement(ctx);
      if (requirement.met === null) return checkData(requirement.why, null, run);
      return (requirement.met ? run.done : run.actionNeeded).get(requirement.why);
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
    if (doneWhy !== null) {
      if (due === null) return run.done.get(doneWhy);
      const dueIso = toIso(due.day);
      return (
        kept(run.doneBy, doneWhy, dueIso) ??
        keep(run.doneBy, doneWhy, { status: 'Done', due: dueIso, explanation: doneWhy + run.citation })
      );
    }
    if (dueProblem) throw dueProblem;
    if (!due) throw new Error(`Rule ${rule.id} has neither a due date nor a requirement`);
    const dueIso = toIso(due.day);
    return (
      kept(run.dated, due.why, dueIso) ?? keep(run.dated, due.why, statusByWindow(due, dueIso, ctx.asOf, run))
    );
  } catch (error) {
    if (error instanceof DataProblem) return checkData(error.message, due === null ? null : due.day, run);
    throw error;
  }
}

/**
 * A deadline is inclusive: on the due date the item is Due soon, the day after Overdue;
 * from the start of the warning window it is Due soon, before that On track.
 */
function statusByWindow(due: DueDate, dueIso: string, asOf: Day, run: RuleRun): RuleResult {
  const { window } = run;
  const when = due.why + dueOn(due.day);
  if (asOf > due.day) {
    return { status: 'Overdue', due: dueIso, explanation: when + run.overdueBy(asOf - due.day) };
  }
  const windowStart = 'days' in window ? due.day - window.days : edate(due.day, -window.months);
  if (asOf >= windowStart) {
    return { status: 'Due soon', due: dueIso, explanation: when + run.dueIn(due.day - asOf) };
  }
  return { status: 'On track', due: dueIso, explanation: when + run.citation };
}

/*
 * The phrases every dated explanation is built from, each made once: a tracker names a few
 * hundred distinct days and counts, and a copy per row would be kept until the evaluation ends.
 */
const dueOn = memoByDay((day) => `: due ${toUk(day)}`);

/** `build(count)`, made once for each count of days below 10,000. */
function phraseByCount(build: (count: number) => string): (count: number) => string {
  return memoByIndex(build, 10_000);
}

export function windowFor(rule: Rule, policy: Policy): Window {
  return rule.window?.(policy) ?? policy.windows[rule.id] ?? policy.defaultWindow;
}

function isOpen(status: Status): boolean {
  return status === 'Overdue' || status === 'Due soon' || status === 'On track';
}

/**
 * The date of birth every rule needs, or the problem with it. Blank, unreadable, after the
 * as-of date, or 26 or older: then every active rule of the row is Check data (RULES.md section 2).
 */
function dateOfBirthOf(raw: RawCell, run: RunSettings): { day: Day; monthOnly: boolean } | string {
  const reading = readDateOfBirth(raw);
  if (reading.state === 'blank') return 'No date of birth recorded';
  if (reading.state === 'unreadable') {
    return reading.text
      ? `Date of birth "${reading.text}" is not a date: please check it`
      : 'Date of birth could not be read as a date: please check it';
  }
  const { day } = reading.value;
  if (day > run.asOf) return `Date of birth ${toUk(day)} is after the as-of date ${toUk(run.asOf)}`;
  if (run.asOf >= ageDate(day, 26, 0, run.policy.leapDayBirthdays)) {
    return `Date of birth ${toUk(day)} makes the young person 26 or older`;
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
