/**
 * Hand-built inputs for the write-plan tests: plain objects matching the result schema
 * (RULES.md section 8), so the tests do not depend on the rules engine.
 */
import { type Day, fromIso } from '../dates/calendar';
import { DEFAULT_POLICY } from '../policy';
import { type Evaluation, evaluationSchema, type RowResult, type RuleResult } from '../results';
import { type Status, worstStatus } from '../status';
import type { LeavingCareStatus, PlacementType } from '../fields';
import type { RowFacts } from '../facts';
import type { LocalRow, WritePlanInput } from './build';
import type { TrackerLayout } from './types';

export const AS_OF_ISO = '2026-11-23';
export const AS_OF: Day = fromIso(AS_OF_ISO) as Day;

export function day(iso: string): Day {
  const value = fromIso(iso);
  if (value === null) throw new Error(`bad test date ${iso}`);
  return value;
}

export const RULES = [
  { id: 'cla-review', label: 'Looked-after review' },
  { id: 'pep', label: 'PEP' },
  { id: 'pathway-plan', label: 'Pathway plan' },
  { id: 'pathway-review', label: 'Pathway plan review' },
  { id: 'leaving-care-documents', label: 'Leaving care documents' },
  { id: 'eet', label: 'Education, employment or training' },
] as const;

export function r(
  status: Status,
  due: string | null = null,
  explanation = `${status} because of the test`,
): RuleResult {
  return { status, due, explanation };
}

/** A row's result with overall and next action worked out as RULES.md section 2 says. */
export function row(
  rowNumber: number,
  results: Record<string, RuleResult>,
  leavingCareStatus: LeavingCareStatus = 'Not eligible',
  ruleOrder: readonly string[] = RULES.map((rule) => rule.id),
): RowResult {
  const statuses = Object.values(results).map((result) => result.status);
  const candidates = ruleOrder
    .filter(
      (id) =>
        results[id] && results[id].due && ['Overdue', 'Due soon', 'On track'].includes(results[id].status),
    )
    .map((id) => ({ rule: id, due: results[id].due as string }));
  candidates.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return {
    row: rowNumber,
    overall: worstStatus(statuses),
    nextAction: candidates[0] ?? null,
    leavingCareStatus,
    results,
  };
}

/** Every rule Not applicable except those given. */
export function rowWith(
  rowNumber: number,
  given: Record<string, RuleResult>,
  leavingCareStatus: LeavingCareStatus = 'Not eligible',
): RowResult {
  const results: Record<string, RuleResult> = {};
  for (const rule of RULES) results[rule.id] = given[rule.id] ?? r('Not applicable', null, 'Does not apply');
  return row(rowNumber, results, leavingCareStatus);
}

export function evaluation(rows: RowResult[], inactiveRules: Evaluation['inactiveRules'] = []): Evaluation {
  // validated against the real schema so the fixtures cannot drift from the contract
  return evaluationSchema.parse({ asOf: AS_OF_ISO, rulesVersion: '2026.11.0', inactiveRules, rows });
}

export function layout(overrides: Partial<TrackerLayout> = {}): TrackerLayout {
  return {
    sheetName: 'Caseload',
    headerRow: 4,
    dataRows: [5, 6, 7],
    headers: ['Name', 'ID', 'Social worker', 'DOB', 'Last review', 'Pathway plan'],
    lastUsedColumn: 6,
    table: null,
    previousBlock: null,
    sheets: [{ name: 'Caseload', toolKey: null }],
    ...overrides,
  };
}

export function facts(dateOfBirth: string | null, placementType: PlacementType | null = null): RowFacts {
  return { dateOfBirth: dateOfBirth === null ? null : day(dateOfBirth), placementType };
}

/** Three young people: an overdue looked-after child, a 16-year-old care leaver, a 12-year-old. */
export function sampleInput(overrides: Partial<WritePlanInput> = {}): WritePlanInput {
  const rows = [
    rowWith(
      5,
      {
        'cla-review': r('Overdue', '2026-04-30', 'Second review due 3 months after first review'),
        pep: r('Due soon', '2026-12-10'),
      },
      'Not yet eligible',
    ),
    rowWith(
      6,
      {
        'cla-review': r('Due soon', '2026-12-01'),
        'pathway-plan': r('Done', '2026-06-01'),
        'pathway-review': r('On track', '2027-03-01'),
        'leaving-care-documents': r(
          'Check data',
          '2028-05-04',
          'Documents due by the 18th birthday; missing: NI number, Photo ID',
        ),
        eet: r('Action needed', null, 'NEET'),
      },
      'Eligible',
    ),
    rowWith(
      7,
      { 'cla-review': r('On track', '2027-04-01'), pep: r('On track', '2026-12-31') },
      'Not yet eligible',
    ),
  ];
  const local = new Map<number, LocalRow>([
    [5, { name: 'Ava Brown', childId: 'C100', socialWorker: 'Sam Patel' }],
    [6, { name: 'Ben Cole', childId: 'C101', socialWorker: 'Ali Khan', personalAdviser: 'Pat Lee' }],
    [7, { name: 'Cara Dunn', childId: 'C102', socialWorker: 'Sam Patel' }],
  ]);
  const factsByRow = new Map<number, RowFacts>([
    [5, facts('2010-03-15', 'foster')],
    [6, facts('2010-05-04', 'foster')],
    [7, facts('2014-07-01', 'residential')],
  ]);
  return {
    layout: layout(),
    evaluation: evaluation(rows),
    rules: RULES,
    local,
    facts: factsByRow,
    asOf: AS_OF,
    policy: { ...DEFAULT_POLICY },
    rulesVersion: '2026.11.0',
    computedBy: 'this computer (built-in rules)',
    ...overrides,
  };
}
