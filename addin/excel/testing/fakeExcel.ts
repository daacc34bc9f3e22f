/**
 * A recording test double of the Excel JavaScript API surface in `../surface.ts`.
 *
 * It behaves like Office.js where the adapter's correctness depends on it:
 * - nothing happens until `context.sync()`: writes are queued, loaded properties throw
 *   until the sync that loads them, null objects resolve at the sync;
 * - every sync's request payload is measured (the JSON of the values and arguments it
 *   carries) and a request over 5 MB fails with `RequestPayloadSizeLimitExceeded`, as
 *   Excel on the web does; read responses are measured the same way;
 * - in a 2-D `values` array `null` leaves a cell unchanged and `""` clears it; a string
 *   starting with `=` becomes a formula, a leading `'` marks text;
 * - adding a defined name or a sheet that already exists fails.
 * It records every cell written (values, formats, clears) so a test can prove that nothing
 * outside the tool's columns and sheets was touched. Plain TypeScript with no Office or
 * Node import: the browser test bundles it as the stand-in for Excel.
 */
import { formatSheetRef, parseArea, parseSheetRef, rangeRef, type A1Area } from '../a1';
import type {
  CellProperties,
  CellValue,
  XAutoFilter,
  XConditionalFormat,
  XCustomXmlPart,
  XCustomXmlPartCollection,
  XNamedItem,
  XNamedItemCollection,
  XPageLayout,
  XRange,
  XRangeFormat,
  XRequestContext,
  XTable,
  XTableCollection,
  XWorkbook,
  XWorksheet,
  XWorksheetCollection,
} from '../surface';

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface CellStyleRecord {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string | null;
  wrap?: boolean;
  verticalAlignment?: string;
  numberFormat?: string;
}

export interface SheetModel {
  name: string;
  /** key `row,col` (1-based) */
  cells: Map<string, CellValue>;
  formulas: Map<string, string>;
  styles: Map<string, CellStyleRecord>;
  columnWidths: Map<number, number>;
  /** rows whose height was fitted to their text */
  autofitRows: Set<number>;
  merges: A1Area[];
  conditionalFormats: { area: A1Area; formula: string; fill: string }[];
  protected: boolean;
  filtered: boolean;
  autoFilter: A1Area | null;
  freezeRows: number;
  orientation: 'Portrait' | 'Landscape';
  printTitleRows: string | null;
  fitToWidth: boolean;
  pageBreaksAfter: number[];
}

export interface TableModel {
  name: string;
  sheet: string;
  area: A1Area;
  filtered: boolean;
}

export interface NameModel {
  name: string;
  sheet: string;
  area: A1Area;
  visible: boolean;
  comment: string;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  active: string;
  tables: TableModel[];
  names: NameModel[];
  xmlParts: { id: string; namespace: string; xml: string }[];
}

export function newSheet(name: string): SheetModel {
  return {
    name,
    cells: new Map(),
    formulas: new Map(),
    styles: new Map(),
    columnWidths: new Map(),
    autofitRows: new Set(),
    merges: [],
    conditionalFormats: [],
    protected: false,
    filtered: false,
    autoFilter: null,
    freezeRows: 0,
    orientation: 'Portrait',
    printTitleRows: null,
    fitToWidth: false,
    pageBreaksAfter: [],
  };
}

const key = (row: number, col: number) => `${row},${col}`;

/** Build a workbook model: sheets given as rows of values from A1 (null/'' = empty). */
export function workbookFrom(
  sheets: Record<string, readonly (readonly (CellValue | null | undefined)[])[]>,
  options: { active?: string; tables?: TableModel[] } = {},
): WorkbookModel {
  const models: SheetModel[] = [];
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = newSheet(name);
    rows.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value !== null && value !== undefined && value !== '') sheet.cells.set(key(r + 1, c + 1), value);
      }),
    );
    models.push(sheet);
  }
  return {
    sheets: models,
    active: options.active ?? models[0]?.name ?? 'Sheet1',
    tables: options.tables ?? [],
    names: [],
    xmlParts: [],
  };
}

export function cellOf(
  model: WorkbookModel,
  sheetName: string,
  row: number,
  col: number,
): CellValue | undefined {
  return model.sheets.find((s) => s.name === sheetName)?.cells.get(key(row, col));
}

/** A deep copy, to compare a workbook before and after. */
export function snapshotCells(model: WorkbookModel): Record<string, Record<string, CellValue>> {
  const out: Record<string, Record<string, CellValue>> = {};
  for (const sheet of model.sheets) out[sheet.name] = Object.fromEntries(sheet.cells);
  return out;
}

interface QueuedAction {
  readonly requestBytes: number;
  run(): void;
  /** response bytes, measured after the action ran */
  response?(): number;
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
}

export interface CellWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly what: 'value' | 'format' | 'clear';
}

