/**
 * Apply the shared write plan to the live workbook through Office.js.
 *
 * No layout or rule decision is taken here: the plan says what goes where (the CLI's file
 * adapter applies the same plan). This module only translates it into requests, shaped by
 * what Excel on the web tolerates (DESIGN.md, "Limits that shape the Office.js adapter"):
 * - one check round-trip first (protection, filters, the tool's markers, who owns the
 *   target columns and sheets): nothing is written unless all of it is the tool's;
 * - then every write is planned as an operation with its payload size, and the operations
 *   are packed into batches of at most `budgetBytes` (default 3.8 MB, under the 5 MB
 *   request limit); there is one `context.sync()` per batch and none anywhere else;
 * - colours are conditional formats keyed on the status word, a few per column;
 * - dates are written as Excel serial numbers with a dd/mm/yyyy number format;
 * - text is escaped so Excel can never read it as a formula, a number or a date.
 */
import { fromIso, toExcelSerial } from '../../shared/dates/calendar';
import { COLUMNS_MARKER, MARKER_NAMES, markerToSheetKey } from '../../shared/writePlan/markers';
import type {
  CellRange,
  CellStyle,
  ConditionalFormatPlan,
  PlanValue,
  SheetPlan,
  TrackerColumnsPlan,
  WritePlan,
} from '../../shared/writePlan/types';
import { columnLetters, parseSheetRef } from './a1';
import { explainExcelError, WorkbookProblem } from './problems';
import type { CellProperties, CellValue, XRange, XRequestContext, XWorksheet } from './surface';

/** A batch's payload: about three quarters of Excel on the web's 5 MB request limit, leaving room for the request's own wrapping. */
export const DEFAULT_BUDGET_BYTES = 3.8 * 1024 * 1024;
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Bytes Office.js adds to a request per queued action, besides the values it carries. */
const ACTION_OVERHEAD = 200;

export interface ApplyProgress {
  readonly stage: 'checking' | 'writing';
  /** 1-based block being written, of `blocks` */
  readonly block?: number;
  readonly blocks?: number;
  /** what the block holds, e.g. "tracker rows 5–2,004" */
  readonly label?: string;
}

export interface ApplyOptions {
  readonly budgetBytes?: number;
  readonly onProgress?: (progress: ApplyProgress) => void;
}

export interface ApplyReport {
  readonly syncs: number;
  readonly blocks: number;
  /** the largest batch's estimated request size */
  readonly largestBatchBytes: number;
}

/** One queued write: its estimated request size and the calls that make it. */
interface Operation {
  readonly bytes: number;
  readonly label: string;
  run(): void;
}

/**
 * Text as Excel must receive it to keep it text: a leading apostrophe (which Excel keeps
 * as the cell's text marker, not as a character) before anything Excel would otherwise
 * turn into a formula (`=`, `+`, `-`, `@`), a number, a date, a boolean or an error value.
 */
