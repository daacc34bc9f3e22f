/**
 * Sheet-qualified A1 references, as Excel reports a defined name's reference
 * (`='Caseload 2026'!$Z$4:$BA$4`). Column letters and plain ranges come from the write
 * plan's own helpers (shared/writePlan/a1.ts), so both adapters read references the same way.
 */
import {
  columnLetters,
  formatSheetRef,
  parseRangeRef,
  parseSheetRef,
  quoteSheetName,
  rangeRef,
} from '../../shared/writePlan/a1';
import type { CellRange } from '../../shared/writePlan/types';

export { columnLetters, formatSheetRef, parseSheetRef, quoteSheetName, rangeRef };
export type A1Area = CellRange;

/** A plain A1 range, or null when the text is not one. */
export function parseArea(ref: string): A1Area | null {
  try {
    return parseRangeRef(ref);
  } catch {
    return null;
  }
}
