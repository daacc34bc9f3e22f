/**
 * "Pathway plan summary": the leaving-care cohort from 15 years 9 months, grouped by
 * social worker, with the pathway-to-adulthood items, the section-6 facts and counts
 * for managers. Printable: landscape, one page wide, the column headings on every page.
 */
import { type Day, toIso } from '../dates/calendar';
import { ageDate } from '../dates/age';
import { summaryFacts } from '../facts';
import type { RowResult } from '../results';
import { RULE_BY_ID } from '../rules';
import { type Status, STATUSES } from '../status';
import { type PlanContext, personName, workerName } from './context';
import {
  cell,
  compareText,
  compareTextByKey,
  dateCell,
  numberValue,
  statusConditionalFormat,
  textCell,
} from './values';
import type { CellRange, ConditionalFormatPlan, PlannedCell, SheetPlan } from './types';

/** The "Not tracked" text spans columns B to G, as wide as the count tables under it. */
const NOT_TRACKED_LAST_COLUMN = 7;

/** The pathway-to-adulthood rules (RULES.md section 5), in catalogue order. */
export const PATHWAY_RULE_IDS = [
  'pathway-plan',
  'pathway-review',
  'pa-referral',
  'adult-transitions',
  'housing-register',
  'housing-options',
  'staying-put',
  'leaving-care-documents',
  'health-passport',
  'leaving-care-transfer',
  'pa-contact',
  'eet',
] as const;

const COHORT_STATUSES = new Set(['Eligible', 'Relevant', 'Former relevant', 'Not yet eligible']);

/** The statuses counted for managers on the per-worker table. */
export const MANAGER_STATUSES: readonly Status[] = ['Overdue', 'Action needed', 'Check data', 'Due soon'];

/**
 * Who is on the summary: aged 15 years 9 months or more on the as-of date (the date of
 * birth must be known), and in the leaving-care cohort — looked after (leaving-care status
 * Eligible or Not yet eligible: only a looked-after young person has those), Relevant or
 * Former relevant — or with a pathway rule that applies (covers a status supplied by the
 * tracker, or "Unknown" with a pathway item to check).
 */
export function inPathwayCohort(result: RowResult, dateOfBirth: Day | null, context: PlanContext): boolean {
  const { asOf, policy } = context.input;
  if (dateOfBirth === null || dateOfBirth > asOf) return false;
  if (ageDate(dateOfBirth, 15, 9, policy.leapDayBirthdays) > asOf) return false;
  if (COHORT_STATUSES.has(result.leavingCareStatus)) return true;
  return PATHWAY_RULE_IDS.some((id) => {
    const status = result.results[id]?.status;
    return status !== undefined && status !== 'Not applicable';
  });
}

/**
 * "NI number, Photo ID" from the documents rule's explanation ("...; missing: NI number,
 * Photo ID: due 25/06/2025, overdue by 3 days (LCC)"): the list ends where the due date's
 * part or the source begins.
 */