export function escapeText(text: string): string {
  if (text === '') return text;
  if (/^[=+\-@']/.test(text)) return `'${text}`;
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed) || /^#/.test(trimmed)) return `'${text}`;
  // numbers, percentages, fractions, times and dates in any separator style
  if (/\d/.test(trimmed) && /^[\d\s.,/:%()£$€eE-]+$/.test(trimmed)) return `'${text}`;
  // "3 Apr 2010", "Apr-10": Excel reads month names as dates
  if (
    /^\d{1,2}[\s-]?[A-Za-z]{3,9}([\s-]?\d{2,4})?$/.test(trimmed) ||
    /^[A-Za-z]{3,9}[\s-]\d{1,4}$/.test(trimmed)
  ) {
    return `'${text}`;
  }
  return text;
}

/** A plan value as a cell value; `''` clears a cell (a `null` in a `values` array would leave it). */
export function toCellValue(value: PlanValue): CellValue {
  if (value === null) return '';
  switch (value.kind) {
    case 'text':
      return escapeText(value.text);
    case 'number':
      return value.value;
    case 'date': {
      const day = fromIso(value.iso);
      return day === null ? escapeText(value.iso) : toExcelSerial(day);
    }
  }
}

const jsonBytes = (value: unknown) => JSON.stringify(value).length;

export async function applyWritePlan(
  context: XRequestContext,
  plan: WritePlan,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  let syncs = 0;
  const sync = async () => {
    syncs += 1;
    try {
      await context.sync();
    } catch (error) {
      throw explainExcelError(error);
    }
  };

  options.onProgress?.({ stage: 'checking' });
  const check = queueChecks(context, plan);
  await sync();
  const existing = verify(plan, check);

  const sheets = new SheetProxies(context, existing.sheetNames);
  const operations: Operation[] = [
    ...trackerOperations(plan.tracker, sheets, check),
    ...plan.sheets.flatMap((sheet) => sheetOperations(sheet, sheets, existing.ownSheets.has(sheet.name))),
    ...markerOperations(context, plan, sheets, existing.markerNames),
  ];

  const batches = packBatches(operations, budget);
  let block = 0;
  for (const batch of batches) {
    block += 1;
    options.onProgress?.({ stage: 'writing', block, blocks: batches.length, label: batch.label });
    for (const operation of batch.operations) operation.run();
    await sync();
  }
  return {
    syncs,
    blocks: batches.length,
    largestBatchBytes: batches.reduce((max, b) => Math.max(max, b.bytes), 0),
  };
}

// ---------------------------------------------------------------------------------------
// The check round-trip
// ---------------------------------------------------------------------------------------

interface CheckHandles {
  readonly tracker: XWorksheet;
  readonly trackerExists: () => boolean;
  readonly protection: { readonly protected: boolean };
  readonly filter: { readonly isDataFiltered: boolean };
  readonly table: {
    readonly isNullObject: boolean;
    readonly range: XRange;
    readonly filtered: { readonly isDataFiltered: boolean };
  } | null;
  readonly header: XRange;
  readonly names: () => readonly { readonly name: string; readonly formula: string }[];
  readonly sheetNames: () => readonly string[];
}

function queueChecks(context: XRequestContext, plan: WritePlan): CheckHandles {
  const t = plan.tracker;
  const workbook = context.workbook;
  const tracker = workbook.worksheets.getItemOrNullObject(t.sheetName);
  tracker.load('name');
  tracker.protection.load('protected');
  tracker.autoFilter.load('isDataFiltered');
  let table: CheckHandles['table'] = null;
  if (t.table) {
    const item = tracker.tables.getItemOrNullObject(t.table.name);
    item.load('name');
    item.autoFilter.load('isDataFiltered');
    const range = item.getRange();
    range.load('columnIndex,columnCount,rowIndex,rowCount');
    table = {
      get isNullObject() {
        return item.isNullObject;
      },
      range,
      filtered: item.autoFilter,
    };
  }
  const width = Math.max(
    t.columns.length,
    t.clearColumns ? t.clearColumns.lastColumn - t.firstColumn + 1 : 0,
  );
  const header = tracker.getRangeByIndexes(t.headerRow - 1, t.firstColumn - 1, 1, Math.max(1, width));
  header.load('values');
  const names = workbook.names;
  names.load('items/name,items/formula');
  const worksheets = workbook.worksheets;
  worksheets.load('items/name');
  return {
    tracker,
    trackerExists: () => !tracker.isNullObject,
    protection: tracker.protection,
    filter: tracker.autoFilter,
    table,
    header,
    names: () => names.items.map((n) => ({ name: n.name, formula: n.formula })),
    sheetNames: () => worksheets.items.map((s) => s.name),
  };
}

interface Existing {
  readonly sheetNames: ReadonlySet<string>;
  /** tool sheets (by name) that carry the tool's marker */
  readonly ownSheets: ReadonlySet<string>;
  /** the tool's marker names present now (deleted and re-added) */
  readonly markerNames: readonly string[];
}

function verify(plan: WritePlan, check: CheckHandles): Existing {
  const t = plan.tracker;
  if (!check.trackerExists()) {
    throw new WorkbookProblem(
      'changed',
      `The sheet '${t.sheetName}' is no longer in the workbook. Open the tracker and refresh again.`,
    );
  }
  if (check.protection.protected) {
    throw new WorkbookProblem(
      'protected',
      `The sheet '${t.sheetName}' is protected, so caseload-flags cannot add its columns. Unprotect it ` +
        '(Review > Unprotect Sheet) and refresh again.',
    );
  }
  const tableFiltered =
    check.table !== null && !check.table.isNullObject && check.table.filtered.isDataFiltered;
  if (check.filter.isDataFiltered || tableFiltered) {
    throw new WorkbookProblem(
      'filtered',
      `The tracker on '${t.sheetName}' is filtered, and writing into a filtered list can put flags on the wrong ` +
        'rows. Clear the filter (Data > Clear) and refresh again.',
    );
  }
  if (check.table !== null && check.table.isNullObject) {
    throw new WorkbookProblem(
      'changed',
      `The table '${t.table?.name}' is no longer on '${t.sheetName}'. Refresh again so caseload-flags can look at it anew.`,
    );
  }

  const names = check.names();
  const markers = new Map<string, { sheetName: string; firstColumn: number; lastColumn: number }>();
  for (const { name, formula } of names) {
    if (!MARKER_NAMES.some((m) => m.toLowerCase() === name.toLowerCase())) continue;
    const ref = parseSheetRef(formula);
    if (ref) markers.set(name.toLowerCase(), { sheetName: ref.sheetName, ...ref.area });
  }

  // every header cell the tool is about to write must be empty, or the tool's own from last time
  const own = markers.get(COLUMNS_MARKER.toLowerCase());
  const headerValues = check.header.values[0] ?? [];
  headerValues.forEach((value, index) => {
    const column = t.firstColumn + index;
    if (value === '' || value === null) return;
    const ours =
      own && own.sheetName === t.sheetName && column >= own.firstColumn && column <= own.lastColumn;
    if (!ours) {
      throw new WorkbookProblem(
        'not-ours',
        `Column ${columnLetters(column)} of '${t.sheetName}' is headed '${String(value)}' and was not made by ` +
          'caseload-flags, so it is left alone. Move that column, or refresh again so the tool places its ' +
          'columns after it.',
      );
    }
  });

  const sheetNames = new Set(check.sheetNames());
  const ownSheets = new Set<string>();
  for (const sheet of plan.sheets) {
    const exists = [...sheetNames].some((name) => name.toLowerCase() === sheet.name.toLowerCase());
    if (!exists) continue;
    const marked = [...markers.entries()].some(
      ([name, ref]) =>
        markerToSheetKey(name) === sheet.key && ref.sheetName.toLowerCase() === sheet.name.toLowerCase(),
    );
    if (!marked) {
      throw new WorkbookProblem(
        'not-ours',
        `A sheet called '${sheet.name}' already exists and was not made by caseload-flags, so it is left alone. ` +
          'Rename it (or delete it) and refresh again.',
      );
    }
    ownSheets.add(sheet.name);
  }
  return {
    sheetNames,
    ownSheets,
    markerNames: names
      .filter((n) => MARKER_NAMES.some((m) => m.toLowerCase() === n.name.toLowerCase()))
      .map((n) => n.name),
  };
}

// ---------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------

/** Sheet proxies, made when an operation first runs (a new sheet is added by an earlier one). */
class SheetProxies {
  private proxies = new Map<string, XWorksheet>();
  constructor(
    private readonly context: XRequestContext,
    private readonly existing: ReadonlySet<string>,
  ) {}

  get(name: string): XWorksheet {
    let proxy = this.proxies.get(name);
    if (!proxy) {
      proxy = this.context.workbook.worksheets.getItem(name);
      this.proxies.set(name, proxy);
    }
    return proxy;
  }

  add(name: string): XWorksheet {
    const proxy = this.context.workbook.worksheets.add(name);
    this.proxies.set(name, proxy);
    return proxy;
  }

  has(name: string): boolean {
    return this.existing.has(name);
  }
}

function rangeOf(sheet: XWorksheet, area: CellRange): XRange {
  return sheet.getRangeByIndexes(
    area.firstRow - 1,
    area.firstColumn - 1,
    area.lastRow - area.firstRow + 1,
    area.lastColumn - area.firstColumn + 1,
  );
}

/** Excel's column width is in points; the plan's is in characters of the default font. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Consecutive runs of worksheet rows (a tracker may have blank rows between young people). */
function runsOf(rows: readonly number[]): { start: number; indexes: number[] }[] {
  const runs: { start: number; indexes: number[] }[] = [];
  rows.forEach((row, index) => {
    const last = runs[runs.length - 1];
    if (last && rows[last.indexes[last.indexes.length - 1]] === row - 1) last.indexes.push(index);
    else runs.push({ start: row, indexes: [index] });
  });
  return runs;
}

/**
 * One 2-D write per block of rows, each block at most ~256 KB so batches fill evenly:
 * `values`, or per-cell formats (`setCellProperties`).
 */
function blockOperations<T>(
  sheet: () => XWorksheet,
  firstRow: number,
  firstColumn: number,
  rows: readonly T[][],
  set: (range: XRange, block: T[][]) => void,
  label: (from: number, to: number) => string,
): Operation[] {
  const operations: Operation[] = [];
  let start = 0;
  while (start < rows.length) {
    let bytes = 2;
    let end = start;
    while (end < rows.length) {
      const size = jsonBytes(rows[end]) + 1;
      if (end > start && bytes + size >= 256 * 1024) break;
      bytes += size;
      end += 1;
    }
    const block = rows.slice(start, end);
    const row = firstRow + start;
    operations.push({
      bytes: bytes + ACTION_OVERHEAD,
      label: label(row, row + block.length - 1),
      run: () =>
        set(sheet().getRangeByIndexes(row - 1, firstColumn - 1, block.length, block[0].length), block),
    });
    start = end;
  }
  return operations;
}

function valuesOperations(
  sheet: () => XWorksheet,
  firstRow: number,
  firstColumn: number,
  rows: readonly CellValue[][],
  label: (from: number, to: number) => string,
): Operation[] {
  return blockOperations(sheet, firstRow, firstColumn, rows, (range, block) => (range.values = block), label);
}

function conditionalFormatOperations(
  sheet: () => XWorksheet,
  formats: readonly ConditionalFormatPlan[],
): Operation[] {
  return formats.flatMap((plan) =>
    plan.rules.map((rule) => ({
      bytes: ACTION_OVERHEAD * 3 + rule.formula.length,
      label: 'colours',
      run: () => {
        const format = rangeOf(sheet(), plan.range).conditionalFormats.add('Custom');
        format.custom.rule.formula = `=${rule.formula}`;
        format.custom.format.fill.color = `#${rule.fill}`;
      },
    })),
  );
}

function trackerOperations(t: TrackerColumnsPlan, sheets: SheetProxies, check: CheckHandles): Operation[] {
  const sheet = () => sheets.get(t.sheetName);
  const operations: Operation[] = [];
  const lastColumn = t.firstColumn + t.columns.length - 1;
  const lastRow = t.rows.length > 0 ? t.rows[t.rows.length - 1] : t.headerRow;
  const label = (from: number, to: number) => `tracker rows ${from}–${to}`;

  // extend the Table over the tool's columns: appending a column takes in the empty cells to its right
  if (t.table && check.table) {
    const range = check.table.range;
    const tableLast = range.columnIndex + range.columnCount;
    const toAdd = t.table.newLastColumn - tableLast;
    const item = () => sheet().tables.getItemOrNullObject(t.table!.name);
    // the block ended the Table and is now narrower (a rule became inactive): the Table shrinks with it
    for (let k = 0; k < -toAdd; k++) {
      const index = range.columnCount - 1 - k;
      operations.push({
        bytes: ACTION_OVERHEAD * 2,
        label: 'table columns',
        run: () => item().columns.getItemAt(index).delete(),
      });
    }
    for (let k = 0; k < toAdd; k++) {
      const column = t.columns[tableLast + k + 1 - t.firstColumn];
      operations.push({
        bytes: ACTION_OVERHEAD + (column?.header.length ?? 10),
        label: 'table columns',
        run: () => void item().columns.add(null, null, column?.header),
      });
    }
  }

  if (t.clearColumns) {
    const area = { firstRow: t.headerRow, lastRow, ...t.clearColumns };
    operations.push({
      bytes: ACTION_OVERHEAD * 2,
      label: 'old columns',
      run: () => {
        const range = rangeOf(sheet(), area);
        range.conditionalFormats.clearAll();
        range.clear('All');
      },
    });
  }
  if (t.clearRows) {
    // flags left below the tracker's last row, beside young people no longer in it
    const width = Math.max(
      t.columns.length,
      t.clearColumns ? t.clearColumns.lastColumn - t.firstColumn + 1 : 0,
    );
    const area = { ...t.clearRows, firstColumn: t.firstColumn, lastColumn: t.firstColumn + width - 1 };
    operations.push({
      bytes: ACTION_OVERHEAD * 2,
      label: 'old rows',
      run: () => {
        const range = rangeOf(sheet(), area);
        range.conditionalFormats.clearAll();
        range.clear('All');
      },
    });
  }
  if (t.columns.length === 0) return operations;

  // colours first cleared over the whole block, then added back per status column
  const block = { firstRow: t.headerRow, lastRow, firstColumn: t.firstColumn, lastColumn };
  operations.push({
    bytes: ACTION_OVERHEAD,
    label: 'colours',
    run: () => rangeOf(sheet(), block).conditionalFormats.clearAll(),
  });

  operations.push(
    ...valuesOperations(
      sheet,
      t.headerRow,
      t.firstColumn,
      [t.columns.map((c) => escapeText(c.header))],
      () => 'headers',
    ),
  );
  operations.push({
    bytes: ACTION_OVERHEAD * 2,
    label: 'headers',
    run: () => {
      const header = rangeOf(sheet(), { ...block, lastRow: t.headerRow });
      header.format.font.bold = true;
      header.format.wrapText = true;
    },
  });

  for (const run of runsOf(t.rows)) {
    const rows = run.indexes.map((i) => t.columns.map((column) => toCellValue(column.values[i] ?? null)));
    operations.push(...valuesOperations(sheet, run.start, t.firstColumn, rows, label));
    const runArea = { firstRow: run.start, lastRow: run.start + rows.length - 1 };
    t.columns.forEach((column, index) => {
      if (column.kind !== 'date') return;
      operations.push({
        bytes: ACTION_OVERHEAD + DATE_FORMAT.length,
        label: 'date formats',
        run: () => {
          const col = t.firstColumn + index;
          rangeOf(sheet(), { ...runArea, firstColumn: col, lastColumn: col }).numberFormat = DATE_FORMAT;
        },
      });
    });
  }

  t.columns.forEach((column, index) => {
    operations.push({
      bytes: ACTION_OVERHEAD,
      label: 'column widths',
      run: () => {
        const col = t.firstColumn + index;
        rangeOf(sheet(), {
          firstRow: t.headerRow,
          lastRow: t.headerRow,
          firstColumn: col,
          lastColumn: col,
        }).format.columnWidth = widthInPoints(column.width);
      },
    });
  });
  operations.push(...conditionalFormatOperations(sheet, t.conditionalFormats));
  return operations;
}

/** The look of each style: a short, native-looking set (Excel's own heading styles). */
const STYLE_LOOK: Readonly<
  Record<
    CellStyle,
    { bold?: boolean; italic?: boolean; size?: number; fill?: string; wrap?: boolean; color?: string }
  >
> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true, color: '#595959' },
  header: { bold: true, fill: '#D9D9D9', wrap: true },
  group: { bold: true, fill: '#EDEDED' },
  body: {},
  bold: { bold: true },
  wrap: { wrap: true },
  note: { italic: true, color: '#595959', wrap: true },
};

