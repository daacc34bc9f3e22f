/**
 * Small builders for plan values, and the cleaning of text taken from the workbook or
 * the results before it is written back.
 */
import { fromIso } from '../dates/calendar';
import type { Status } from '../status';
import { STATUS_FILL, STATUSES } from '../status';
import { cellRef } from './a1';
import type { CellRange, CellStyle, ConditionalFormatPlan, PlanValue, PlannedCell } from './types';

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * Text fit for a cell: control characters other than tab and line feed are dropped
 * (they make an .xlsx invalid, or show as boxes), carriage returns become line feeds,
 * and anything over Excel's 32,767 characters is cut with an ellipsis. Adapters still
 * write the result literally (never as a formula).
 */
// control characters other than tab and line feed are not allowed in an .xlsx cell
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** Anything `safeText` might change: most text has none of it, and is returned as it is. */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function safeText(text: string): string {
  if (text.length <= MAX_CELL_TEXT && !NEEDS_CLEANING.test(text)) return text;
  let clean = text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  // lone surrogates are not valid XML either
  clean = clean.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  if (clean.length > MAX_CELL_TEXT) clean = `${clean.slice(0, MAX_CELL_TEXT - 1)}…`;
  return clean;
}

/** The status words, made once: they fill most of the tool's cells. Plan values are never mutated. */
const STATUS_VALUES: ReadonlyMap<string, PlanValue> = new Map(
  STATUSES.map((status) => [status, { kind: 'text', text: status } as const]),
);

/** A text value; empty or missing text is an empty cell. */
export function textValue(text: string | null | undefined): PlanValue {
  if (text === null || text === undefined) return null;
  const known = STATUS_VALUES.get(text);
  if (known) return known;
  const clean = safeText(text);
  return clean === '' ? null : { kind: 'text', text: clean };
}

/**
 * Date values are shared between cells with the same date (a tracker has a few hundred
 * distinct due dates over thousands of cells); plan values are never mutated.
 */
const dateValues = new Map<string, PlanValue>();
const DATE_VALUES_KEPT = 20_000;

/**
 * A date value from an ISO date; null stays an empty cell. Something that is not a real
 * calendar date (results from elsewhere are checked only for their YYYY-MM-DD form) is
 * written as text, so an adapter never has to make a date of it.
 */
export function dateValue(iso: string | null | undefined): PlanValue {
  if (!iso) return null;
  let value = dateValues.get(iso);
  if (!value) {
    if (dateValues.size >= DATE_VALUES_KEPT) dateValues.clear();
    value = fromIso(iso) === null ? { kind: 'text', text: safeText(iso) } : { kind: 'date', iso };
    dateValues.set(iso, value);
  }
  return value;
}

export function numberValue(value: number): PlanValue {
  return { kind: 'number', value };
}

export function cell(value: PlanValue, style?: CellStyle): PlannedCell {
  return style ? { value, style } : { value };
}

const STATUS_CELLS: ReadonlyMap<string, PlannedCell> = new Map(
  [...STATUS_VALUES].map(([status, value]) => [status, { value }]),
);

/**
 * Cells of short text are shared too, by look, while a plan is built (headings, labels,
 * statuses, ages, workers recur across a plan's hundreds of thousands of cells); long
 * text (an explanation) is seldom repeated and is not kept. `buildWritePlan` forgets them
 * when the plan is made (`forgetSharedCells`), so they hold no memory between plans.
 */
const textCells = new Map<CellStyle | undefined, Map<string, PlannedCell>>();
const SHARED_TEXT_LENGTH = 64;
/** beyond this many, new texts are not kept (the ones that recur were met early) */
const TEXT_CELLS_KEPT = 50_000;
let textCellsKept = 0;

export function textCell(text: string | null | undefined, style?: CellStyle): PlannedCell {
  if (!text || text.length > SHARED_TEXT_LENGTH) return cell(textValue(text), style);
  if (!style) {
    const known = STATUS_CELLS.get(text);
    if (known) return known;
  }
  let byText = textCells.get(style);
  if (!byText) {
    byText = new Map();
    textCells.set(style, byText);
  }
  let found = byText.get(text);
  if (!found) {
    found = cell(textValue(text), style);
    if (textCellsKept < TEXT_CELLS_KEPT) {
      byText.set(text, found);
      textCellsKept++;
    }
  }
  return found;
}

/** Forgets the shared text and date cells (the plan made keeps its own). */
export function forgetSharedCells(): void {
  textCells.clear();
  textCellsKept = 0;
  dateCells.clear();
}

/** Date cells (no style) are shared like date values. */
const dateCells = new Map<string, PlannedCell>();

/** `cell(dateValue(iso))`, shared between cells with the same date. */
export function dateCell(iso: string | null | undefined): PlannedCell {
  if (!iso) return EMPTY_CELL;
  let found = dateCells.get(iso);
  if (!found) {
    if (dateCells.size >= DATE_VALUES_KEPT) dateCells.clear();
    found = cell(dateValue(iso));
    dateCells.set(iso, found);
  }
  return found;
}

const EMPTY_CELL: PlannedCell = { value: null };

/** Sorting that does not depend on the machine's locale, so plans are the same everywhere. */
export function compareText(a: string, b: string): number {
  return compareTextByKey(a.toLowerCase(), a, b.toLowerCase(), b);
}

/** `compareText` with each text's lower case made beforehand (sorting thousands of names). */
export function compareTextByKey(aLower: string, a: string, bLower: string, b: string): number {
  if (aLower !== bLower) return aLower < bLower ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Statuses grouped by fill colour, in the order the rules are listed (red, amber, green, purple). */
const FILL_GROUPS: readonly (readonly Status[])[] = [
  ['Overdue', 'Action needed'],
  ['Due soon'],
  ['On track', 'Done'],
  ['Check data'],
];

/**
 * Conditional formats keyed on the status word for one status column (or any range whose
 * cells hold status words): the formula is relative to the range's top-left cell.
 */
export function statusConditionalFormat(range: CellRange): ConditionalFormatPlan {
  const ref = cellRef(range.firstRow, range.firstColumn);
  return {
    range,
    rules: FILL_GROUPS.map((statuses) => {
      const tests = statuses.map((status) => `${ref}="${status}"`);
      return {
        formula: tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`,
        fill: STATUS_FILL[statuses[0]] as string,
      };
    }),
  };
}
