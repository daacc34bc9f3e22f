/**
 * Column letters and A1 references. Excel numbers columns from 1 (A) to 16,384 (XFD).
 */
import type { CellRange } from './types';

/** The last column Excel has (XFD). */
export const MAX_COLUMN = 16_384;

/** 1 → A, 26 → Z, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMN) {
    throw new RangeError(`Column ${column} is outside Excel's columns (1 to ${MAX_COLUMN})`);
  }
  let letters = '';
  let n = column;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 1, AA → 27 (case-insensitive; `$` ignored). */
export function columnNumber(letters: string): number {
  const clean = letters.replace(/\$/g, '').toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(clean)) throw new RangeError(`'${letters}' is not a column`);
  let n = 0;
  for (const ch of clean) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMN) throw new RangeError(`'${letters}' is outside Excel's columns`);
  return n;
}

/** `Z5`, or `$Z$5` when absolute. */
export function cellRef(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(column)}${d}${row}`;
}

/** `Z5:AB9` (a single cell gives `Z5`), or with `$` when absolute. */
export function rangeRef(range: CellRange, absolute = false): string {
  const first = cellRef(range.firstRow, range.firstColumn, absolute);
  if (range.firstRow === range.lastRow && range.firstColumn === range.lastColumn) return first;
  return `${first}:${cellRef(range.lastRow, range.lastColumn, absolute)}`;
}

/** Parse `A1`, `$Z$4` or `$Z$4:$BA$4` back into a range. */
export function parseRangeRef(ref: string): CellRange {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!match) throw new RangeError(`'${ref}' is not an A1 reference`);
  const firstColumn = columnNumber(match[1]);
  const firstRow = Number(match[2]);
  const lastColumn = match[3] ? columnNumber(match[3]) : firstColumn;
  const lastRow = match[4] ? Number(match[4]) : firstRow;
  return {
    firstRow: Math.min(firstRow, lastRow),
    lastRow: Math.max(firstRow, lastRow),
    firstColumn: Math.min(firstColumn, lastColumn),
    lastColumn: Math.max(firstColumn, lastColumn),
  };
}

/** A sheet name as it must appear in a reference: quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A sheet-qualified range as a defined name refers to it (`='Caseload 2026'!$Z$4:$BA$4`,
 * `Tracker!A1`): how both adapters read the tool's markers back. Null for anything else
 * (a constant, `#REF!` after the sheet was deleted).
 */
export function parseSheetRef(
  reference: string,
): { readonly sheetName: string; readonly area: CellRange } | null {
  const text = reference.trim().startsWith('=') ? reference.trim().slice(1) : reference.trim();
  const bang = text.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheetName = text.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'"))
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  try {
    return { sheetName, area: parseRangeRef(text.slice(bang + 1)) };
  } catch {
    return null;
  }
}

/** `'My sheet'!$A$1:$B$2`: the reference a marker is written with. */
export function formatSheetRef(sheetName: string, area: CellRange): string {
  return `${quoteSheetName(sheetName)}!${rangeRef(area, true)}`;
}