/**
 * Rectangles of cells sharing a property: runs along each row, merged down while the next
 * row has the same run. A few ranges instead of one per cell (per-cell formatting is slow).
 */
export function rectangles<T>(
  rows: readonly (readonly PlanCellLike[])[],
  pick: (cell: PlanCellLike) => T | null,
): { area: CellRange; value: T }[] {
  const done: { area: CellRange; value: T }[] = [];
  let open: { area: CellRange; value: T }[] = [];
  rows.forEach((cells, r) => {
    const row = r + 1;
    const runs: { first: number; last: number; value: T }[] = [];
    cells.forEach((cell, c) => {
      const value = pick(cell);
      if (value === null) return;
      const last = runs[runs.length - 1];
      if (last && last.last === c && last.value === value) last.last = c + 1;
      else runs.push({ first: c + 1, last: c + 1, value });
    });
    const next: { area: CellRange; value: T }[] = [];
    for (const run of runs) {
      const index = open.findIndex(
        (o) =>
          o.value === run.value &&
          o.area.firstColumn === run.first &&
          o.area.lastColumn === run.last &&
          o.area.lastRow === row - 1,
      );
      if (index >= 0) {
        const [grown] = open.splice(index, 1);
        next.push({ value: grown.value, area: { ...grown.area, lastRow: row } });
      } else {
        next.push({
          value: run.value,
          area: { firstRow: row, lastRow: row, firstColumn: run.first, lastColumn: run.last },
        });
      }
    }
    done.push(...open);
    open = next;
  });
  return [...done, ...open];
}