/** The recording context. `syncs` and `writes` are what the tests assert on. */
export class FakeContext implements XRequestContext {
  readonly workbook: XWorkbook;
  readonly syncs: SyncRecord[] = [];
  readonly writes: CellWrite[] = [];
  /** set to record every cell write (the default); off for large benchmarks */
  recordWrites = true;
  /**
   * Off for sync-count and payload measurements of large trackers: requests are still
   * measured and checked (sizes, shapes, limits), but cell contents and formats are not stored.
   */
  storeCells = true;
  private queue: QueuedAction[] = [];
  private nextPartId = 1;

  constructor(
    readonly model: WorkbookModel,
    readonly payloadLimit = PAYLOAD_LIMIT_BYTES,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(action: QueuedAction): void {
    this.queue.push(action);
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const requestBytes = queue.reduce((sum, action) => sum + action.requestBytes + 40, 0);
    if (requestBytes > this.payloadLimit) {
      this.syncs.push({ requestBytes, responseBytes: 0, actions: queue.length });
      throw new FakeExcelError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    let responseBytes = 0;
    try {
      for (const action of queue) {
        action.run();
        responseBytes += action.response?.() ?? 0;
      }
    } finally {
      this.syncs.push({ requestBytes, responseBytes, actions: queue.length });
    }
    if (responseBytes > this.payloadLimit) {
      throw new FakeExcelError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
  }

  get maxRequestBytes(): number {
    return this.syncs.reduce((max, s) => Math.max(max, s.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.syncs.reduce((max, s) => Math.max(max, s.responseBytes), 0);
  }

  sheet(name: string): SheetModel {
    const sheet = this.model.sheets.find((s) => s.name === name);
    if (!sheet) throw new FakeExcelError('ItemNotFound', `The sheet ${name} does not exist.`);
    return sheet;
  }

  recordArea(sheet: string, area: A1Area, what: CellWrite['what']): void {
    if (!this.recordWrites) return;
    for (let r = area.firstRow; r <= area.lastRow; r++) {
      for (let c = area.firstColumn; c <= area.lastColumn; c++)
        this.writes.push({ sheet, row: r, col: c, what });
    }
  }

  newPartId(): string {
    return `{part-${this.nextPartId++}}`;
  }
}

/** A property bag whose reads throw until a sync has loaded them, as Office.js does. */
class Loaded {
  private loaded = new Set<string>();
  private data: Record<string, unknown> = {};

  constructor(private readonly what: string) {}

  set(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) {
      this.loaded.add(k);
      this.data[k] = v;
    }
  }

  get<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${property}' of ${this.what} is not available. Call load() and context.sync() first.`,
      );
    }
    return this.data[property] as T;
  }
}

function splitProps(properties?: string): string[] {
  return (properties ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

const jsonBytes = (value: unknown) => JSON.stringify(value ?? null).length;

class FakeWorkbook implements XWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNames;
  readonly customXmlParts: FakeXmlParts;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNames(ctx);
    this.customXmlParts = new FakeXmlParts(ctx);
  }
}

class FakeWorksheetCollection implements XWorksheetCollection {
  private state = new Loaded('WorksheetCollection');
  constructor(private readonly ctx: FakeContext) {}

  get items(): readonly XWorksheet[] {
    return this.state.get('items');
  }

  load(): this {
    this.ctx.enqueue({
      requestBytes: 30,
      run: () => {
        const items = this.ctx.model.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, () => s.name);
          ws.resolve(s.name);
          ws.preload();
          return ws;
        });
        this.state.set({ items });
      },
      response: () => this.ctx.model.sheets.reduce((n, s) => n + s.name.length + 12, 0),
    });
    return this;
  }

  getActiveWorksheet(): XWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.model.active);
    this.ctx.enqueue({ requestBytes: 30, run: () => ws.resolve(this.ctx.model.active) });
    return ws;
  }

  getItem(name: string): XWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => name);
    this.ctx.enqueue({
      requestBytes: 30 + name.length,
      run: () => {
        this.ctx.sheet(name);
        ws.resolve(name);
      },
    });
    return ws;
  }

  getItemOrNullObject(name: string): XWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => name);
    this.ctx.enqueue({
      requestBytes: 30 + name.length,
      run: () => ws.resolve(this.ctx.model.sheets.some((s) => s.name === name) ? name : null),
    });
    return ws;
  }

  add(name: string): XWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => name);
    this.ctx.enqueue({
      requestBytes: 30 + name.length,
      run: () => {
        if (this.ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
          throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
        }
        this.ctx.model.sheets.push(newSheet(name));
        ws.resolve(name);
      },
    });
    return ws;
  }
}

class FakeWorksheet implements XWorksheet {
  private state = new Loaded('Worksheet');
  private resolvedName: string | null = null;
  private isNull: boolean | undefined;
  readonly tables: XTableCollection;
  readonly protection: { readonly protected: boolean; load(): unknown };
  readonly autoFilter: XAutoFilter;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  readonly pageLayout: XPageLayout;
  readonly horizontalPageBreaks: { add(range: XRange): unknown; removePageBreaks(): void };

