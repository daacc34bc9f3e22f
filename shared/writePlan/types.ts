/**
 * The write plan: pure data saying exactly what to write into a workbook, cell by cell.
 *
 * `shared/` builds it from the tracker's layout, the mapping and the results; the two
 * adapters (the .xlsx file adapter of the CLI, the Office.js adapter of the add-in) only
 * apply it. No rule or layout decision is taken in an adapter, so both produce the same
 * sheet.
 */

/** A value to put in a cell. Dates are ISO `YYYY-MM-DD`; adapters write them as real date cells. */
export type PlanValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'number'; readonly value: number }
  /** an empty cell (a previous value of the tool's is cleared) */
  | null;

/**
 * A small vocabulary of looks; each adapter maps it to its own formatting. `date` cells are
 * always shown dd/mm/yyyy whatever their style.
 */
export type CellStyle = 'title' | 'subtitle' | 'header' | 'group' | 'body' | 'bold' | 'wrap' | 'note';

export interface PlannedCell {
  readonly value: PlanValue;
  readonly style?: CellStyle;
}

/** 1-based, inclusive. */
export interface CellRange {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/**
 * Colours keyed on the status word, so they survive sorting, filtering and editing.
 * `formula` is an Excel formula without the leading '=', written relative to the range's
 * top-left cell (e.g. `OR(Z5="Overdue",Z5="Action needed")`), and works the same in
 * Excel, Excel on the web and LibreOffice.
 */
export interface ConditionalFormatPlan {
  readonly range: CellRange;
  readonly rules: readonly { readonly formula: string; readonly fill: string /* RRGGBB */ }[];
}

export type ToolColumnKind = 'status' | 'date' | 'text';

export interface PlannedColumn {
  /** stable id: 'overall', 'next-action', 'next-action-due', 'leaving-care-status', '<rule id>', '<rule id>:due' */
  readonly key: string;
  readonly header: string;
  readonly kind: ToolColumnKind;
  /** column width in characters */
  readonly width: number;
  /** one value per data row, aligned with `TrackerColumnsPlan.rows` */
  readonly values: readonly PlanValue[];
}

/** The tool's block of status columns, to the right of the tracker (inside its Table, when it is one). */
export interface TrackerColumnsPlan {
  readonly sheetName: string;
  readonly headerRow: number;
  /** 1-based column of the first tool column; the block is contiguous */
  readonly firstColumn: number;
  readonly columns: readonly PlannedColumn[];
  /** worksheet row numbers of the data rows, in order */
  readonly rows: readonly number[];
  /**
   * Columns the tool wrote last time that it no longer writes (a rule became inactive):
   * clear their cells from the header row to the last data row. Null when there are none.
   */
  readonly clearColumns: { readonly firstColumn: number; readonly lastColumn: number } | null;
  /**
   * Rows below the tracker's last row that held the tool's flags last time (young people
   * removed from the bottom of the tracker): clear the tool's columns there (the block and
   * `clearColumns`), or flags would be left beside nobody. Null when there are none.
   */
  readonly clearRows: { readonly firstRow: number; readonly lastRow: number } | null;
  /** the Excel Table that holds the tracker: extend it over the tool's columns */
  readonly table: { readonly name: string; readonly newLastColumn: number } | null;
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
}

export type ToolSheetKey = 'summary' | 'details' | 'review-pack';

export interface PrintSetup {
  readonly landscape: boolean;
  readonly fitToWidth: boolean;
  /** rows repeated at the top of every printed page (1-based, inclusive) */
  readonly repeatRows: { readonly first: number; readonly last: number } | null;
  /** a page break is placed after each of these rows */
  readonly breaksAfterRows: readonly number[];
}

/** One of the tool's own sheets, written whole (it is cleared and rewritten on every refresh). */
export interface SheetPlan {
  readonly key: ToolSheetKey;
  readonly name: string;
  /** column widths in characters, column 1 first */
  readonly columnWidths: readonly number[];
  /** rows from row 1; a row may be shorter than others */
  readonly rows: readonly (readonly PlannedCell[])[];
  readonly merges: readonly CellRange[];
  /** rows frozen at the top (0 for none) */
  readonly freezeRows: number;
  readonly print: PrintSetup;
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly autoFilter: CellRange | null;
  /** rows whose wrapped text needs more than one line (see rowHeights.ts); absent: none */
  readonly tallRows?: readonly TallRow[];
}

/** A row of a tool sheet and the lines of text it must be high enough for. */
export interface TallRow {
  readonly row: number;
  readonly lines: number;
}

/**
 * How the tool finds its own columns and sheets on the next run: hidden workbook-level
 * defined names (they follow a sheet when it is renamed and travel with the file, so the
 * CLI and the add-in recognise each other's output). A column or sheet without its
 * marker is the user's and is never overwritten.
 */
export interface MarkerPlan {
  /** e.g. CaseloadFlags_Columns, CaseloadFlags_Summary */
  readonly name: string;
  readonly sheetName: string;
  /** absolute A1 reference on that sheet, e.g. `$Z$4:$BA$4` */
  readonly ref: string;
}

export interface WritePlan {
  readonly tracker: TrackerColumnsPlan;
  readonly sheets: readonly SheetPlan[];
  readonly markers: readonly MarkerPlan[];
}

/** What the plan builder needs to know about the workbook as it is now (read by an adapter). */
export interface TrackerLayout {
  readonly sheetName: string;
  readonly headerRow: number;
  /** worksheet rows holding young people, in order */
  readonly dataRows: readonly number[];
  /** header text by column: index 0 is column 1; null for an empty header cell */
  readonly headers: readonly (string | null)[];
  /** the rightmost column holding anything in any row of the tracker sheet */
  readonly lastUsedColumn: number;
  /** the Excel Table holding the tracker, if it is one */
  readonly table: { readonly name: string; readonly firstColumn: number; readonly lastColumn: number } | null;
  /**
   * The tool's block from the previous refresh (from its marker), if any: its columns, and
   * the last row it wrote to (the marker spans the block from the header row down).
   */
  readonly previousBlock: {
    readonly firstColumn: number;
    readonly lastColumn: number;
    readonly lastRow?: number;
  } | null;
  /** every sheet in the workbook, with the tool sheet it is (from its marker), if it is one */
  readonly sheets: readonly { readonly name: string; readonly toolKey: ToolSheetKey | null }[];
}