/**
 * Dates shown dd/mm/yyyy. A number format only changes how numbers look, so a column whose
 * only numbers are dates gets it in one go (its text and blank cells are unaffected); a
 * column that also holds plain numbers gets it on its date cells only.
 */
function dateFormatOperations(
  sheet: () => XWorksheet,
  rows: readonly (readonly PlanCellLike[])[],
): Operation[] {
  const dateColumns = new Set<number>();
  const numberColumns = new Set<number>();
  rows.forEach((cells) =>
    cells.forEach((cell, c) => {
      if (cell.value?.kind === 'date') dateColumns.add(c + 1);
      if (cell.value?.kind === 'number') numberColumns.add(c + 1);
    }),
  );
  const operations: Operation[] = [];
  for (const column of dateColumns) {
    const areas = numberColumns.has(column)
      ? rectangles(
          rows.map((cells) => [cells[column - 1] ?? { value: null }]),
          (cell) => (cell.value?.kind === 'date' ? 'date' : null),
        ).map(({ area }) => ({ ...area, firstColumn: column, lastColumn: column }))
      : [{ firstRow: 1, lastRow: rows.length, firstColumn: column, lastColumn: column }];
    for (const area of areas) {
      operations.push({
        bytes: ACTION_OVERHEAD + DATE_FORMAT.length,
        label: 'date formats',
        run: () => void (rangeOf(sheet(), area).numberFormat = DATE_FORMAT),
      });
    }
  }
  return operations;
}