  constructor(
    private readonly ctx: FakeContext,
    private readonly nameAtQueueTime: () => string,
  ) {
    const sheetName = () => this.nameNow();
    const protState = new Loaded('WorksheetProtection');
    this.protection = {
      get protected() {
        return protState.get<boolean>('protected');
      },
      load: () => {
        ctx.enqueue({
          requestBytes: 30,
          run: () => protState.set({ protected: ctx.sheet(sheetName()).protected }),
        });
        return this.protection;
      },
    };
    const filterState = new Loaded('AutoFilter');
    this.autoFilter = {
      get isDataFiltered() {
        return filterState.get<boolean>('isDataFiltered');
      },
      load: () => {
        ctx.enqueue({
          requestBytes: 30,
          run: () => filterState.set({ isDataFiltered: ctx.sheet(sheetName()).filtered }),
        });
        return this.autoFilter;
      },
      apply: (range: XRange) => {
        const r = range as FakeRange;
        ctx.enqueue({ requestBytes: 60, run: () => (ctx.sheet(sheetName()).autoFilter = r.area()) });
      },
      remove: () => {
        ctx.enqueue({
          requestBytes: 30,
          run: () => {
            const s = ctx.sheet(sheetName());
            s.autoFilter = null;
            s.filtered = false;
          },
        });
      },
    };
    this.freezePanes = {
      freezeRows: (count: number) =>
        ctx.enqueue({ requestBytes: 30, run: () => (ctx.sheet(sheetName()).freezeRows = count) }),
      unfreeze: () => ctx.enqueue({ requestBytes: 30, run: () => (ctx.sheet(sheetName()).freezeRows = 0) }),
    };
    const layout = {
      set orientation(value: 'Portrait' | 'Landscape') {
        ctx.enqueue({ requestBytes: 40, run: () => (ctx.sheet(sheetName()).orientation = value) });
      },
      get orientation(): 'Portrait' | 'Landscape' {
        throw new FakeExcelError('PropertyNotLoaded', 'orientation is write-only in this double');
      },
      set zoom(value: { horizontalFitToPages?: number }) {
        ctx.enqueue({
          requestBytes: 40,
          run: () => (ctx.sheet(sheetName()).fitToWidth = value.horizontalFitToPages === 1),
        });
      },
      get zoom(): { horizontalFitToPages?: number } {
        throw new FakeExcelError('PropertyNotLoaded', 'zoom is write-only in this double');
      },
      setPrintTitleRows: (rows: string) =>
        ctx.enqueue({ requestBytes: 40, run: () => (ctx.sheet(sheetName()).printTitleRows = rows) }),
    };
    this.pageLayout = layout;
    this.horizontalPageBreaks = {
      add: (range: XRange) => {
        const r = range as FakeRange;
        ctx.enqueue({
          requestBytes: 60,
          // a horizontal break is placed above the given row
          run: () => ctx.sheet(sheetName()).pageBreaksAfter.push(r.area().firstRow - 1),
        });
        return {};
      },
      removePageBreaks: () =>
        ctx.enqueue({ requestBytes: 30, run: () => (ctx.sheet(sheetName()).pageBreaksAfter = []) }),
    };
    this.tables = new FakeTables(ctx, sheetName);
  }

  resolve(name: string | null): void {
    this.isNull = name === null;
    this.resolvedName = name;
  }

  preload(): void {
    this.state.set({ name: this.nameNow() });
  }

  nameNow(): string {
    return this.resolvedName ?? this.nameAtQueueTime();
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject before sync');
    return this.isNull;
  }

  get name(): string {
    return this.state.get('name');
  }

  load(): this {
    this.ctx.enqueue({
      requestBytes: 30,
      run: () => this.state.set({ name: this.nameNow() }),
      response: () => this.nameNow().length + 10,
    });
    return this;
  }

  getUsedRangeOrNullObject(): XRange {
    return new FakeRange(
      this.ctx,
      () => this.nameNow(),
      () => usedArea(this.ctx.sheet(this.nameNow())),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange {
    const area = {
      firstRow: startRow + 1,
      lastRow: startRow + rowCount,
      firstColumn: startColumn + 1,
      lastColumn: startColumn + columnCount,
    };
    return new FakeRange(
      this.ctx,
      () => this.nameNow(),
      () => area,
    );
  }

  getRange(address?: string): XRange {
    if (!address) {
      // the whole sheet: as far as anything is used
      return new FakeRange(
        this.ctx,
        () => this.nameNow(),
        () => {
          const used = usedArea(this.ctx.sheet(this.nameNow()));
          return used
            ? { ...used, firstRow: 1, firstColumn: 1 }
            : { firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 1 };
        },
      );
    }
    const area = parseArea(address);
    if (!area) throw new FakeExcelError('InvalidArgument', `Bad address ${address}`);
    return new FakeRange(
      this.ctx,
      () => this.nameNow(),
      () => area,
    );
  }

  activate(): void {
    this.ctx.enqueue({ requestBytes: 30, run: () => (this.ctx.model.active = this.nameNow()) });
  }
}

function usedArea(sheet: SheetModel): A1Area | null {
  let firstRow = Infinity;
  let lastRow = 0;
  let firstColumn = Infinity;
  let lastColumn = 0;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(',').map(Number);
    firstRow = Math.min(firstRow, r);
    lastRow = Math.max(lastRow, r);
    firstColumn = Math.min(firstColumn, c);
    lastColumn = Math.max(lastColumn, c);
  }
  return lastRow === 0 ? null : { firstRow, lastRow, firstColumn, lastColumn };
}

function intersects(a: A1Area, b: A1Area): boolean {
  return (
    a.firstRow <= b.lastRow &&
    b.firstRow <= a.lastRow &&
    a.firstColumn <= b.lastColumn &&
    b.firstColumn <= a.lastColumn
  );
}

class FakeRange implements XRange {
  private state = new Loaded('Range');
  readonly format: XRangeFormat;
  readonly conditionalFormats: { add(type: 'Custom'): XConditionalFormat; clearAll(): void };

