/**
 * The hidden workbook names by which the tool recognises its own columns and sheets on
 * the next run (see `MarkerPlan`). Both adapters read them back with these helpers.
 */
import type { ToolSheetKey } from './types';

export const COLUMNS_MARKER = 'CaseloadFlags_Columns';

export const SHEET_MARKERS: Readonly<Record<ToolSheetKey, string>> = {
  summary: 'CaseloadFlags_Summary',
  details: 'CaseloadFlags_Details',
  'review-pack': 'CaseloadFlags_ReviewPack',
};

export const MARKER_NAMES: readonly string[] = [COLUMNS_MARKER, ...Object.values(SHEET_MARKERS)];

/** The sheet a marker name stands for; null for the columns marker or any other name. Case-insensitive, as Excel names are. */
export function markerToSheetKey(name: string): ToolSheetKey | null {
  const wanted = name.trim().toLowerCase();
  for (const [key, marker] of Object.entries(SHEET_MARKERS) as [ToolSheetKey, string][]) {
    if (marker.toLowerCase() === wanted) return key;
  }
  return null;
}

export function isColumnsMarker(name: string): boolean {
  return name.trim().toLowerCase() === COLUMNS_MARKER.toLowerCase();
}

/** The names the tool gives its sheets when it creates them (a user may rename them later). */
export const TOOL_SHEET_NAMES: Readonly<Record<ToolSheetKey, string>> = {
  summary: 'Pathway plan summary',
  details: 'Flag details',
  'review-pack': 'Review pack',
};

/**
 * The tool's own columns (its block from the last refresh) are output, never input: they
 * are blanked before the header row is looked for and the columns are mapped, so a flag
 * column can never be read as a tracker field.
 */
export function withoutToolColumns<T>(
  cells: readonly T[],
  block: { readonly firstColumn: number; readonly lastColumn: number } | null,
  blank: T,
): T[] {
  if (!block) return [...cells];
  return cells.map((cell, i) => (i + 1 >= block.firstColumn && i + 1 <= block.lastColumn ? blank : cell));
}