function cellProperties(style: CellStyle | undefined): CellProperties {
  const look = style ? STYLE_LOOK[style] : undefined;
  if (!look || Object.keys(look).length === 0) return {};
  const font: NonNullable<CellProperties['format']>['font'] = {};
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size) font.size = look.size;
  if (look.color) font.color = look.color;
  return {
    format: {
      ...(Object.keys(font).length > 0 ? { font } : {}),
      ...(look.fill ? { fill: { color: look.fill } } : {}),
      ...(look.wrap ? { wrapText: true } : {}),
    },
  };
}

/**
 * Styles as a few rectangles when the sheet has few (a list with a header row), or as
 * per-cell properties in row blocks when it has many (the review pack's per-person
 * blocks): whichever makes the smaller request.
 */
function styleOperations(
  sheet: () => XWorksheet,
  rows: readonly (readonly PlanCellLike[])[],
  width: number,
  label: (from: number, to: number) => string,
): Operation[] {
  const areas = rectangles(rows, (cell) => (cell.style && cell.style !== 'body' ? cell.style : null));
  const properties = rows.map((cells) => {
    const row = cells.map((cell) => cellProperties(cell.style));
    while (row.length < width) row.push({});
    return row;
  });
  const asRectangles = areas.length * ACTION_OVERHEAD * 3;
  const asProperties = jsonBytes(properties) + Math.ceil(rows.length / 1000) * ACTION_OVERHEAD;
  if (asProperties < asRectangles) {
    const styled = (from: number, to: number) => `${label(from, to)} (formats)`;
    return blockOperations(sheet, 1, 1, properties, (range, block) => range.setCellProperties(block), styled);
  }
  return areas.map(({ area, value: style }) => {
    const look = STYLE_LOOK[style];
    return {
      bytes: ACTION_OVERHEAD * 3,
      label: 'styles',
      run: () => {
        const format = rangeOf(sheet(), area).format;
        if (look.bold) format.font.bold = true;
        if (look.italic) format.font.italic = true;
        if (look.size) format.font.size = look.size;
        if (look.color) format.font.color = look.color;
        if (look.fill) format.fill.color = look.fill;
        if (look.wrap) format.wrapText = true;
      },
    };
  });
}

