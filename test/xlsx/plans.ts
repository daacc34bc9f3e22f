/**
 * Write plans made by hand for the file adapter's tests (plain data, as the plan builder
 * produces it), so these tests do not depend on the builder.
 */
import { rangeRef } from '../../shared/writePlan/a1';
import { COLUMNS_MARKER, SHEET_MARKERS } from '../../shared/writePlan/markers';
import type {
  PlannedCell,
  PlannedColumn,
  PlanValue,
  SheetPlan,
  WritePlan,
} from '../../shared/writePlan/types';
import { statusConditionalFormat } from '../../shared/writePlan/values';

export const STATUS_CYCLE = [
  'Overdue',
  'Due soon',
  'On track',
  'Check data',
  'Action needed',
  'Done',
  'Not applicable',
];

export interface PlanOptions {
  readonly sheetName: string;
  readonly headerRow: number;
  readonly rows: readonly number[];
  readonly firstColumn: number;
  /** rule columns (each a status and a due date) besides overall / next action / due */
  readonly rules?: readonly string[];
  readonly clearColumns?: { firstColumn: number; lastColumn: number } | null;
  readonly clearRows?: { firstRow: number; lastRow: number } | null;
  readonly table?: string | null;
  /** shift of the status cycle, to plan different results */
  readonly shift?: number;
  readonly summaryName?: string;
  readonly withReviewPack?: boolean;
}

const text = (t: string): PlanValue => ({ kind: 'text', text: t });

export function trackerPlan(o: PlanOptions): WritePlan {
  const shift = o.shift ?? 0;
  const status = (i: number, k: number): PlanValue =>
    text(STATUS_CYCLE[(i + k + shift) % STATUS_CYCLE.length]);
  const due = (i: number, k: number): PlanValue =>
    (i + k) % 5 === 4
      ? null
      : { kind: 'date', iso: `2026-0${1 + ((i + k) % 9)}-${String(10 + (i % 18)).padStart(2, '0')}` };
  const columns: PlannedColumn[] = [
    {
      key: 'overall',
      header: 'Overall flag',
      kind: 'status',
      width: 14,
      values: o.rows.map((_r, i) => status(i, 0)),
    },
    {
      key: 'next-action',
      header: 'Next action',
      kind: 'text',
      width: 40,
      // text that looks like a formula must stay text
      values: o.rows.map((_r, i) =>
        i === 1 ? text('=SUM(A1:A2) is not a formula') : text(`Review <due> & "soon" #${i}`),
      ),
    },
    {
      key: 'next-action-due',
      header: 'Next action due',
      kind: 'date',
      width: 14,
      values: o.rows.map((_r, i) => due(i, 0)),
    },
  ];
  (o.rules ?? ['cla-review', 'pep']).forEach((rule, k) => {
    columns.push({
      key: rule,
      header: `${rule} status`,
      kind: 'status',
      width: 12,
      values: o.rows.map((_r, i) => status(i, k + 1)),
    });
    columns.push({
      key: `${rule}:due`,
      header: `${rule} due`,
      kind: 'date',
      width: 12,
      values: o.rows.map((_r, i) => due(i, k + 1)),
    });
  });
  const lastColumn = o.firstColumn + columns.length - 1;
  const firstRow = o.rows[0];
  const lastRow = o.rows[o.rows.length - 1];
  const statusColumns = columns.map((c, j) => (c.kind === 'status' ? o.firstColumn + j : 0)).filter(Boolean);
  const summary = summarySheet(o.summaryName ?? 'Flag summary');
  const sheets: SheetPlan[] = [summary];
  if (o.withReviewPack) sheets.push({ ...summarySheet('Review pack'), key: 'review-pack' });
  return {
    tracker: {
      sheetName: o.sheetName,
      headerRow: o.headerRow,
      firstColumn: o.firstColumn,
      columns,
      rows: o.rows,
      clearColumns: o.clearColumns ?? null,
      clearRows: o.clearRows ?? null,
      table: o.table ? { name: o.table, newLastColumn: lastColumn } : null,
      conditionalFormats: statusColumns.map((column) =>
        statusConditionalFormat({ firstRow, lastRow, firstColumn: column, lastColumn: column }),
      ),
    },
    sheets,
    markers: [
      {
        name: COLUMNS_MARKER,
        sheetName: o.sheetName,
        ref: rangeRef(
          // as the plan builder does: the block from the header row to the last data row
          {
            firstRow: o.headerRow,
            lastRow: Math.max(o.headerRow, lastRow ?? o.headerRow),
            firstColumn: o.firstColumn,
            lastColumn,
          },
          true,
        ),
      },
      ...sheets.map((s) => ({ name: SHEET_MARKERS[s.key], sheetName: s.name, ref: '$A$1' })),
    ],
  };
}

export function summarySheet(name: string): SheetPlan {
  const c = (value: PlanValue, style?: PlannedCell['style']): PlannedCell =>
    style ? { value, style } : { value };
  const rows: PlannedCell[][] = [
    [c(text('Caseload flags'), 'title')],
    [c(text('As of 01/03/2026 · rules 1.0'), 'subtitle')],
    [
      c(text('Worker'), 'header'),
      c(text('Overdue'), 'header'),
      c(text('Due soon'), 'header'),
      c(text('Next due'), 'header'),
      c(text('Status'), 'header'),
    ],
  ];
  const statuses = ['Overdue', 'Due soon', 'On track', 'Check data'];
  for (let i = 0; i < 12; i++) {
    rows.push([
      c(text(i % 2 ? 'Sam Worker' : 'Alex Worker'), 'body'),
      c({ kind: 'number', value: i }, 'body'),
      c({ kind: 'number', value: 12 - i }, 'body'),
      c({ kind: 'date', iso: `2026-03-${String(i + 1).padStart(2, '0')}` }, 'body'),
      c(text(statuses[i % 4]), 'bold'),
    ]);
  }
  rows.push([c(text('Group: Leaving care'), 'group'), c(null, 'group'), c(null, 'group')]);
  rows.push([
    c(text('A long note that wraps over several lines in the printed pack, as guidance text does.'), 'note'),
  ]);
  rows.push([c(text('-1 is text, +44 too, @home too'), 'wrap')]);
  return {
    key: 'summary',
    name,
    columnWidths: [24, 10, 10, 14, 16],
    rows,
    merges: [
      { firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 5 },
      { firstRow: 16, lastRow: 16, firstColumn: 1, lastColumn: 3 },
    ],
    freezeRows: 3,
    print: { landscape: true, fitToWidth: true, repeatRows: { first: 3, last: 3 }, breaksAfterRows: [9] },
    conditionalFormats: [
      statusConditionalFormat({ firstRow: 4, lastRow: 15, firstColumn: 5, lastColumn: 5 }),
    ],
    autoFilter: { firstRow: 3, lastRow: 15, firstColumn: 1, lastColumn: 5 },
  };
}
