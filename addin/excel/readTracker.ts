/**
 * Finding the tracker on the active sheet and reading it, through Office.js.
 *
 * Detection (two round-trips) reads the sheet's outline, the first rows (title rows,
 * header row, a sample of data), the Tables, the tool's markers and the saved mapping.
 * Reading then fetches only the mapped columns, in row blocks sized so each response stays
 * well under Excel on the web's 5 MB limit. Values come as Excel gives them (`values`:
 * dates as serial numbers); the shared tracker reader turns them into canonical rows.
 */
import {
  applyExplicitMapping,
  findHeaderRow,
  headerText,
  MappingError,
  proposeMapping,
  type Mapping,
  type ProposedMapping,
} from '../../shared/mapping';
import type { SheetRow } from '../../shared/tracker';
import {
  COLUMNS_MARKER,
  MARKER_NAMES,
  markerToSheetKey,
  withoutToolColumns,
} from '../../shared/writePlan/markers';
import type { ToolSheetKey, TrackerLayout } from '../../shared/writePlan/types';
import { parseSheetRef } from './a1';
import { mappingFromXml, queueMappingPart, type SavedMapping } from './mappingStore';
import { explainExcelError, WorkbookProblem } from './problems';
import type { CellValue, HostFeatures, XRange, XRequestContext } from './surface';

/** Rows scanned for the header row (title rows, a date, blank rows may come first). */
export const HEADER_SCAN_ROWS = 30;
/** Response budget per read round-trip, well under Excel on the web's 5 MB. */
export const READ_BUDGET_BYTES = 3 * 1024 * 1024;

export interface Detection {
  readonly sheetName: string;
  /** worksheet row of the header row */
  readonly headerRow: number;
  /** header cells as text, column 1 first, up to the last used column ('' for empty) */
  readonly headers: readonly string[];
  /** the same without the tool's own columns: what the mapper may choose from */
  readonly mappableHeaders: readonly string[];
  /** the last row of the sheet's used range */
  readonly lastRow: number;
  readonly lastUsedColumn: number;
  readonly table: { readonly name: string; readonly firstColumn: number; readonly lastColumn: number } | null;
  /** the tool's columns from a previous refresh (never proposed as tracker fields) */
  readonly previousBlock: TrackerLayout['previousBlock'];
  readonly sheets: readonly { readonly name: string; readonly toolKey: ToolSheetKey | null }[];
  /** the mapping saved in the workbook for this sheet, if any */
  readonly savedMapping: SavedMapping | null;
  /** why the saved mapping could not be used (the headers changed), if it could not */
  readonly savedMappingProblem: string | null;
  /** the saved mapping applied, or the proposal from the headers */
  readonly proposal: ProposedMapping;
  /** average JSON size of a cell in each column of the sample rows (1-based column → bytes) */
  readonly sampleBytes: Readonly<Record<number, number>>;
}

export interface ReadProgress {
  readonly block: number;
  readonly blocks: number;
}

const text = (value: unknown) => headerText(value);

/** Find the tracker on the active sheet: two round-trips. */
export async function detectTracker(context: XRequestContext): Promise<Detection> {
  try {
    return await detect(context);
  } catch (error) {
    throw explainExcelError(error);
  }
}

