/**
 * Reading a worksheet part without building a tree: its top-level sections, and its rows
 * and cells as positions in the text. A 20,000-row tracker's sheet is tens of megabytes,
 * so rows are found with `indexOf` and only the rows the tool writes are looked into.
 */
import { columnNumber } from '../../shared/writePlan/a1';
import { WorkbookProblem } from './problems';
import {
  decodeOoxmlText,
  elementAt,
  nextTag,
  prefixOf,
  richText,
  tagText,
  type Element,
  type Tag,
} from './xml';

export interface Worksheet {
  readonly xml: string;
  readonly root: Element;
  /** namespace prefix of SpreadsheetML elements ('' or e.g. 'x:') */
  readonly p: string;
  /** direct children of <worksheet>, in order */
  readonly sections: readonly Element[];
  readonly sheetData: Element;
}

export function parseWorksheet(xml: string): Worksheet {
  const rootTag = nextTag(xml, 0);
  if (!rootTag || rootTag.kind !== 'open')
    throw new WorkbookProblem('damaged', 'A worksheet in this workbook is damaged.');
  const p = prefixOf(rootTag);
  const closeRoot = xml.lastIndexOf(`</${rootTag.name}>`);
  if (closeRoot < 0) throw new WorkbookProblem('damaged', 'A worksheet in this workbook is damaged.');
  const fullRoot: Element = {
    tag: rootTag,
    contentStart: rootTag.end,
    contentEnd: closeRoot,
    end: closeRoot + rootTag.name.length + 3,
  };
  const sections: Element[] = [];
  let sheetData: Element | null = null;
  let pos = fullRoot.contentStart;
  for (;;) {
    const t = nextTag(xml, pos, fullRoot.contentEnd);
    if (!t) break;
    if (t.kind === 'close') {
      pos = t.end;
      continue;
    }
    let el: Element;
    if (t.local === 'sheetData' && t.kind === 'open') {
      const close = xml.indexOf(`</${t.name}>`, t.end);
      if (close < 0) throw new WorkbookProblem('damaged', 'A worksheet in this workbook is damaged.');
      el = { tag: t, contentStart: t.end, contentEnd: close, end: close + t.name.length + 3 };
    } else el = elementAt(xml, t, fullRoot.contentEnd);
    if (t.local === 'sheetData') sheetData = el;
    sections.push(el);
    pos = el.end;
  }
  if (!sheetData)
    throw new WorkbookProblem(
      'damaged',
      'A worksheet in this workbook has no cells section; it may be damaged.',
    );
  return { xml, root: fullRoot, p, sections, sheetData };
}

export function section(ws: Worksheet, local: string): Element | null {
  return ws.sections.find((s) => s.tag.local === local) ?? null;
}

export interface RowSpan {
  readonly row: number;
  /** index of '<' of the row's open tag */
  readonly start: number;
  /** index just after the open tag */
  readonly openEnd: number;
  /** index of the close tag (== openEnd for `<row/>`) */
  readonly contentEnd: number;
  /** index just after the row */
  readonly end: number;
}

export interface CellSpan {
  readonly column: number;
  readonly start: number;
  readonly openEnd: number;
  readonly contentEnd: number;
  readonly end: number;
  /** the cell had an `r` attribute (cells may omit it, then they follow the previous one) */
  readonly hasRef: boolean;
}

/** Calls `visit` for every row of the sheet, in order. */
export function forEachRow(ws: Worksheet, visit: (row: RowSpan) => void): void {
  for (const row of rowsOf(ws)) visit(row);
}

