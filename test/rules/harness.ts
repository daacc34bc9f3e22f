/**
 * A small harness for the per-rule tables: one test row = one line.
 *
 * It talks to the rules only through the public `evaluate` of `shared/engine`, so the
 * tables are an independent reading of RULES.md. Expected dates are worked out by hand
 * from RULES.md (EDATE clamping, WORKDAY with England & Wales bank holidays), never by
 * calling the project's own date helpers.
 */
import { evaluate } from '../../shared/engine';
import { fromIso } from '../../shared/dates/calendar';
import { resolvePolicy, type PolicyOverrides } from '../../shared/policy';
import type { RuleFieldName } from '../../shared/fields';
import type { Evaluation, RowResult, RuleResult } from '../../shared/results';
import type { Status } from '../../shared/status';

/** The as-of date of the worked examples (RULES.md section 7). */
export const AS_OF = '2026-11-23';

export type Cell = string | number | boolean | Date | null | { readonly unreadable: true };

/** Cell values by canonical field; `dob` is short for dateOfBirth. null = the column exists, the cell is blank. */
export type Values = Partial<Record<RuleFieldName | 'dob', Cell>>;

export interface Opts {
  readonly asOf?: string;
  /** the tracker's columns, exactly (default: the keys of the values given) */
  readonly tracked?: readonly RuleFieldName[];
  /** columns the tracker has beyond the keys given (their cells are blank) */
  readonly alsoTracked?: readonly RuleFieldName[];
  /** columns to take away from the base row (the tracker has no such column) */
  readonly drop?: readonly (RuleFieldName | 'dob')[];
  readonly policy?: PolicyOverrides;
}

export interface Expected {
  readonly status: Status;
  /** ISO date, or null for "no due date"; left out = not checked */
  readonly due?: string | null;
  /** texts (or patterns) the explanation must contain */
  readonly explains?: readonly (string | RegExp)[];
}

const ROW = 5;

