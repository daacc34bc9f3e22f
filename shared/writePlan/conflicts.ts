/**
 * When writing would touch something that is not the tool's, the plan is not built: the
 * user gets a plain message saying what to change. The workbook is never overwritten.
 */
import { columnLetters } from './a1';
import { TOOL_SHEET_NAMES } from './markers';
import type { ToolSheetKey, TrackerLayout } from './types';

export class WritePlanConflict extends Error {
  override readonly name = 'WritePlanConflict';
}

/** Excel compares sheet names and Table column names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The name each tool sheet is written under: the sheet that carries the tool's marker for
 * it (it may have been renamed), otherwise the default name, which must then be free.
 */
export function resolveToolSheetNames(layout: TrackerLayout): Record<ToolSheetKey, string> {
  const keys = Object.keys(TOOL_SHEET_NAMES) as ToolSheetKey[];
  const names = {} as Record<ToolSheetKey, string>;
  for (const key of keys) {
    const own = layout.sheets.find((sheet) => sheet.toolKey === key);
    if (own) {
      names[key] = own.name;
      continue;
    }
    const wanted = TOOL_SHEET_NAMES[key];
    const clash = layout.sheets.find((sheet) => sameName(sheet.name, wanted));
    if (clash) {
      throw new WritePlanConflict(
        `A sheet called '${clash.name}' already exists and was not made by caseload-flags: ` +
          `rename it (or delete it) and refresh again.`,
      );
    }
    names[key] = wanted;
  }
  if (keys.some((key) => sameName(names[key], layout.sheetName))) {
    throw new WritePlanConflict(
      `The tracker sheet '${layout.sheetName}' has the name of one of caseload-flags' own sheets: ` +
        `rename the tracker sheet and refresh again.`,
    );
  }
  return names;
}

/** One of the tool's headers is already used by a column of the team's own. */
export function checkHeaderClashes(
  layout: TrackerLayout,
  toolHeaders: readonly string[],
  ownColumns: { readonly firstColumn: number; readonly lastColumn: number } | null,
): void {
  const wanted = new Set(toolHeaders.map((header) => header.trim().toLowerCase()));
  layout.headers.forEach((header, index) => {
    const column = index + 1;
    if (header === null || !wanted.has(header.trim().toLowerCase())) return;
    if (ownColumns && column >= ownColumns.firstColumn && column <= ownColumns.lastColumn) return;
    throw new WritePlanConflict(
      `Column ${columnLetters(column)} of '${layout.sheetName}' is headed '${header.trim()}', ` +
        `a heading caseload-flags uses for its own columns: rename that column and refresh again.`,
    );
  });
}

/** A Table tracker with something to the right of it: the Table cannot grow over it. */
export function dataRightOfTable(layout: TrackerLayout, tableLastColumn: number): WritePlanConflict {
  return new WritePlanConflict(
    `There is something in column ${columnLetters(layout.lastUsedColumn)} of '${layout.sheetName}', to the right of ` +
      `the table, where caseload-flags adds its columns (from column ${columnLetters(tableLastColumn + 1)}): ` +
      `move it further right or onto another sheet, or add the columns to the table, and refresh again.`,
  );
}

/** The tool's columns need to grow, but the columns to the right of them are in use. */
export function noRoomToGrow(
  layout: TrackerLayout,
  previousLastColumn: number,
  needed: number,
): WritePlanConflict {
  return new WritePlanConflict(
    `caseload-flags needs ${needed} more column${needed === 1 ? '' : 's'} after column ` +
      `${columnLetters(previousLastColumn)} of '${layout.sheetName}' for newly tracked rules, but there is something ` +
      `to the right of its columns (up to column ${columnLetters(layout.lastUsedColumn)}): move that further right ` +
      `or onto another sheet, and refresh again.`,
  );
}
