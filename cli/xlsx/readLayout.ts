/**
 * What the plan builder needs to know about the workbook as it is: the tracker's headers,
 * how far its sheet is used, the Table holding it, and the tool's own columns and sheets
 * from the previous refresh (found by their hidden markers). Workbooks the tool must not
 * write into (a protected tracker sheet, merged cells among the rows, a pivot table as
 * the tracker) are refused here with a plain message, before anything is computed.
 */
import { columnLetters, parseRangeRef, parseSheetRef } from '../../shared/writePlan/a1';
import { isColumnsMarker, markerToSheetKey } from '../../shared/writePlan/markers';
import type { CellRange, ToolSheetKey, TrackerLayout } from '../../shared/writePlan/types';
import { XlsxPackage } from './package';
import { WorkbookProblem } from './problems';
import { readSharedStrings } from './sharedStrings';
import {
  cellHasContent,
  cellText,
  forEachRow,
  parseWorksheet,
  lastCell,
  rowCells,
  section,
  type Worksheet,
} from './sheetXml';
import { findSheet, readDefinedNames, readRelationships, readSheets, type SheetEntry } from './workbook';
import { attr, children, rootElement, tagText } from './xml';

const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const REL_PIVOT_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable';

export interface TrackerPosition {
  readonly sheetName: string;
  readonly headerRow: number;
  /** worksheet rows holding young people, in order */
  readonly dataRows: readonly number[];
}

export function readLayout(input: XlsxPackage | Uint8Array, position: TrackerPosition): TrackerLayout {
  const pkg = input instanceof XlsxPackage ? input : XlsxPackage.open(input);
  const sheet = findSheet(pkg, position.sheetName);
  const ws = parseWorksheet(pkg.text(sheet.path as string));
  checkWritable(pkg, ws, sheet.name);

  let strings: string[] | null = null;
  const sharedStrings = (): string[] => (strings ??= readSharedStrings(pkg));
  const headers: (string | null)[] = [];
  let lastUsedColumn = 0;
  forEachRow(ws, (row) => {
    if (row.row !== position.headerRow) {
      const last = lastCell(ws, row);
      if (last && (last.column <= lastUsedColumn || cellHasContent(ws, last))) {
        lastUsedColumn = Math.max(lastUsedColumn, last.column);
        return;
      }
      if (!last && row.contentEnd === row.openEnd) return;
    }
    const cells = rowCells(ws, row);
    for (let i = cells.length - 1; i >= 0; i--) {
      if (cells[i].column <= lastUsedColumn) break;
      if (cellHasContent(ws, cells[i])) {
        lastUsedColumn = cells[i].column;
        break;
      }
    }
    if (row.row === position.headerRow) {
      for (const cell of cells) headers[cell.column - 1] = cellText(ws, cell, sharedStrings);
    }
  });
  for (let i = 0; i < headers.length; i++) if (headers[i] === undefined) headers[i] = null;
  while (headers.length > 0 && headers[headers.length - 1] === null) headers.pop();

  const lastDataRow = position.dataRows.reduce((m, r) => Math.max(m, r), position.headerRow);
  const area: CellRange = {
    firstRow: position.headerRow,
    lastRow: lastDataRow,
    firstColumn: 1,
    lastColumn: Math.max(1, lastUsedColumn),
  };
  checkMerges(ws, sheet.name, { ...area, firstRow: position.headerRow + 1 });
  checkPivotTables(pkg, sheet, area);

  const markers = readMarkers(pkg);
  const columnsMarker = markers.columns;
  const previousBlock =
    columnsMarker && columnsMarker.sheet.toLowerCase() === sheet.name.toLowerCase()
      ? {
          firstColumn: columnsMarker.range.firstColumn,
          lastColumn: columnsMarker.range.lastColumn,
          lastRow: columnsMarker.range.lastRow,
        }
      : null;

  return {
    sheetName: sheet.name,
    headerRow: position.headerRow,
    dataRows: [...position.dataRows],
    headers,
    lastUsedColumn,
    table: trackerTable(pkg, sheet, position.headerRow),
    previousBlock,
    sheets: readSheets(pkg).map((s) => ({
      name: s.name,
      toolKey: markers.sheets.get(s.name.toLowerCase()) ?? null,
    })),
  };
}

export interface Markers {
  readonly columns: { readonly sheet: string; readonly range: CellRange } | null;
  /** tool sheets by lower-cased sheet name */
  readonly sheets: ReadonlyMap<string, ToolSheetKey>;
  /** sheet name by tool key */
  readonly sheetNames: ReadonlyMap<ToolSheetKey, string>;
}