interface PlanCellLike {
  readonly value: PlanValue;
  readonly style?: CellStyle;
}

function sheetOperations(plan: SheetPlan, sheets: SheetProxies, exists: boolean): Operation[] {
  const sheet = () => sheets.get(plan.name);
  const operations: Operation[] = [];
  const label = (from: number, to: number) => `${plan.name} rows ${from}–${to}`;

  operations.push({
    bytes: ACTION_OVERHEAD * 6,
    label: plan.name,
    run: () => {
      if (!exists) {
        sheets.add(plan.name);
        return;
      }
      // the tool's own sheet: emptied of everything it held, then written whole
      const ws = sheet();
      const all = ws.getRange();
      all.conditionalFormats.clearAll();
      all.unmerge();
      all.clear('All');
      ws.freezePanes.unfreeze();
      ws.horizontalPageBreaks.removePageBreaks();
      ws.autoFilter.remove();
    },
  });

  const width = plan.rows.reduce((max, r) => Math.max(max, r.length), Math.max(1, plan.columnWidths.length));
  const values = plan.rows.map((cells) => {
    const row: CellValue[] = cells.map((cell) => toCellValue(cell.value));
    while (row.length < width) row.push('');
    return row;
  });
  if (values.length > 0) operations.push(...valuesOperations(sheet, 1, 1, values, label));

  operations.push(...dateFormatOperations(sheet, plan.rows));
  operations.push(...styleOperations(sheet, plan.rows, width, label));
  for (const merge of plan.merges) {
    operations.push({
      bytes: ACTION_OVERHEAD,
      label: 'merges',
      run: () => rangeOf(sheet(), merge).merge(false),
    });
  }
  plan.columnWidths.forEach((characters, index) => {
    operations.push({
      bytes: ACTION_OVERHEAD,
      label: 'column widths',
      run: () => {
        rangeOf(sheet(), {
          firstRow: 1,
          lastRow: 1,
          firstColumn: index + 1,
          lastColumn: index + 1,
        }).format.columnWidth = widthInPoints(characters);
      },
    });
  });
  if (plan.tallRows?.length && values.length > 0) {
    // Excel measures wrapped text itself: one call fits every row of the sheet. Text sits at
    // the top of a tall row, beside the wrapped text.
    operations.push({
      bytes: ACTION_OVERHEAD,
      label: 'row heights',
      run: () => {
        const all = { firstRow: 1, lastRow: values.length, firstColumn: 1, lastColumn: width };
        const { format } = rangeOf(sheet(), all);
        format.verticalAlignment = 'Top';
        format.autofitRows();
      },
    });
  }
  operations.push({
    bytes: ACTION_OVERHEAD * (4 + plan.print.breaksAfterRows.length),
    label: 'print setup',
    run: () => {
      const ws = sheet();
      if (plan.freezeRows > 0) ws.freezePanes.freezeRows(plan.freezeRows);
      ws.pageLayout.orientation = plan.print.landscape ? 'Landscape' : 'Portrait';
      if (plan.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      if (plan.print.repeatRows)
        ws.pageLayout.setPrintTitleRows(`$${plan.print.repeatRows.first}:$${plan.print.repeatRows.last}`);
      for (const row of plan.print.breaksAfterRows) {
        // a horizontal page break goes above the cell it is given
        ws.horizontalPageBreaks.add(
          rangeOf(ws, { firstRow: row + 1, lastRow: row + 1, firstColumn: 1, lastColumn: 1 }),
        );
      }
      if (plan.autoFilter) ws.autoFilter.apply(rangeOf(ws, plan.autoFilter));
    },
  });
  operations.push(...conditionalFormatOperations(sheet, plan.conditionalFormats));
  return operations;
}

function markerOperations(
  context: XRequestContext,
  plan: WritePlan,
  sheets: SheetProxies,
  present: readonly string[],
): Operation[] {
  return [
    {
      bytes: ACTION_OVERHEAD * (present.length + plan.markers.length * 2),
      label: 'markers',
      run: () => {
        const names = context.workbook.names;
        for (const name of present) names.getItemOrNullObject(name).delete();
        for (const marker of plan.markers) {
          const area = parseSheetRef(`x!${marker.ref}`)?.area;
          if (!area) continue;
          const item = names.add(
            marker.name,
            rangeOf(sheets.get(marker.sheetName), area),
            'caseload-flags: do not edit',
          );
          item.visible = false;
        }
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Batching
// ---------------------------------------------------------------------------------------

interface Batch {
  readonly operations: Operation[];
  bytes: number;
  label: string;
}

/** Pack operations in order into batches of at most `budget` bytes (an oversize one goes alone). */
export function packBatches(operations: readonly Operation[], budget: number): Batch[] {
  const batches: Batch[] = [];
  let current: Batch | null = null;
  for (const operation of operations) {
    if (!current || (current.bytes + operation.bytes > budget && current.operations.length > 0)) {
      current = { operations: [], bytes: 0, label: operation.label };
      batches.push(current);
    }
    current.operations.push(operation);
    current.bytes += operation.bytes;
  }
  for (const batch of batches) batch.label = describe(batch.operations);
  return batches;
}

function describe(operations: readonly Operation[]): string {
  const labels = [...new Set(operations.map((o) => o.label))];
  const rows = labels.filter((l) => l.includes(' rows '));
  if (rows.length === 0) return labels.slice(0, 3).join(', ');
  const first = rows[0].split(' rows ');
  const last = rows[rows.length - 1].split(' rows ');
  const from = first[1].split('–')[0];
  const to = last[1].split('–')[1];
  return first[0] === last[0] ? `${first[0]} rows ${from}–${to}` : `${first[0]} to ${last[0]}`;
}
