/**
 * Sheet-qualified A1 references, as Excel reports a defined name's reference
 * (`='Caseload 2026'!$Z$4:$BA$4`). Column letters and plain ranges come from the write
 * plan's own helpers, so both adapters read references the same way.
 */
import { columnLetters, parseRangeRef, rangeRef } from '../../shared/writePlan/a1';
import type { CellRange } from '../../shared/writePlan/types';

export { columnLetters, rangeRef };
export type A1Area = CellRange;

/** A plain A1 range, or null when the text is not one. */
export function parseArea(ref: string): A1Area | null {
  try {
    return parseRangeRef(ref);
  } catch {
    return null;
  }
}

/** A sheet name as it must appear in a reference: quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `=Sheet!$A$1:$B$2`, `'My sheet'!A1`; null for anything else (a constant, `#REF!`). */
export function parseSheetRef(ref: string): { readonly sheetName: string; readonly area: A1Area } | null {
  const text = ref.startsWith('=') ? ref.slice(1) : ref;
  const bang = text.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const area = parseArea(text.slice(bang + 1));
  return area ? { sheetName: sheet, area } : null;
}

export function formatSheetRef(sheetName: string, area: A1Area): string {
  return `${quoteSheetName(sheetName)}!${rangeRef(area, true)}`;
}
