/**
 * The write plan builder: from the tracker's layout, the results and the columns that
 * stay in the workbook (names, IDs, workers), everything the tool writes, cell by cell.
 * Both adapters only apply it. The same input always gives the same plan, so a refresh
 * with nothing changed rewrites exactly what is there.
 *
 * How an adapter applies a plan (it takes no decision of its own):
 * 1. Conflicts were checked here: `buildWritePlan` throws a `WritePlanConflict` (show its
 *    message as it is) before anything is written, so a refused refresh writes nothing.
 * 2. Tracker: write each column's header in `headerRow` and its values in `rows`; clear
 *    `clearColumns` from the header row to the last data row; resize `table`; remove the
 *    conditional formats that lie within the previous block (they are the tool's) and add
 *    `conditionalFormats`. Text values are written as literal text, never as formulas.
 * 3. Sheets: clear the sheet if it exists (found by its marker), or add it; write the
 *    rows, widths, merges, freeze, print setup, conditional formats and autofilter.
 * 4. Markers: (re)define each name, hidden, at workbook scope.
 */
import { type Day, fromIso, toUk } from '../dates/calendar';
import type { RowFacts } from '../facts';
import type { Policy } from '../policy';
import type { Evaluation, RowResult } from '../results';
import type { PlanContext } from './context';
import { rangeRef } from './a1';
import { resolveToolSheetNames, WritePlanConflict } from './conflicts';
import { buildDetailsSheet } from './detailsSheet';
import { COLUMNS_MARKER, SHEET_MARKERS } from './markers';
import { buildReviewPack } from './reviewPack';
import { blockLastRow, buildStatusColumns, type RuleInfo } from './statusColumns';
import { buildSummarySheet } from './summarySheet';
import { tallRows } from './rowHeights';
import { forgetSharedCells } from './values';
import type { MarkerPlan, SheetPlan, TrackerLayout, WritePlan } from './types';

// what the adapters need besides the builder
export { WritePlanConflict } from './conflicts';
export {
  COLUMNS_MARKER,
  SHEET_MARKERS,
  MARKER_NAMES,
  TOOL_SHEET_NAMES,
  markerToSheetKey,
  isColumnsMarker,
} from './markers';
export { safeText } from './values';
export { parseRangeRef, columnLetters, columnNumber } from './a1';
export type { RuleInfo } from './statusColumns';

/** The text columns that never leave the workbook, per tracker row. */
export interface LocalRow {
  readonly name?: string;
  readonly childId?: string;
  readonly socialWorker?: string;
  readonly team?: string;
  readonly personalAdviser?: string;
}

export interface WritePlanInput {
  readonly layout: TrackerLayout;
  readonly evaluation: Evaluation;
  /** the active rules, in catalogue order (RULES.md section 5) */
  readonly rules: readonly RuleInfo[];
  /** names, IDs, workers, personal advisers, by worksheet row: they go only into the workbook */
  readonly local: ReadonlyMap<number, LocalRow>;
  /** what the section-6 facts are worked out from, by worksheet row */
  readonly facts: ReadonlyMap<number, RowFacts>;
  readonly asOf: Day;
  readonly policy: Pick<Policy, 'reviewPackDays' | 'leapDayBirthdays'> & { readonly name?: string };
  readonly rulesVersion: string;
  /** where the results were computed: "this computer (built-in rules)", "service" */
  readonly computedBy: string;
}

export function buildWritePlan(input: WritePlanInput): WritePlan {
  try {
    return buildPlan(input);
  } finally {
    forgetSharedCells();
  }
}

function buildPlan(input: WritePlanInput): WritePlan {
  const context = makeContext(input);
  const sheetNames = resolveToolSheetNames(input.layout);
  const tracker = buildStatusColumns(input.layout, input.rules, context.resultsByRow);

  const sheets: SheetPlan[] = [
    buildSummarySheet(context, sheetNames.summary),
    buildDetailsSheet(context, sheetNames.details),
    buildReviewPack(context, sheetNames['review-pack']),
  ].map((sheet) => ({ ...sheet, tallRows: tallRows(sheet) }));

  const lastColumn = tracker.firstColumn + tracker.columns.length - 1;
  const markers: MarkerPlan[] = [
    {
      name: COLUMNS_MARKER,
      sheetName: tracker.sheetName,
      ref: rangeRef(
        {
          firstRow: tracker.headerRow,
          lastRow: blockLastRow(tracker.headerRow, tracker.rows),
          firstColumn: tracker.firstColumn,
          lastColumn,
        },
        true,
      ),
    },
    ...sheets.map((sheet) => ({ name: SHEET_MARKERS[sheet.key], sheetName: sheet.name, ref: '$A$1' })),
  ];
  return { tracker, sheets, markers };
}

function makeContext(input: WritePlanInput): PlanContext {
  const resultsAsOf = fromIso(input.evaluation.asOf);
  if (resultsAsOf !== input.asOf) {
    // a plan must describe the results it shows: mixing dates would mislabel every flag
    const shown = resultsAsOf === null ? input.evaluation.asOf : toUk(resultsAsOf);
    throw new WritePlanConflict(
      `The flags were worked out as of ${shown} but the sheets would say ${toUk(input.asOf)}: refresh the flags again.`,
    );
  }
  const resultsByRow = new Map<number, RowResult>();
  for (const result of input.evaluation.rows) resultsByRow.set(result.row, result);
  const results = [...resultsByRow.values()].sort((a, b) => a.row - b.row);
  return {
    input,
    resultsByRow,
    results,
    ruleLabels: new Map(input.rules.map((rule) => [rule.id, rule.label])),
    ruleOrder: new Map(input.rules.map((rule, index) => [rule.id, index])),
  };
}