async function detect(context: XRequestContext): Promise<Detection> {
  const workbook = context.workbook;
  const sheet = workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const tables = sheet.tables;
  tables.load('items/name');
  workbook.names.load('items/name,items/formula');
  workbook.worksheets.load('items/name');
  const part = queueMappingPart(context);
  await context.sync();

  if (used.isNullObject) {
    throw new WorkbookProblem(
      'tracker-not-found',
      `The sheet '${sheet.name}' is empty. Open the sheet that holds your tracker, then choose Look again.`,
    );
  }
  const lastRow = used.rowIndex + used.rowCount;
  const lastUsedColumn = used.columnIndex + used.columnCount;
  const firstRow = used.rowIndex + 1;
  const scanRows = Math.min(used.rowCount, HEADER_SCAN_ROWS + 20);
  // from column A, so positions in the arrays are worksheet columns
  const top = sheet.getRangeByIndexes(firstRow - 1, 0, scanRows, lastUsedColumn);
  top.load('values');
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name: table.name, range };
  });
  const xml = part.isNullObject ? null : part.getXml();
  await context.sync();

  const markers = readMarkers(workbook.names.items);
  const sheets = workbook.worksheets.items.map((ws) => ({
    name: ws.name,
    toolKey: toolKeyOf(ws.name, markers),
  }));
  const own = markers.find(
    (m) => m.name.toLowerCase() === COLUMNS_MARKER.toLowerCase() && m.sheetName === sheet.name,
  );
  const previousBlock = own
    ? { firstColumn: own.area.firstColumn, lastColumn: own.area.lastColumn, lastRow: own.area.lastRow }
    : null;
  const rows: CellValue[][] = top.values.map((row) => withoutToolColumns(row, previousBlock, ''));
  const found = findHeaderRow(rows, HEADER_SCAN_ROWS, firstRow);
  const table = pickTable(tableRanges, found?.rowNumber ?? null);
  const headerRow = table ? table.headerRow : found?.rowNumber;
  if (headerRow === undefined) {
    throw new WorkbookProblem(
      'tracker-not-found',
      `No tracker was found on '${sheet.name}'. caseload-flags looks in the first ${HEADER_SCAN_ROWS} rows for a ` +
        'header row with a date-of-birth column and at least one other column it knows (for example "Last review" ' +
        'or "Last visit"). Open the sheet that holds your tracker, or rename its headers, then choose Look again.',
    );
  }
  const rawHeader = top.values[headerRow - firstRow] ?? [];
  const headers = Array.from({ length: lastUsedColumn }, (_, i) => text(rawHeader[i]));
  // the mapper sees the header row without the tool's own columns
  const mappable = withoutToolColumns(headers, previousBlock, '');

  const saved = xml ? mappingFromXml(xml.value).find((t) => t.sheetName === sheet.name) : undefined;
  let proposal: ProposedMapping;
  let savedMappingProblem: string | null = null;
  if (saved) {
    try {
      proposal = applyExplicitMapping(mappable, saved.mapping);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      savedMappingProblem = `The mapping saved in this workbook no longer fits the headers: ${error.message}`;
      proposal = proposeMapping(mappable);
    }
  } else {
    proposal = proposeMapping(mappable);
  }

  return {
    sheetName: sheet.name,
    headerRow,
    headers,
    mappableHeaders: mappable,
    lastRow: table ? Math.max(lastRow, table.lastRow) : lastRow,
    lastUsedColumn,
    table: table ? { name: table.name, firstColumn: table.firstColumn, lastColumn: table.lastColumn } : null,
    previousBlock,
    sheets,
    savedMapping: saved?.mapping ?? null,
    savedMappingProblem,
    proposal,
    sampleBytes: sampleSizes(rows.slice(headerRow - firstRow + 1)),
  };
}

interface Marker {
  readonly name: string;
  readonly sheetName: string;
  readonly area: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number };
}

function readMarkers(items: readonly { readonly name: string; readonly formula: string }[]): Marker[] {
  const markers: Marker[] = [];
  for (const item of items) {
    if (!MARKER_NAMES.some((m) => m.toLowerCase() === item.name.toLowerCase())) continue;
    const ref = parseSheetRef(item.formula);
    if (ref) markers.push({ name: item.name, sheetName: ref.sheetName, area: ref.area });
  }
  return markers;
}

function toolKeyOf(sheetName: string, markers: readonly Marker[]): ToolSheetKey | null {
  for (const marker of markers) {
    const key = markerToSheetKey(marker.name);
    if (key && marker.sheetName === sheetName) return key;
  }
  return null;
}