export function missingDocuments(explanation: string): string {
  const match = /missing:\s*([^;(:]*)/i.exec(explanation);
  const list = match ? match[1].trim().replace(/[.\s]+$/, '') : '';
  return list || explanation;
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly status?: boolean;
  readonly value: (row: number, result: RowResult) => PlannedCell;
}

type Facts = ReturnType<typeof summaryFacts>;

function listColumns(context: PlanContext, factsOf: (row: number) => Facts): Column[] {
  const { input } = context;
  const columns: Column[] = [
    { header: 'Young person', width: 30, value: (row) => textCell(personName(context, row), 'bold') },
    { header: 'Child ID', width: 12, value: (row) => textCell(input.local.get(row)?.childId) },
    { header: 'Age', width: 8, value: (row) => textCell(factsOf(row).ageText) },
    { header: 'NC year', width: 11, value: (row) => textCell(factsOf(row).ncYearText) },
    { header: 'Leaving-care status', width: 16, value: (_row, r) => textCell(r.leavingCareStatus) },
    {
      header: 'Personal adviser',
      width: 20,
      value: (row) => textCell(input.local.get(row)?.personalAdviser),
    },
    {
      header: 'Foster placement funded until',
      width: 14,
      value: (row) => {
        const until = factsOf(row).fosterPlacementFundedUntil;
        return dateCell(until === null ? null : toIso(until));
      },
    },
  ];
  for (const rule of input.rules) {
    if (!(PATHWAY_RULE_IDS as readonly string[]).includes(rule.id)) continue;
    columns.push(
      {
        header: rule.label,
        width: Math.max(13, Math.min(24, rule.label.length)),
        status: true,
        value: (_row, r) => textCell(r.results[rule.id]?.status),
      },
      {
        header: `${rule.label} due`,
        width: 12,
        value: (_row, r) => dateCell(r.results[rule.id]?.due),
      },
    );
    if (rule.id === 'leaving-care-documents') {
      columns.push({
        header: 'Documents missing',
        width: 30,
        value: (_row, r) => {
          const result = r.results[rule.id];
          const outstanding = result && result.status !== 'Done' && result.status !== 'Not applicable';
          return textCell(outstanding ? missingDocuments(result.explanation) : null, 'wrap');
        },
      });
    }
  }
  return columns;
}

function groupByWorker(context: PlanContext, results: readonly RowResult[]): Map<string, RowResult[]> {
  const groups = new Map<string, RowResult[]>();
  for (const result of results) {
    const worker = workerName(context, result.row);
    const group = groups.get(worker);
    if (group) group.push(result);
    else groups.set(worker, [result]);
  }
  return groups;
}

export function buildSummarySheet(context: PlanContext, sheetName: string): SheetPlan {
  const { input } = context;
  const facts = new Map<number, Facts>();
  const factsOf = (row: number): Facts => {
    let known = facts.get(row);
    if (!known) {
      const given = input.facts.get(row) ?? { dateOfBirth: null, placementType: null };
      known = summaryFacts(given, input.asOf, input.policy.leapDayBirthdays);
      facts.set(row, known);
    }
    return known;
  };
  const columns = listColumns(context, factsOf);
  const width = Math.max(columns.length, MANAGER_STATUSES.length + 2, STATUSES.length);
  const rows: PlannedCell[][] = [];
  const merges: CellRange[] = [];
  const mergeRow = (row: number) =>
    merges.push({ firstRow: row, lastRow: row, firstColumn: 1, lastColumn: width });

  // --- header block --------------------------------------------------------------------
  rows.push([textCell('Pathway plan summary', 'title')]);
  mergeRow(rows.length);
  rows.push([
    textCell(
      'Young people aged 15 years 9 months or more who are looked after or care leavers, grouped by social worker.',
      'subtitle',
    ),
  ]);
  mergeRow(rows.length);
  rows.push([textCell('As-of date', 'bold'), dateCell(toIso(input.asOf))]);
  rows.push([
    textCell('Rules version', 'bold'),
    textCell(input.policy.name ? `${input.rulesVersion} (${input.policy.name})` : input.rulesVersion),
  ]);
  rows.push([textCell('Computed by', 'bold'), textCell(input.computedBy)]);
  // inactive rules are not in input.rules (those are the active ones): their labels come from the catalogue
  const inactive = input.evaluation.inactiveRules
    .map((rule) => `${RULE_BY_ID.get(rule.id)?.label ?? rule.id} (${rule.reason})`)
    .join('; ');
  rows.push([textCell('Not tracked', 'bold'), textCell(inactive || 'Every rule is tracked', 'wrap')]);
  // the list of rules not tracked can be long: it wraps across the header block's width
  merges.push({
    firstRow: rows.length,
    lastRow: rows.length,
    firstColumn: 2,
    lastColumn: NOT_TRACKED_LAST_COLUMN,
  });
  rows.push([]);

  // --- the cohort ------------------------------------------------------------------------
  const cohort = context.results.filter((result) =>
    inPathwayCohort(result, input.facts.get(result.row)?.dateOfBirth ?? null, context),
  );
  const pathwayIds = input.rules
    .map((rule) => rule.id)
    .filter((id) => (PATHWAY_RULE_IDS as readonly string[]).includes(id));

  // counts by status of the pathway items of the young people listed below
  const counted = STATUSES.filter((status) => status !== 'Not applicable');
  const byStatus = new Map<Status, number>();
  for (const result of cohort) {
    for (const id of pathwayIds) {
      const status = result.results[id]?.status;
      if (status !== undefined) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    }
  }
  rows.push([
    textCell('Pathway items by status', 'header'),
    ...counted.map((status) => textCell(status, 'header')),
  ]);
  rows.push([
    textCell(`${cohort.length} young ${cohort.length === 1 ? 'person' : 'people'} listed below`),
    ...counted.map((status) => cell(numberValue(byStatus.get(status) ?? 0))),
  ]);
  const statusCountsHeaderRow = rows.length - 1;
  rows.push([]);

  // per-worker table for managers: every flag of every young person on the tracker
  rows.push([
    textCell('Flags by worker (all rules, whole tracker)', 'header'),
    ...MANAGER_STATUSES.map((status) => textCell(status, 'header')),
    textCell('Young people', 'header'),
  ]);
  const workerCountsHeaderRow = rows.length;
  const byWorker = groupByWorker(context, context.results);
  const totals = MANAGER_STATUSES.map(() => 0);
  for (const worker of [...byWorker.keys()].sort(compareText)) {
    const caseload = byWorker.get(worker) as RowResult[];
    // counted in place: a whole tracker's statuses would be half a million entries to list first
    const counts = new Map<string, number>();
    for (const result of caseload) {
      for (const { status } of Object.values(result.results))
        counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    const values = MANAGER_STATUSES.map((status) => counts.get(status) ?? 0);
    values.forEach((value, i) => (totals[i] += value));
    rows.push([
      textCell(worker),
      ...values.map((value) => cell(numberValue(value))),
      cell(numberValue(caseload.length)),
    ]);
  }
  rows.push([
    textCell('Total', 'bold'),
    ...totals.map((value) => cell(numberValue(value), 'bold')),
    cell(numberValue(context.results.length), 'bold'),
  ]);
  rows.push([]);

  // --- the list, grouped by worker ---------------------------------------------------------
  rows.push(columns.map((column) => textCell(column.header, 'header')));
  const listHeaderRow = rows.length;
  const groups = groupByWorker(context, cohort);
  for (const worker of [...groups.keys()].sort(compareText)) {
    const members = (groups.get(worker) as RowResult[])
      .map((result) => {
        const name = personName(context, result.row);
        return { result, name, key: name.toLowerCase() };
      })
      .sort((a, b) => compareTextByKey(a.key, a.name, b.key, b.name) || a.result.row - b.result.row)
      .map((member) => member.result);
    rows.push([textCell(`${worker} (${members.length})`, 'group')]);
    mergeRow(rows.length);
    for (const result of members) rows.push(columns.map((column) => column.value(result.row, result)));
  }
  if (cohort.length === 0) {
    rows.push([
      textCell('No young person aged 15 years 9 months or more is looked after or a care leaver.', 'note'),
    ]);
    mergeRow(rows.length);
  }

  const conditionalFormats: ConditionalFormatPlan[] = [];
  const lastRow = rows.length;
  if (cohort.length > 0) {
    columns.forEach((column, index) => {
      if (!column.status) return;
      conditionalFormats.push(
        statusConditionalFormat({
          firstRow: listHeaderRow + 1,
          lastRow,
          firstColumn: index + 1,
          lastColumn: index + 1,
        }),
      );
    });
  }
  // the status words heading the count tables get their colours too
  conditionalFormats.push(
    statusConditionalFormat({
      firstRow: statusCountsHeaderRow,
      lastRow: statusCountsHeaderRow,
      firstColumn: 2,
      lastColumn: counted.length + 1,
    }),
    statusConditionalFormat({
      firstRow: workerCountsHeaderRow,
      lastRow: workerCountsHeaderRow,
      firstColumn: 2,
      lastColumn: MANAGER_STATUSES.length + 1,
    }),
  );

  return {
    key: 'summary',
    name: sheetName,
    columnWidths: columns.map((column) => column.width).concat(Array(width - columns.length).fill(12)),
    rows,
    merges,
    freezeRows: 0,
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: { first: listHeaderRow, last: listHeaderRow },
      breaksAfterRows: [],
    },
    conditionalFormats,
    autoFilter: null,
  };
}