  constructor(
    private readonly ctx: FakeContext,
    readonly sheetName: () => string,
    private readonly areaAt: () => A1Area | null,
  ) {
    const styleWrite = (patch: CellStyleRecord) =>
      ctx.enqueue({
        requestBytes: jsonBytes(patch) + 40,
        run: () => this.applyStyle(patch),
      });
    const font = {
      set bold(v: boolean) {
        styleWrite({ bold: v });
      },
      get bold(): boolean {
        throw new FakeExcelError('PropertyNotLoaded', 'font is write-only in this double');
      },
      set italic(v: boolean) {
        styleWrite({ italic: v });
      },
      get italic(): boolean {
        throw new FakeExcelError('PropertyNotLoaded', 'font is write-only in this double');
      },
      set size(v: number) {
        styleWrite({ size: v });
      },
      get size(): number {
        throw new FakeExcelError('PropertyNotLoaded', 'font is write-only in this double');
      },
      set color(v: string) {
        styleWrite({ color: v });
      },
      get color(): string {
        throw new FakeExcelError('PropertyNotLoaded', 'font is write-only in this double');
      },
    };
    const fill = {
      set color(v: string) {
        styleWrite({ fill: v });
      },
      get color(): string {
        throw new FakeExcelError('PropertyNotLoaded', 'fill is write-only in this double');
      },
      clear: () => styleWrite({ fill: null }),
    };
    this.format = {
      font,
      fill,
      set wrapText(v: boolean) {
        styleWrite({ wrap: v });
      },
      get wrapText(): boolean {
        throw new FakeExcelError('PropertyNotLoaded', 'wrapText is write-only in this double');
      },
      set columnWidth(points: number) {
        ctx.enqueue({
          requestBytes: 50,
          run: () => {
            const area = ownerArea();
            for (let c = area.firstColumn; c <= area.lastColumn; c++)
              ctx.sheet(ownerSheet()).columnWidths.set(c, points);
          },
        });
      },
      get columnWidth(): number {
        throw new FakeExcelError('PropertyNotLoaded', 'columnWidth is write-only in this double');
      },
      set verticalAlignment(v: XRangeFormat['verticalAlignment']) {
        styleWrite({ verticalAlignment: v });
      },
      get verticalAlignment(): XRangeFormat['verticalAlignment'] {
        throw new FakeExcelError('PropertyNotLoaded', 'verticalAlignment is write-only in this double');
      },
      autofitRows: () => {
        ctx.enqueue({
          requestBytes: 50,
          run: () => {
            const area = ownerArea();
            for (let r = area.firstRow; r <= area.lastRow; r++) ctx.sheet(ownerSheet()).autofitRows.add(r);
          },
        });
      },
    };
    const ownerArea = () => this.area();
    const ownerSheet = () => this.sheetName();
    this.conditionalFormats = {
      add: () => {
        const rule = { formula: '' };
        const cfFill = { color: '' };
        const cf: XConditionalFormat = {
          custom: { rule, format: { fill: cfFill, font: { color: '' } } },
        };
        ctx.enqueue({
          requestBytes: 60,
          run: () => {
            // the rule's properties were set after add() in the same batch: read them at sync
            ctx.sheet(ownerSheet()).conditionalFormats.push({
              area: ownerArea(),
              get formula() {
                return rule.formula;
              },
              get fill() {
                return cfFill.color;
              },
            });
          },
        });
        return cf;
      },
      clearAll: () =>
        ctx.enqueue({
          requestBytes: 40,
          run: () => {
            const s = ctx.sheet(ownerSheet());
            const area = ownerArea();
            s.conditionalFormats = s.conditionalFormats.filter((cf) => !intersects(cf.area, area));
          },
        }),
    };
  }

  area(): A1Area {
    const area = this.areaAt();
    if (!area) throw new FakeExcelError('ItemNotFound', 'The range is a null object.');
    return area;
  }

  private applyStyle(patch: CellStyleRecord): void {
    const sheet = this.ctx.sheet(this.sheetName());
    const area = this.area();
    if (!this.ctx.storeCells) return;
    this.ctx.recordArea(sheet.name, area, 'format');
    for (let r = area.firstRow; r <= area.lastRow; r++) {
      for (let c = area.firstColumn; c <= area.lastColumn; c++) {
        const k = key(r, c);
        sheet.styles.set(k, { ...sheet.styles.get(k), ...patch });
      }
    }
  }