interface FoundTable {
  readonly name: string;
  readonly headerRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** The Table holding the tracker: the one whose header row is the header row found, else the only one. */
function pickTable(
  tables: readonly { name: string; range: XRange }[],
  headerRow: number | null,
): FoundTable | null {
  const found = tables.map(({ name, range }) => ({
    name,
    headerRow: range.rowIndex + 1,
    lastRow: range.rowIndex + range.rowCount,
    firstColumn: range.columnIndex + 1,
    lastColumn: range.columnIndex + range.columnCount,
  }));
  if (headerRow !== null) return found.find((t) => t.headerRow === headerRow) ?? null;
  return found.length === 1 ? found[0] : null;
}

function sampleSizes(rows: readonly CellValue[][]): Record<number, number> {
  const sizes: Record<number, number> = {};
  const counts: Record<number, number> = {};
  for (const row of rows) {
    row.forEach((value, i) => {
      sizes[i + 1] = (sizes[i + 1] ?? 0) + JSON.stringify(value).length + 1;
      counts[i + 1] = (counts[i + 1] ?? 0) + 1;
    });
  }
  for (const key of Object.keys(sizes)) sizes[Number(key)] = sizes[Number(key)] / counts[Number(key)];
  return sizes;
}

/**
 * Read the mapped columns (and the surname column) of every row below the header: one
 * round-trip per block of rows. Returns the rows as the shared tracker reader takes them,
 * the header row first; unmapped columns are left empty (they were never read).
 */
export async function readMappedRows(
  context: XRequestContext,
  detection: Detection,
  mapping: Mapping,
  options: {
    readonly surnameColumn?: number;
    readonly features?: HostFeatures;
    readonly budgetBytes?: number;
    readonly onProgress?: (progress: ReadProgress) => void;
  } = {},
): Promise<{ grid: SheetRow[]; syncs: number }> {
  const columns = [
    ...new Set([...Object.values(mapping), options.surnameColumn].filter((c): c is number => !!c)),
  ].sort((a, b) => a - b);
  const firstDataRow = detection.headerRow + 1;
  const rowCount = Math.max(0, detection.lastRow - detection.headerRow);
  const grid: SheetRow[] = [{ rowNumber: detection.headerRow, cells: detection.headers }];
  if (columns.length === 0 || rowCount === 0) return { grid, syncs: 0 };

  // size blocks from the sample rows, with room for longer cells further down
  const perRow = columns.reduce((sum, c) => sum + Math.max(12, (detection.sampleBytes[c] ?? 12) * 2), 0) + 4;
  const rowsPerBlock = Math.max(1, Math.floor((options.budgetBytes ?? READ_BUDGET_BYTES) / perRow));
  const blocks = Math.ceil(rowCount / rowsPerBlock);
  const sheet = () => context.workbook.worksheets.getItem(detection.sheetName);
  let syncs = 0;

  try {
    const ws = sheet();
    // merged cells in the data would shift values between rows: stop before reading
    const merged = options.features?.mergedAreas
      ? ws
          .getRangeByIndexes(firstDataRow - 1, 0, rowCount, detection.lastUsedColumn)
          .getMergedAreasOrNullObject()
      : null;
    merged?.load('areaCount');
    for (let block = 0; block < blocks; block++) {
      const start = firstDataRow + block * rowsPerBlock;
      const count = Math.min(rowsPerBlock, detection.lastRow - start + 1);
      const ranges = columns.map((column) => {
        const range = ws.getRangeByIndexes(start - 1, column - 1, count, 1);
        range.load('values');
        return { column, range };
      });
      options.onProgress?.({ block: block + 1, blocks });
      await context.sync();
      syncs += 1;
      if (merged && !merged.isNullObject && block === 0) {
        throw new WorkbookProblem(
          'merged-cells',
          `The tracker on '${detection.sheetName}' has merged cells below its header row, so values could be read ` +
            'against the wrong young person. Unmerge them (Home > Merge & Center > Unmerge Cells) and refresh again.',
        );
      }
      for (let i = 0; i < count; i++) {
        const cells: CellValue[] = [];
        for (const { column, range } of ranges) cells[column - 1] = range.values[i][0];
        grid.push({ rowNumber: start + i, cells });
      }
    }
  } catch (error) {
    throw explainExcelError(error);
  }
  return { grid, syncs };
}

/** What the write-plan builder needs to know about the workbook as it is now. */
export function trackerLayout(detection: Detection, dataRows: readonly number[]): TrackerLayout {
  return {
    sheetName: detection.sheetName,
    headerRow: detection.headerRow,
    dataRows,
    headers: detection.headers.map((h) => (h === '' ? null : h)),
    lastUsedColumn: detection.lastUsedColumn,
    table: detection.table,
    previousBlock: detection.previousBlock,
    sheets: detection.sheets,
  };
}