/** The rows of the sheet, in order. */
export function* rowsOf(ws: Worksheet): Generator<RowSpan> {
  const { xml, p, sheetData } = ws;
  const openName = `<${p}row`;
  const closeName = `</${p}row>`;
  let pos = sheetData.contentStart;
  let last = 0;
  for (;;) {
    const start = xml.indexOf(openName, pos);
    if (start < 0 || start >= sheetData.contentEnd) return;
    const after = xml.charCodeAt(start + openName.length);
    if (!(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) {
      pos = start + openName.length;
      continue;
    }
    const gt = xml.indexOf('>', start);
    const openEnd = gt + 1;
    const empty = xml.charCodeAt(gt - 1) === 47;
    const rAttr = rowNumberAttr(xml, start, gt);
    const row = rAttr ?? last + 1;
    last = row;
    if (empty) {
      yield { row, start, openEnd, contentEnd: openEnd, end: openEnd };
      pos = openEnd;
    } else {
      const close = xml.indexOf(closeName, openEnd);
      yield { row, start, openEnd, contentEnd: close, end: close + closeName.length };
      pos = close + closeName.length;
    }
  }
}

function rowNumberAttr(xml: string, start: number, gt: number): number | null {
  const tag = xml.slice(start, gt);
  const m = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
  return m ? Number(m[1]) : null;
}

/** The cells of one row, in order. */
export function rowCells(ws: Worksheet, row: RowSpan): CellSpan[] {
  const { xml, p } = ws;
  const out: CellSpan[] = [];
  const openName = `<${p}c`;
  const closeName = `</${p}c>`;
  let pos = row.openEnd;
  let last = 0;
  for (;;) {
    const start = xml.indexOf(openName, pos);
    if (start < 0 || start >= row.contentEnd) return out;
    const after = xml.charCodeAt(start + openName.length);
    if (!(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) {
      pos = start + openName.length;
      continue;
    }
    const gt = xml.indexOf('>', start);
    const openEnd = gt + 1;
    const ref = cellRefAttr(xml, start, gt);
    const column = ref ?? last + 1;
    last = column;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push({ column, start, openEnd, contentEnd: openEnd, end: openEnd, hasRef: ref !== null });
      pos = openEnd;
    } else {
      const close = xml.indexOf(closeName, openEnd);
      out.push({
        column,
        start,
        openEnd,
        contentEnd: close,
        end: close + closeName.length,
        hasRef: ref !== null,
      });
      pos = close + closeName.length;
    }
  }
}

function cellRefAttr(xml: string, start: number, gt: number): number | null {
  const tag = xml.slice(start, gt);
  const m = /\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d+["']/.exec(tag);
  return m ? columnNumber(m[1]) : null;
}

/** A cell holds something when it has a value, a formula or inline text (a styled empty cell does not). */
export function cellHasContent(ws: Worksheet, cell: CellSpan): boolean {
  if (cell.contentEnd === cell.openEnd) return false;
  return /<(?:\w+:)?(v|f|is)[\s>/]/.test(ws.xml.slice(cell.openEnd, cell.contentEnd));
}

/** The `s` (style index) of a cell, 0 when absent. */
export function cellStyleIndex(ws: Worksheet, cell: CellSpan): number {
  const m = /\ss\s*=\s*["'](\d+)["']/.exec(ws.xml.slice(cell.start, cell.openEnd));
  return m ? Number(m[1]) : 0;
}

/** A cell's parts: its type (`t`, default 'n'), style index (`s`), and its content. */
export interface CellContent {
  readonly type: string;
  readonly style: number;
  /** the text of an inline string (`t="inlineStr"`), else null */
  readonly inline: string | null;
  /** the raw text of `<v>` (a value, or a formula's cached result); undefined when absent */
  readonly v: string | undefined;
}

const TYPE_ATTRIBUTE = /\st\s*=\s*["'](\w+)["']/;
const STYLE_ATTRIBUTE = /\ss\s*=\s*["'](\d+)["']/;
const VALUE_ELEMENT = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;

/** A cell's parts, reading only the two attributes needed (a tracker has a million cells). */
export function cellContent(ws: Worksheet, cell: CellSpan): CellContent {
  const { xml } = ws;
  const open = xml.slice(cell.start, cell.openEnd);
  const type = TYPE_ATTRIBUTE.exec(open)?.[1] ?? 'n';
  const style = Number(STYLE_ATTRIBUTE.exec(open)?.[1] ?? 0);
  const inner = xml.slice(cell.openEnd, cell.contentEnd);
  if (type === 'inlineStr') {
    const is = findChild(inner, 'is');
    return { type, style, inline: is ? richText(inner, is) : '', v: undefined };
  }
  return { type, style, inline: null, v: VALUE_ELEMENT.exec(inner)?.[1] };
}

/** The text a cell shows for a header: strings as they are, numbers as written, blanks as null. */
export function cellText(
  ws: Worksheet,
  cell: CellSpan,
  sharedStrings: () => readonly string[],
): string | null {
  const { type, inline, v } = cellContent(ws, cell);
  if (inline !== null) return inline === '' ? null : inline;
  if (v === undefined) return null;
  if (type === 's') return sharedStrings()[Number(v)] ?? null;
  const text = decodeOoxmlText(v);
  return text === '' ? null : text;
}

function findChild(xml: string, local: string): Element | null {
  let pos = 0;
  for (;;) {
    const t: Tag | null = nextTag(xml, pos);
    if (!t) return null;
    if (t.local === local && t.kind !== 'close') return elementAt(xml, t);
    pos = t.end;
  }
}

export { tagText };

/**
 * The last cell of a row, found from the row's end without reading the cells before it
 * (most rows of a tracker only need to know that nothing lies right of a column). Null
 * for a row without cells, or whose last cell has no `r` (then read the whole row).
 */
export function lastCell(ws: Worksheet, row: RowSpan): CellSpan | null {
  const { xml, p } = ws;
  const openName = `<${p}c`;
  let pos = row.contentEnd;
  for (;;) {
    const start = xml.lastIndexOf(openName, pos - 1);
    if (start < row.openEnd) return null;
    const after = xml.charCodeAt(start + openName.length);
    if (!(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) {
      pos = start;
      continue;
    }
    const gt = xml.indexOf('>', start);
    const ref = cellRefAttr(xml, start, gt);
    if (ref === null) return null;
    const openEnd = gt + 1;
    if (xml.charCodeAt(gt - 1) === 47)
      return { column: ref, start, openEnd, contentEnd: openEnd, end: openEnd, hasRef: true };
    const close = xml.indexOf(`</${p}c>`, openEnd);
    // a `<c` inside rich text (e.g. `<color`) was ruled out above; this is the row's last cell only if it ends the row
    if (close < 0 || close + p.length + 4 > row.contentEnd) return null;
    return { column: ref, start, openEnd, contentEnd: close, end: close + p.length + 4, hasRef: true };
  }
}
