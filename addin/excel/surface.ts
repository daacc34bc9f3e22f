/**
 * The part of the Excel JavaScript API the adapter uses, typed by us.
 *
 * Every name here is the real Office.js name (ExcelApi 1.9 and earlier, plus
 * `getMergedAreasOrNullObject` from 1.13, used only when the host supports it), so the real
 * `Excel.RequestContext` satisfies this shape at the host boundary, and the recording test
 * double (`testing/fakeExcel.ts`) implements exactly this and nothing more. Keeping the
 * surface small is what lets the tests count syncs and payloads against it.
 */

export type CellValue = string | number | boolean;

export interface Loadable {
  load(properties?: string): unknown;
}

export interface XRequestContext {
  readonly workbook: XWorkbook;
  sync(): Promise<void>;
}

export interface XWorkbook {
  readonly worksheets: XWorksheetCollection;
  readonly names: XNamedItemCollection;
  readonly customXmlParts: XCustomXmlPartCollection;
}

export interface XWorksheetCollection extends Loadable {
  readonly items: readonly XWorksheet[];
  getActiveWorksheet(): XWorksheet;
  getItem(name: string): XWorksheet;
  getItemOrNullObject(name: string): XWorksheet;
  add(name: string): XWorksheet;
}

export interface XWorksheet extends Loadable {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly tables: XTableCollection;
  readonly protection: { readonly protected: boolean } & Loadable;
  readonly autoFilter: XAutoFilter;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  readonly pageLayout: XPageLayout;
  readonly horizontalPageBreaks: { add(pageBreakRange: XRange): unknown; removePageBreaks(): void };
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange;
  getRange(address?: string): XRange;
  activate(): void;
}

export interface XAutoFilter extends Loadable {
  readonly isDataFiltered: boolean;
  apply(range: XRange): void;
  remove(): void;
}

export interface XPageLayout {
  orientation: 'Portrait' | 'Landscape';
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintTitleRows(rows: string): void;
}

export interface XRangeFormat {
  columnWidth: number;
  wrapText: boolean;
  verticalAlignment: 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';
  /** rows as high as their wrapped text needs (Excel's own measure) */
  autofitRows(): void;
  readonly font: { bold: boolean; italic: boolean; size: number; color: string };
  readonly fill: { color: string; clear(): void };
}

export interface XConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface XRange extends Loadable {
  readonly isNullObject: boolean;
  /** A1 address with the sheet name, e.g. `Tracker!A1:F20` */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: CellValue[][];
  /** a single format applies to every cell of the range */
  numberFormat: string | string[][];
  readonly format: XRangeFormat;
  readonly conditionalFormats: { add(type: 'Custom'): XConditionalFormat; clearAll(): void };
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: 'All' | 'Contents' | 'Formats'): void;
  select(): void;
  getMergedAreasOrNullObject(): { readonly isNullObject: boolean; readonly areaCount: number } & Loadable;
  /** ExcelApi 1.9: per-cell formats for the whole range in one call */
  setCellProperties(cellPropertiesData: CellProperties[][]): void;
}

/** The subset of `Excel.SettableCellProperties` the adapter sets. */
export interface CellProperties {
  format?: {
    font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
    fill?: { color?: string };
    wrapText?: boolean;
  };
}

export interface XTableCollection extends Loadable {
  readonly items: readonly XTable[];
  getItemOrNullObject(name: string): XTable;
}

export interface XTable extends Loadable {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly autoFilter: XAutoFilter;
  readonly columns: {
    add(index?: number | null, values?: CellValue[][] | null, name?: string): unknown;
    getItemAt(index: number): { delete(): void };
  };
  getRange(): XRange;
}

export interface XNamedItemCollection extends Loadable {
  readonly items: readonly XNamedItem[];
  add(name: string, reference: XRange | string, comment?: string): XNamedItem;
  getItemOrNullObject(name: string): XNamedItem;
}

export interface XNamedItem extends Loadable {
  readonly isNullObject: boolean;
  readonly name: string;
  /** the reference, e.g. `=Tracker!$Z$4:$BA$4` */
  readonly formula: string;
  visible: boolean;
  delete(): void;
}

export interface XCustomXmlPartCollection {
  add(xml: string): XCustomXmlPart;
  getByNamespace(namespaceUri: string): { getOnlyItemOrNullObject(): XCustomXmlPart };
}

export interface XCustomXmlPart extends Loadable {
  readonly isNullObject: boolean;
  getXml(): { readonly value: string };
  setXml(xml: string): void;
  delete(): void;
}

/** Optional API sets the adapter may use; the host fills this from `Office.context.requirements`. */
export interface HostFeatures {
  /** ExcelApi 1.13: `Range.getMergedAreasOrNullObject` */
  readonly mergedAreas: boolean;
}
