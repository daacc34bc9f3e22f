/**
 * The values of a sheet, read straight from the package the adapter has open anyway: text,
 * numbers, booleans, dates (numbers shown with a date format), and errors as unreadable.
 * No model of the workbook is built, so a 20,000-row tracker is read in a fraction of the
 * time and memory a spreadsheet library's full read takes.
 */
import type { RawCell } from '../../shared/cells';
import { fromExcelSerial, toJsDate } from '../../shared/dates/calendar';
import type { XlsxPackage } from './package';
import { readSharedStrings } from './sharedStrings';
import {
  cellStyle,
  cellType,
  cellV,
  inlineText,
  parseWorksheet,
  rowCells,
  rowsOf,
  type CellSpan,
  type Worksheet,
} from './sheetXml';
import { stylesPath, WORKBOOK } from './workbook';
import { attr, child, children, decodeOoxmlText, rootElement, tagText } from './xml';

/**
 * Built-in number formats that show a date or time (ECMA-376 18.8.30: 14–22 and 45–47; 27–36
 * and 50–58 are the East Asian date formats).
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a number format shows a date (as Excel decides it: d, m, y, h or s outside quoted
 * text, escaped characters and [colour] or [$-809] brackets).
 */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format) return false;
  const visible = format
    .replace(/\\./g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '');
  return /[dmyhs]/i.test(visible);
}

/** What reading values needs from the workbook, worked out once for all its sheets. */
export interface ValueContext {
  readonly sharedStrings: readonly string[];
  /** cell format (`s`) indexes whose number format shows a date */
  readonly dateStyles: ReadonlySet<number>;
  /** the workbook counts dates from 1904 (old Mac workbooks) */
  readonly date1904: boolean;
  /** the dates read so far, by serial number (shared by the cells that hold them) */
  readonly dates?: Map<number, Date>;
  /** short inline texts read so far (shared by the cells that hold them) */
  readonly texts?: Map<string, string>;
}

export function valueContext(pkg: XlsxPackage): ValueContext {
  return {
    sharedStrings: readSharedStrings(pkg),
    dateStyles: dateStyles(pkg),
    date1904: uses1904(pkg),
    dates: new Map(),
    texts: new Map(),
  };
}

/** Every row of the sheet part at `path` (or its first `limit` rows): `rows[i]` is worksheet row i + 1. */
export function readSheetValues(
  pkg: XlsxPackage,
  path: string,
  context: ValueContext,
  limit = Number.POSITIVE_INFINITY,
): RawCell[][] {
  const ws = parseWorksheet(pkg.text(path));
  const rows: RawCell[][] = [];
  for (const row of rowsOf(ws)) {
    if (row.row > limit) break;
    const cells: RawCell[] = [];
    for (const cell of rowCells(ws, row)) cells[cell.column - 1] = cellValue(ws, cell, context);
    for (let i = 0; i < cells.length; i += 1) if (cells[i] === undefined) cells[i] = null;
    rows[row.row - 1] = cells;
  }
  for (let i = 0; i < rows.length; i += 1) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

function cellValue(ws: Worksheet, cell: CellSpan, context: ValueContext): RawCell {
  if (cell.contentEnd === cell.openEnd) return null;
  const type = cellType(ws, cell);
  if (type === 'inlineStr') return sharedText(context, inlineText(ws, cell));
  // a formula's cached result, or the value itself
  const v = cellV(ws.xml, cell);
  // A formula whose result was never saved (the file was written by a program, not by
  // Excel) holds something that cannot be read: Check data, not a blank.
  if (v === undefined) return hasFormula(ws, cell) ? { unreadable: true } : null;
  switch (type) {
    case 's':
      return context.sharedStrings[Number(v)] ?? { unreadable: true };
    case 'str':
    case 'd': // an ISO date as text: the date readers understand it
      return decodeOoxmlText(v);
    case 'b':
      return v.trim() === '1';
    case 'e':
      return { unreadable: true };
    default: {
      const number = Number(v);
      if (!Number.isFinite(number)) return { unreadable: true };
      if (!context.dateStyles.has(cellStyle(ws, cell))) return number;
      return dateOf(context, context.date1904 ? number + 1462 : number);
    }
  }
}

const FORMULA_ELEMENT = /<(?:\w+:)?f[\s>/]/;

function hasFormula(ws: Worksheet, cell: CellSpan): boolean {
  return FORMULA_ELEMENT.test(ws.xml.slice(cell.openEnd, cell.contentEnd));
}

/**
 * Short inline text, one string for all the cells that hold it: a tracker refreshed before
 * has a million inline cells of a few status words and labels.
 */
function sharedText(context: ValueContext, text: string): string {
  const texts = context.texts;
  if (!texts || text.length > 40) return text;
  const known = texts.get(text);
  if (known !== undefined) return known;
  if (texts.size < 100_000) texts.set(text, text);
  return text;
}

/**
 * The date of a serial number. A tracker repeats the same dates thousands of times: one
 * Date each, shared by the cells that hold it (readers never change a cell's value).
 */
function dateOf(context: ValueContext, serial: number): Date {
  const dates = context.dates;
  let date = dates?.get(serial);
  if (date === undefined) {
    date = toJsDate(fromExcelSerial(serial));
    if (dates && dates.size < 100_000) dates.set(serial, date);
  }
  return date;
}

/** The cell formats (`cellXfs` entries) whose number format is a date format. */
function dateStyles(pkg: XlsxPackage): Set<number> {
  const path = stylesPath(pkg);
  const out = new Set<number>();
  if (!pkg.has(path)) return out;
  const xml = pkg.text(path);
  const root = rootElement(xml);
  const custom = new Map<number, string>();
  const numFmts = child(xml, root, 'numFmts');
  for (const el of numFmts ? children(xml, numFmts) : []) {
    const tag = tagText(xml, el);
    custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
  }
  const cellXfs = child(xml, root, 'cellXfs');
  (cellXfs ? children(xml, cellXfs) : [])
    .filter((el) => el.tag.local === 'xf')
    .forEach((el, index) => {
      const id = Number(attr(tagText(xml, el), 'numFmtId') ?? 0);
      if (custom.has(id) ? isDateFormat(custom.get(id)) : BUILT_IN_DATE_FORMATS.has(id)) out.add(index);
    });
  return out;
}

function uses1904(pkg: XlsxPackage): boolean {
  const xml = pkg.text(WORKBOOK);
  const pr = child(xml, rootElement(xml), 'workbookPr');
  const value = pr ? attr(tagText(xml, pr), 'date1904') : null;
  return value === '1' || value === 'true';
}