/** ISO → dd/mm/yyyy, written out here so the tests do not lean on the code under test. */
export function uk(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function canonical(values: Values): Partial<Record<RuleFieldName, Cell>> {
  const out: Partial<Record<RuleFieldName, Cell>> = {};
  for (const [key, value] of Object.entries(values)) {
    out[(key === 'dob' ? 'dateOfBirth' : key) as RuleFieldName] = value as Cell;
  }
  return out;
}

function day(iso: string): number {
  const d = fromIso(iso);
  if (d === null) throw new Error(`bad ISO date in a test: ${iso}`);
  return d;
}

/** Evaluate one row; returns the whole evaluation and the row's result. */
export function evaluateRow(values: Values, opts: Opts = {}): { evaluation: Evaluation; row: RowResult } {
  const drop = new Set((opts.drop ?? []).map((f) => (f === 'dob' ? 'dateOfBirth' : f)));
  const cells = canonical(values);
  for (const f of drop) delete cells[f as RuleFieldName];
  const tracked =
    opts.tracked ??
    ([...new Set([...(Object.keys(cells) as RuleFieldName[]), ...(opts.alsoTracked ?? [])])].filter(
      (f) => !drop.has(f),
    ) as RuleFieldName[]);
  const evaluation = evaluate(
    { tracked, rows: [{ row: ROW, values: cells }] },
    { asOf: day(opts.asOf ?? AS_OF), ...(opts.policy ? { policy: resolvePolicy(opts.policy) } : {}) },
  );
  expect(evaluation.rows).toHaveLength(1);
  const row = evaluation.rows[0];
  expect(row.row).toBe(ROW);
  return { evaluation, row };
}

/** The result of one rule for one row (fails the test when the rule is not in the results). */
export function resultFor(values: Values, ruleId: string, opts: Opts = {}): RuleResult {
  const { evaluation, row } = evaluateRow(values, opts);
  const result = row.results[ruleId];
  if (!result) {
    const inactive = evaluation.inactiveRules.map((r) => `${r.id} (${r.reason})`).join('; ');
    throw new Error(`${ruleId} is not in the results; inactive: ${inactive}`);
  }
  return result;
}

const DATED: readonly Status[] = ['Overdue', 'Due soon', 'On track'];

/** Check one rule's result for one row. */
export function check(values: Values, ruleId: string, expected: Expected, opts: Opts = {}): RuleResult {
  const result = resultFor(values, ruleId, opts);
  const context = `${ruleId}: ${result.status} / ${result.due} / "${result.explanation}"`;
  expect({ status: result.status, context }).toEqual({ status: expected.status, context });
  if (expected.due !== undefined) {
    expect({ due: result.due, context }).toEqual({ due: expected.due, context });
  }
  expect(result.explanation.trim().length).toBeGreaterThan(0);
  // "a one-line explanation" (RULES.md §2)
  expect(result.explanation).not.toMatch(/[\r\n]/);
  // "Every status carries a one-line explanation that names the dates it used" (RULES.md §2)
  if (DATED.includes(expected.status) && typeof expected.due === 'string') {
    expect(result.explanation).toContain(uk(expected.due));
  }
  if (DATED.includes(result.status)) expect(result.due).not.toBeNull();
  for (const text of expected.explains ?? []) {
    if (typeof text === 'string') expect(result.explanation).toContain(text);
    else expect(result.explanation).toMatch(text);
  }
  return result;
}

/**
 * A table of cases for one rule: `const t = ruleTable('cla-review', base)`, then one line per
 * case: `t('name', { lastReviewDate: null }, { status: 'Due soon', due: '2026-11-30' })`.
 * The case's values are laid over the base row.
 */
export function ruleTable(ruleId: string, base: Values = {}, baseOpts: Opts = {}) {
  return (name: string, values: Values, expected: Expected, opts: Opts = {}): void => {
    it(`${ruleId}: ${name}`, () => {
      check({ ...base, ...values }, ruleId, expected, { ...baseOpts, ...opts });
    });
  };
}

/** The rule is left out of every row and listed as inactive, with a reason naming the field. */
export function expectInactive(
  values: Values,
  ruleId: string,
  field: RegExp | string,
  opts: Opts = {},
): void {
  const { evaluation, row } = evaluateRow(values, opts);
  expect(Object.keys(row.results)).not.toContain(ruleId);
  const entry = evaluation.inactiveRules.find((r) => r.id === ruleId);
  expect(entry).toBeDefined();
  // RULES.md §2 and §8: listed as inactive with the reason, { "id": "pep", "reason": "no column for lastPepDate" }
  expect(entry?.reason).toMatch(/^no column for /);
  if (typeof field === 'string') expect(entry?.reason).toContain(field);
  else expect(entry?.reason).toMatch(field);
}

/** The rule is evaluated (present in the row's results, not listed as inactive). */
export function expectActive(values: Values, ruleId: string, opts: Opts = {}): void {
  const { evaluation, row } = evaluateRow(values, opts);
  expect(Object.keys(row.results)).toContain(ruleId);
  expect(evaluation.inactiveRules.map((r) => r.id)).not.toContain(ruleId);
}

/** The computed (or supplied) leaving-care status of one row. */
export function leavingCareStatusOf(values: Values, opts: Opts = {}): string {
  return evaluateRow(values, opts).row.leavingCareStatus;
}

/**
 * The table shared by the three yes/no health rules (immunisations, gp-registered,
 * dentist-registered): Applies looked after; Done yes; Action needed no; Blank Check data
 * (RULES.md §5); yes/no spellings from RULES.md §3.
 */
export function describeYesNoRule(ruleId: string, field: RuleFieldName): void {
  const base: Values = { dob: '2012-10-01', careStartDate: '2020-01-01', [field]: null };
  const t = ruleTable(ruleId, base);
  describe(`${ruleId}: active / inactive`, () => {
    it(`is inactive without a ${field} column`, () => {
      expectInactive({ dob: '2012-10-01', careStartDate: '2020-01-01' }, ruleId, field);
    });
  });
  describe(`${ruleId}: yes → Done`, () => {
    for (const yes of [
      'Y',
      'y',
      'Yes',
      'yes',
      'YES',
      'TRUE',
      'True',
      true,
      1,
      '1',
      'Done',
      'done',
      '✓',
      '✔',
    ] as const) {
      t(`${JSON.stringify(yes)}`, { [field]: yes }, { status: 'Done', due: null });
    }
  });
  describe(`${ruleId}: no → Action needed`, () => {
    for (const no of ['N', 'n', 'No', 'NO', 'false', 'False', false, 0, '0', 'X', 'x', '✗', '✘'] as const) {
      t(`${JSON.stringify(no)}`, { [field]: no }, { status: 'Action needed', due: null });
    }
  });
  describe(`${ruleId}: Check data / Not applicable`, () => {
    t('blank: Check data', {}, { status: 'Check data' });
    t('"N/A": Check data, quoted', { [field]: 'N/A' }, { status: 'Check data', explains: ['N/A'] });
    t('"maybe": Check data, quoted', { [field]: 'maybe' }, { status: 'Check data', explains: ['maybe'] });
    t('unreadable on the wire: Check data', { [field]: { unreadable: true } }, { status: 'Check data' });
    t(
      'not looked after (careEnd 01/11/2026): Not applicable',
      { careEndDate: '2026-11-01', [field]: 'N' },
      { status: 'Not applicable' },
    );
    t(
      'careEnd on the as-of date: Not applicable',
      { careEndDate: '2026-11-23', [field]: 'N' },
      { status: 'Not applicable' },
    );
    t(
      'careEnd planned after the as-of date: still looked after',
      { careEndDate: '2026-11-24', [field]: 'N' },
      { status: 'Action needed' },
    );
    t('aged 18 today: Not applicable', { dob: '2008-11-23', [field]: null }, { status: 'Not applicable' });
    t(
      'a blank when not looked after is not Check data',
      { careEndDate: '2026-01-01', [field]: null },
      { status: 'Not applicable' },
    );
  });
}