/** The tool's hidden names, read back (a name pointing at a deleted sheet, `#REF!`, is ignored). */
export function readMarkers(pkg: XlsxPackage): Markers {
  let columns: Markers['columns'] = null;
  const sheets = new Map<string, ToolSheetKey>();
  const sheetNames = new Map<ToolSheetKey, string>();
  const existing = new Set(readSheets(pkg).map((s) => s.name.toLowerCase()));
  for (const name of readDefinedNames(pkg)) {
    if (name.localSheetId !== null) continue;
    const target = parseSheetRef(name.formula);
    if (!target || !existing.has(target.sheetName.toLowerCase())) continue;
    if (isColumnsMarker(name.name)) {
      columns = { sheet: target.sheetName, range: target.area };
      continue;
    }
    const key = markerToSheetKey(name.name);
    if (key) {
      sheets.set(target.sheetName.toLowerCase(), key);
      sheetNames.set(key, target.sheetName);
    }
  }
  return { columns, sheets, sheetNames };
}

export interface TableInfo {
  readonly path: string;
  readonly name: string;
  readonly ref: CellRange;
}

export function sheetTables(pkg: XlsxPackage, sheet: SheetEntry): TableInfo[] {
  return readRelationships(pkg, sheet.path as string)
    .filter((r) => r.type === REL_TABLE && !r.external && pkg.has(r.path))
    .map((r) => {
      const xml = pkg.text(r.path);
      const open = tagText(xml, rootElement(xml));
      return {
        path: r.path,
        name: attr(open, 'displayName') ?? attr(open, 'name') ?? '',
        ref: parseRangeRef(attr(open, 'ref') ?? 'A1'),
      };
    });
}

function trackerTable(pkg: XlsxPackage, sheet: SheetEntry, headerRow: number): TrackerLayout['table'] {
  const table = sheetTables(pkg, sheet).find((t) => t.ref.firstRow === headerRow);
  return table
    ? { name: table.name, firstColumn: table.ref.firstColumn, lastColumn: table.ref.lastColumn }
    : null;
}

/** A protected tracker sheet, or a workbook whose structure is locked, cannot take the tool's output. */
export function checkWritable(pkg: XlsxPackage, ws: Worksheet, sheetName: string): void {
  const protection = section(ws, 'sheetProtection');
  if (protection && isOn(attr(tagText(ws.xml, protection), 'sheet'))) {
    throw new WorkbookProblem(
      'sheet-protected',
      `The sheet '${sheetName}' is protected against changes, so the flags cannot be written into it. ` +
        'Unprotect it in Excel (Review > Unprotect Sheet) and try again.',
    );
  }
  const wb = pkg.text('xl/workbook.xml');
  const lock = children(wb, rootElement(wb)).find((e) => e.tag.local === 'workbookProtection');
  if (lock && isOn(attr(tagText(wb, lock), 'lockStructure'))) {
    throw new WorkbookProblem(
      'workbook-protected',
      "This workbook's structure is protected, so the summary sheets cannot be added. " +
        'Unprotect it in Excel (Review > Protect Workbook) and try again.',
    );
  }
}

function isOn(value: string | null): boolean {
  return value === '1' || value === 'true';
}

/** Merged cells among the rows the tool reads and writes would shift what belongs to whom. */
export function checkMerges(ws: Worksheet, sheetName: string, area: CellRange): void {
  const merges = section(ws, 'mergeCells');
  if (!merges || area.firstRow > area.lastRow) return;
  for (const el of children(ws.xml, merges)) {
    const ref = attr(tagText(ws.xml, el), 'ref');
    if (!ref) continue;
    const range = parseRangeRef(ref);
    if (intersects(range, area)) {
      throw new WorkbookProblem(
        'merged-cells',
        `The sheet '${sheetName}' has merged cells (${ref}) among the tracker's rows. ` +
          'Unmerge them (Home > Merge & Center > Unmerge Cells) so that each young person has one row, then try again.',
      );
    }
  }
}

function checkPivotTables(pkg: XlsxPackage, sheet: SheetEntry, area: CellRange): void {
  for (const rel of readRelationships(pkg, sheet.path as string)) {
    if (rel.type !== REL_PIVOT_TABLE || rel.external || !pkg.has(rel.path)) continue;
    const xml = pkg.text(rel.path);
    const location = children(xml, rootElement(xml)).find((e) => e.tag.local === 'location');
    const ref = location ? attr(tagText(xml, location), 'ref') : null;
    if (ref && intersects(parseRangeRef(ref), area)) {
      throw new WorkbookProblem(
        'pivot-table',
        `The rows chosen on '${sheet.name}' are a pivot table (${ref}), which is a summary of other data, not the tracker. ` +
          'Choose the sheet that holds one row per young person.',
      );
    }
  }
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return (
    a.firstRow <= b.lastRow &&
    b.firstRow <= a.lastRow &&
    a.firstColumn <= b.lastColumn &&
    b.firstColumn <= a.lastColumn
  );
}

/** `$Z$4:$BA$4` for a block of columns on one row. */
export function blockRef(row: number, firstColumn: number, lastColumn: number): string {
  return `$${columnLetters(firstColumn)}$${row}:$${columnLetters(lastColumn)}$${row}`;
}