  get isNullObject(): boolean {
    return this.state.get('isNullObject');
  }
  get address(): string {
    return this.state.get('address');
  }
  get rowIndex(): number {
    return this.state.get('rowIndex');
  }
  get columnIndex(): number {
    return this.state.get('columnIndex');
  }
  get rowCount(): number {
    return this.state.get('rowCount');
  }
  get columnCount(): number {
    return this.state.get('columnCount');
  }

  get values(): CellValue[][] {
    return this.state.get('values');
  }

  set values(values: CellValue[][]) {
    const copy = values.map((row) => row.slice());
    this.ctx.enqueue({
      requestBytes: jsonBytes(copy) + 60,
      run: () => {
        const sheet = this.ctx.sheet(this.sheetName());
        const area = this.area();
        const rows = area.lastRow - area.firstRow + 1;
        const cols = area.lastColumn - area.firstColumn + 1;
        if (copy.length !== rows || copy.some((row) => row.length !== cols)) {
          throw new FakeExcelError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size of the range.`,
          );
        }
        this.checkMerged(sheet, area);
        if (sheet.protected) throw new FakeExcelError('AccessDenied', 'The sheet is protected.');
        if (!this.ctx.storeCells) return;
        copy.forEach((row, i) =>
          row.forEach((value, j) => {
            if (value === null || value === undefined) return; // null leaves the cell unchanged
            const r = area.firstRow + i;
            const c = area.firstColumn + j;
            const k = key(r, c);
            if (this.ctx.recordWrites)
              this.ctx.writes.push({ sheet: sheet.name, row: r, col: c, what: 'value' });
            sheet.formulas.delete(k);
            if (value === '') sheet.cells.delete(k);
            else if (typeof value === 'string' && value.startsWith("'")) sheet.cells.set(k, value.slice(1));
            else if (typeof value === 'string' && value.startsWith('=')) {
              sheet.formulas.set(k, value);
              sheet.cells.set(k, value);
            } else sheet.cells.set(k, value);
          }),
        );
      },
    });
  }

  get numberFormat(): string | string[][] {
    return this.state.get('numberFormat');
  }

  set numberFormat(format: string | string[][]) {
    const copy = typeof format === 'string' ? format : format.map((r) => r.slice());
    this.ctx.enqueue({
      requestBytes: jsonBytes(copy) + 60,
      run: () => {
        const sheet = this.ctx.sheet(this.sheetName());
        const area = this.area();
        this.ctx.recordArea(sheet.name, area, 'format');
        if (!this.ctx.storeCells) return;
        for (let r = area.firstRow; r <= area.lastRow; r++) {
          for (let c = area.firstColumn; c <= area.lastColumn; c++) {
            const f = typeof copy === 'string' ? copy : copy[r - area.firstRow][c - area.firstColumn];
            const k = key(r, c);
            sheet.styles.set(k, { ...sheet.styles.get(k), numberFormat: f });
          }
        }
      },
    });
  }

  private checkMerged(sheet: SheetModel, area: A1Area): void {
    for (const m of sheet.merges) {
      const inside =
        m.firstRow >= area.firstRow &&
        m.lastRow <= area.lastRow &&
        m.firstColumn >= area.firstColumn &&
        m.lastColumn <= area.lastColumn;
      if (intersects(m, area) && !inside) {
        throw new FakeExcelError('InvalidOperation', 'This operation cannot be performed on a merged cell.');
      }
    }
  }

  load(properties?: string): this {
    const props = splitProps(properties);
    let responseBytes = 0;
    this.ctx.enqueue({
      requestBytes: 40 + (properties?.length ?? 0),
      run: () => {
        const area = this.areaAt();
        const data: Record<string, unknown> = { isNullObject: area === null };
        if (area) {
          const sheet = this.ctx.sheet(this.sheetName());
          data.address = formatSheetRef(sheet.name, area).replace(/\$/g, '');
          data.rowIndex = area.firstRow - 1;
          data.columnIndex = area.firstColumn - 1;
          data.rowCount = area.lastRow - area.firstRow + 1;
          data.columnCount = area.lastColumn - area.firstColumn + 1;
          if (props.includes('values')) {
            const values: CellValue[][] = [];
            for (let r = area.firstRow; r <= area.lastRow; r++) {
              const row: CellValue[] = [];
              for (let c = area.firstColumn; c <= area.lastColumn; c++)
                row.push(sheet.cells.get(key(r, c)) ?? '');
              values.push(row);
            }
            data.values = values;
          }
          if (props.includes('numberFormat')) {
            const formats: string[][] = [];
            for (let r = area.firstRow; r <= area.lastRow; r++) {
              const row: string[] = [];
              for (let c = area.firstColumn; c <= area.lastColumn; c++) {
                row.push(sheet.styles.get(key(r, c))?.numberFormat ?? 'General');
              }
              formats.push(row);
            }
            data.numberFormat = formats;
          }
        }
        responseBytes = props.reduce((n, p) => n + jsonBytes(data[p]), 0) + 20;
        this.state.set(data);
      },
      response: () => responseBytes,
    });
    return this;
  }

  merge(): void {
    this.ctx.enqueue({
      requestBytes: 40,
      run: () => {
        const sheet = this.ctx.sheet(this.sheetName());
        const area = this.area();
        this.ctx.recordArea(sheet.name, area, 'format');
        sheet.merges.push(area);
      },
    });
  }

  unmerge(): void {
    this.ctx.enqueue({
      requestBytes: 40,
      run: () => {
        const sheet = this.ctx.sheet(this.sheetName());
        const area = this.area();
        sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
      },
    });
  }

  clear(): void {
    this.ctx.enqueue({
      requestBytes: 40,
      run: () => {
        const sheet = this.ctx.sheet(this.sheetName());
        const area = this.areaAt();
        if (!area) return;
        if (sheet.protected) throw new FakeExcelError('AccessDenied', 'The sheet is protected.');
        this.ctx.recordArea(sheet.name, area, 'clear');
        for (let r = area.firstRow; r <= area.lastRow; r++) {
          for (let c = area.firstColumn; c <= area.lastColumn; c++) {
            sheet.cells.delete(key(r, c));
            sheet.formulas.delete(key(r, c));
            sheet.styles.delete(key(r, c));
          }
        }
      },
    });
  }

  select(): void {
    this.ctx.enqueue({
      requestBytes: 40,
      run: () => {
        this.ctx.model.active = this.sheetName();
        selections.push({ sheet: this.sheetName(), area: this.area() });
      },
    });
  }

  setCellProperties(cellPropertiesData: CellProperties[][]): void {
    const data = cellPropertiesData.map((row) => row.slice());
    this.ctx.enqueue({
      requestBytes: jsonBytes(data) + 60,
      run: () => {
        const sheet = this.ctx.sheet(this.sheetName());
        const area = this.area();
        if (data.length !== area.lastRow - area.firstRow + 1) {
          throw new FakeExcelError(
            'InvalidArgument',
            'The cell properties do not match the size of the range.',
          );
        }
        data.forEach((row, i) =>
          row.forEach((props, j) => {
            const f = props?.format;
            if (!f) return;
            const patch: CellStyleRecord = {};
            if (f.font?.bold !== undefined) patch.bold = f.font.bold;
            if (f.font?.italic !== undefined) patch.italic = f.font.italic;
            if (f.font?.size !== undefined) patch.size = f.font.size;
            if (f.font?.color !== undefined) patch.color = f.font.color;
            if (f.fill?.color !== undefined) patch.fill = f.fill.color;
            if (f.wrapText !== undefined) patch.wrap = f.wrapText;
            const r = area.firstRow + i;
            const c = area.firstColumn + j;
            if (this.ctx.recordWrites)
              this.ctx.writes.push({ sheet: sheet.name, row: r, col: c, what: 'format' });
            sheet.styles.set(key(r, c), { ...sheet.styles.get(key(r, c)), ...patch });
          }),
        );
      },
    });
  }

  getMergedAreasOrNullObject(): {
    readonly isNullObject: boolean;
    readonly areaCount: number;
    load(): unknown;
  } {
    const state = new Loaded('RangeAreas');
    const result = {
      get isNullObject() {
        return state.get<boolean>('isNullObject');
      },
      get areaCount() {
        return state.get<number>('areaCount');
      },
      load: () => result,
    };
    this.ctx.enqueue({
      requestBytes: 40,
      run: () => {
        const sheet = this.ctx.sheet(this.sheetName());
        const area = this.area();
        const count = sheet.merges.filter((m) => intersects(m, area)).length;
        state.set({ isNullObject: count === 0, areaCount: count });
      },
    });
    return result;
  }
}

/** Every `Range.select()` made through any fake context, for the pane's tests. */
export const selections: { sheet: string; area: A1Area }[] = [];

class FakeTables implements XTableCollection {
  private state = new Loaded('TableCollection');
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: () => string,
  ) {}

  get items(): readonly XTable[] {
    return this.state.get('items');
  }

  load(): this {
    this.ctx.enqueue({
      requestBytes: 30,
      run: () => {
        const items = this.ctx.model.tables
          .filter((t) => t.sheet === this.sheetName())
          .map((t) => new FakeTable(this.ctx, () => t).preload());
        this.state.set({ items });
      },
      response: () => 50,
    });
    return this;
  }

  getItemOrNullObject(name: string): XTable {
    let found: TableModel | undefined;
    this.ctx.enqueue({
      requestBytes: 30 + name.length,
      run: () =>
        (found = this.ctx.model.tables.find(
          (t) => t.sheet === this.sheetName() && t.name.toLowerCase() === name.toLowerCase(),
        )),
    });
    return new FakeTable(this.ctx, () => found);
  }
}

class FakeTable implements XTable {
  private state = new Loaded('Table');
  readonly autoFilter: XAutoFilter;
  readonly columns: {
    add(index?: number | null, values?: CellValue[][] | null, name?: string): unknown;
    getItemAt(index: number): { delete(): void };
  };

  constructor(
    private readonly ctx: FakeContext,
    private readonly modelAt: () => TableModel | undefined,
  ) {
    const table = (): TableModel => {
      const m = modelAt();
      if (!m) throw new FakeExcelError('ItemNotFound', 'The table does not exist.');
      return m;
    };
    const filterState = new Loaded('AutoFilter');
    this.autoFilter = {
      get isDataFiltered() {
        return filterState.get<boolean>('isDataFiltered');
      },
      load: () => {
        ctx.enqueue({
          requestBytes: 30,
          run: () => filterState.set({ isDataFiltered: modelAt()?.filtered ?? false }),
        });
        return this.autoFilter;
      },
      apply: () => undefined,
      remove: () => ctx.enqueue({ requestBytes: 30, run: () => (table().filtered = false) }),
    };
    this.columns = {
      getItemAt: (index: number) => ({
        delete: () =>
          ctx.enqueue({
            requestBytes: 60,
            run: () => {
              const model = table();
              const col = model.area.firstColumn + index;
              if (col !== model.area.lastColumn)
                throw new FakeExcelError('NotImplemented', 'only the last column');
              const sheet = ctx.sheet(model.sheet);
              for (let r = model.area.firstRow; r <= model.area.lastRow; r++) sheet.cells.delete(key(r, col));
              ctx.recordArea(model.sheet, { ...model.area, firstColumn: col, lastColumn: col }, 'clear');
              model.area = { ...model.area, lastColumn: col - 1 };
            },
          }),
      }),
      add: (index?: number | null, values?: CellValue[][] | null, name?: string) => {
        if (index !== null && index !== undefined) throw new FakeExcelError('NotImplemented', 'only appends');
        if (values) throw new FakeExcelError('NotImplemented', 'values are written separately');
        ctx.enqueue({
          requestBytes: 60 + (name?.length ?? 0),
          run: () => {
            const model = table();
            const sheet = ctx.sheet(model.sheet);
            const col = model.area.lastColumn + 1;
            for (let r = model.area.firstRow; r <= model.area.lastRow; r++) {
              if (sheet.cells.has(key(r, col))) {
                throw new FakeExcelError(
                  'InvalidOperation',
                  'The table cannot be extended over cells that hold values.',
                );
              }
            }
            model.area = { ...model.area, lastColumn: col };
            const header = name ?? `Column${col}`;
            sheet.cells.set(key(model.area.firstRow, col), header);
            ctx.recordArea(
              model.sheet,
              {
                firstRow: model.area.firstRow,
                lastRow: model.area.firstRow,
                firstColumn: col,
                lastColumn: col,
              },
              'value',
            );
          },
        });
        return {};
      },
    };
  }

  get isNullObject(): boolean {
    return this.state.get('isNullObject');
  }

  get name(): string {
    return this.state.get('name');
  }

  /** loaded as an item of a loaded collection */
  preload(): this {
    const m = this.modelAt();
    this.state.set(m ? { isNullObject: false, name: m.name } : { isNullObject: true });
    return this;
  }

  load(): this {
    this.ctx.enqueue({
      requestBytes: 30,
      run: () => {
        const m = this.modelAt();
        this.state.set(m ? { isNullObject: false, name: m.name } : { isNullObject: true });
      },
    });
    return this;
  }

  getRange(): XRange {
    return new FakeRange(
      this.ctx,
      () => this.modelAt()?.sheet ?? '',
      () => this.modelAt()?.area ?? null,
    );
  }
}

class FakeNames implements XNamedItemCollection {
  private state = new Loaded('NamedItemCollection');
  constructor(private readonly ctx: FakeContext) {}

  get items(): readonly XNamedItem[] {
    return this.state.get('items');
  }

  load(): this {
    this.ctx.enqueue({
      requestBytes: 30,
      run: () =>
        this.state.set({ items: this.ctx.model.names.map((n) => new FakeName(this.ctx, () => n).preload()) }),
      response: () => this.ctx.model.names.reduce((sum, n) => sum + n.name.length + 60, 0),
    });
    return this;
  }

  add(name: string, reference: XRange | string, comment?: string): XNamedItem {
    let model: NameModel | undefined;
    this.ctx.enqueue({
      requestBytes: 80 + name.length,
      run: () => {
        if (this.ctx.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
          throw new FakeExcelError('ItemAlreadyExists', `The name ${name} already exists.`);
        }
        let sheet: string;
        let area: A1Area;
        if (typeof reference === 'string') {
          const parsed = parseSheetRef(reference);
          if (!parsed) throw new FakeExcelError('InvalidArgument', `Bad reference ${reference}`);
          sheet = parsed.sheetName;
          area = parsed.area;
        } else {
          const r = reference as FakeRange;
          sheet = r.sheetName();
          area = r.area();
        }
        model = { name, sheet, area, visible: true, comment: comment ?? '' };
        this.ctx.model.names.push(model);
      },
    });
    return new FakeName(this.ctx, () => model);
  }

  getItemOrNullObject(name: string): XNamedItem {
    let found: NameModel | undefined;
    this.ctx.enqueue({
      requestBytes: 30 + name.length,
      run: () => (found = this.ctx.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase())),
    });
    return new FakeName(this.ctx, () => found, true);
  }
}

class FakeName implements XNamedItem {
  private state = new Loaded('NamedItem');
  constructor(
    private readonly ctx: FakeContext,
    private readonly modelAt: () => NameModel | undefined,
    private readonly nullable = false,
  ) {
    if (!nullable) this.state.set({ isNullObject: false });
    else this.ctx.enqueue({ requestBytes: 0, run: () => this.state.set({ isNullObject: !this.modelAt() }) });
  }

  get isNullObject(): boolean {
    return this.state.get('isNullObject');
  }
  get name(): string {
    return this.state.get('name');
  }
  get formula(): string {
    return this.state.get('formula');
  }
  get visible(): boolean {
    return this.state.get('visible');
  }
  set visible(value: boolean) {
    this.ctx.enqueue({
      requestBytes: 40,
      run: () => {
        const m = this.modelAt();
        if (m) m.visible = value;
      },
    });
  }

  /** loaded as an item of a loaded collection */
  preload(): this {
    const m = this.modelAt();
    if (!m) {
      this.state.set({ isNullObject: true });
      return this;
    }
    this.state.set({
      isNullObject: false,
      name: m.name,
      formula: `=${formatSheetRef(m.sheet, m.area)}`,
      visible: m.visible,
    });
    return this;
  }

  load(): this {
    this.ctx.enqueue({ requestBytes: 30, run: () => void this.preload() });
    return this;
  }

  delete(): void {
    this.ctx.enqueue({
      requestBytes: 30,
      run: () => {
        const m = this.modelAt();
        if (!m) {
          if (this.nullable) return; // a method on a null object does nothing
          throw new FakeExcelError('ItemNotFound', 'The name does not exist.');
        }
        this.ctx.model.names = this.ctx.model.names.filter((n) => n !== m);
      },
    });
  }
}

class FakeXmlParts implements XCustomXmlPartCollection {
  constructor(private readonly ctx: FakeContext) {}

  add(xml: string): XCustomXmlPart {
    let id = '';
    this.ctx.enqueue({
      requestBytes: xml.length + 40,
      run: () => {
        const ns = /xmlns="([^"]+)"/.exec(xml)?.[1] ?? '';
        id = this.ctx.newPartId();
        this.ctx.model.xmlParts.push({ id, namespace: ns, xml });
      },
    });
    return new FakeXmlPart(this.ctx, () => this.ctx.model.xmlParts.find((p) => p.id === id), false);
  }

  getByNamespace(namespaceUri: string): { getOnlyItemOrNullObject(): XCustomXmlPart } {
    return {
      getOnlyItemOrNullObject: () => {
        let part: WorkbookModel['xmlParts'][number] | undefined;
        this.ctx.enqueue({
          requestBytes: 40 + namespaceUri.length,
          run: () => {
            const parts = this.ctx.model.xmlParts.filter((p) => p.namespace === namespaceUri);
            if (parts.length > 1)
              throw new FakeExcelError('InvalidOperation', 'More than one part in the namespace.');
            part = parts[0];
          },
        });
        return new FakeXmlPart(this.ctx, () => part, true);
      },
    };
  }
}

class FakeXmlPart implements XCustomXmlPart {
  private state = new Loaded('CustomXmlPart');
  constructor(
    private readonly ctx: FakeContext,
    private readonly partAt: () => WorkbookModel['xmlParts'][number] | undefined,
    nullable: boolean,
  ) {
    if (!nullable) this.state.set({ isNullObject: false });
    else this.ctx.enqueue({ requestBytes: 0, run: () => this.state.set({ isNullObject: !this.partAt() }) });
  }

  get isNullObject(): boolean {
    return this.state.get('isNullObject');
  }

  load(): this {
    return this;
  }

  getXml(): { readonly value: string } {
    const result = new Loaded('ClientResult');
    this.ctx.enqueue({
      requestBytes: 30,
      run: () => result.set({ value: this.partAt()?.xml ?? '' }),
      response: () => (this.partAt()?.xml.length ?? 0) + 10,
    });
    return {
      get value() {
        return result.get<string>('value');
      },
    };
  }

  setXml(xml: string): void {
    this.ctx.enqueue({
      requestBytes: xml.length + 40,
      run: () => {
        const part = this.partAt();
        if (part) part.xml = xml;
      },
    });
  }

  delete(): void {
    this.ctx.enqueue({
      requestBytes: 30,
      run: () => {
        const part = this.partAt();
        if (part) this.ctx.model.xmlParts = this.ctx.model.xmlParts.filter((p) => p !== part);
      },
    });
  }
}

/** Reference a defined name by its A1 text (for tests seeding markers). */
export function markerName(name: string, sheet: string, ref: string): NameModel {
  const area = parseArea(ref);
  if (!area) throw new Error(`bad ref ${ref}`);
  return { name, sheet, area, visible: false, comment: '' };
}

export { rangeRef };
