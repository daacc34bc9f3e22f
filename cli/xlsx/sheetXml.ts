/**
 * Reading a worksheet part without building a tree: its top-level sections, and its rows
 * and cells as positions in the text. A 20,000-row tracker's sheet is tens of megabytes,
 * so rows are found with `indexOf` and only the rows the tool writes are looked into.
 */
import { columnNumber, MAX_COLUMN } from '../../shared/writePlan/a1';
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
  const at = attributeValue(xml, start, gt, 114 /* r */, DIGITS);
  return at < 0 ? null : Number(xml.slice(at, attributeEnd(xml, at, gt, DIGITS)));
}

/*
 * Attributes read where a tracker has a million of them (a cell's r, t and s), without
 * slicing the tag for a regular expression: `attributeValue` finds what the expression
 * `\s<name>\s*=\s*["'](<value>)["']` would (the first match), and gives the index where
 * its value starts (-1 for none). A value ends at the next quote of either kind.
 */
const DIGITS = 0;
const WORD = 1;
const CELL_REF = 2;

function isSpace(c: number): boolean {
  // what \s matches
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c > 127 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95;
}

/** The end of a value of this kind starting at `i` (before `to`), then a quote; -1 when none. */
function valueEnd(xml: string, i: number, to: number, kind: number): number {
  let j = i;
  if (kind === CELL_REF) {
    // \$?[A-Za-z]{1,3}\$?\d+
    if (j < to && xml.charCodeAt(j) === 36) j++;
    const letters = j;
    while (j < to && j - letters < 4 && isLetter(xml.charCodeAt(j))) j++;
    if (j === letters || j - letters > 3) return -1;
    if (j < to && xml.charCodeAt(j) === 36) j++;
    const digits = j;
    while (j < to && isDigit(xml.charCodeAt(j))) j++;
    if (j === digits) return -1;
  } else {
    const accept = kind === DIGITS ? isDigit : isWordChar;
    while (j < to && accept(xml.charCodeAt(j))) j++;
    if (j === i) return -1;
  }
  const q = j < to ? xml.charCodeAt(j) : -1;
  return q === 34 || q === 39 ? j : -1;
}

function attributeValue(xml: string, from: number, to: number, name: number, kind: number): number {
  for (let i = from; i < to - 1; i++) {
    if (xml.charCodeAt(i + 1) !== name || !isSpace(xml.charCodeAt(i))) continue;
    let j = i + 2;
    while (j < to && isSpace(xml.charCodeAt(j))) j++;
    if (j >= to || xml.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (j < to && isSpace(xml.charCodeAt(j))) j++;
    const q = j < to ? xml.charCodeAt(j) : -1;
    if (q !== 34 && q !== 39) continue;
    if (valueEnd(xml, j + 1, to, kind) >= 0) return j + 1;
  }
  return -1;
}

/** The end index of the value `attributeValue` found at `at`. */
function attributeEnd(xml: string, at: number, to: number, kind: number): number {
  return valueEnd(xml, at, to, kind);
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
  const at = attributeValue(xml, start, gt, 114 /* r */, CELL_REF);
  if (at < 0) return null;
  let column = 0;
  const letters = xml.charCodeAt(at) === 36 ? at + 1 : at;
  let i = letters;
  for (let c = xml.charCodeAt(i); isLetter(c); c = xml.charCodeAt(++i))
    column = column * 26 + ((c & ~32) - 64);
  // beyond XFD: columnNumber says so
  return column > MAX_COLUMN ? columnNumber(xml.slice(letters, i)) : column;
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

const VALUE_ELEMENT = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;

/** The one-letter cell types, so that reading a million cells makes no string for each one's type. */
const ONE_LETTER_TYPES = new Map(['s', 'n', 'b', 'e', 'd'].map((type) => [type.charCodeAt(0), type]));

/** A cell's type (`t`, default 'n'). */
export function cellType(ws: Worksheet, cell: CellSpan): string {
  const { xml } = ws;
  const at = attributeValue(xml, cell.start, cell.openEnd - 1, 116 /* t */, WORD);
  if (at < 0) return 'n';
  const end = attributeEnd(xml, at, cell.openEnd, WORD);
  const length = end - at;
  if (length === 1) {
    const type = ONE_LETTER_TYPES.get(xml.charCodeAt(at));
    if (type) return type;
  } else if (length === 9 && xml.startsWith('inlineStr', at)) return 'inlineStr';
  else if (length === 3 && xml.startsWith('str', at)) return 'str';
  return xml.slice(at, end);
}

/** A cell's style index (`s`), 0 when absent. */
export function cellStyle(ws: Worksheet, cell: CellSpan): number {
  const { xml } = ws;
  const at = attributeValue(xml, cell.start, cell.openEnd - 1, 115 /* s */, DIGITS);
  return at < 0 ? 0 : Number(xml.slice(at, attributeEnd(xml, at, cell.openEnd, DIGITS)));
}

/** A cell's parts, reading only the two attributes needed (a tracker has a million cells). */
export function cellContent(ws: Worksheet, cell: CellSpan): CellContent {
  const { xml } = ws;
  const type = cellType(ws, cell);
  const style = cellStyle(ws, cell);
  if (type === 'inlineStr') {
    const inner = xml.slice(cell.openEnd, cell.contentEnd);
    const is = findChild(inner, 'is');
    return { type, style, inline: is ? richText(inner, is) : '', v: undefined };
  }
  return { type, style, inline: null, v: cellV(xml, cell) };
}

/**
 * The text of an inline-string cell (`t="inlineStr"`), as `cellContent` gives it: the
 * usual `<is><t>text</t></is>` read in place (a tracker refreshed before has a million of
 * them), anything else (rich text, phonetic runs, a prefix) through `cellContent`.
 */
export function inlineText(ws: Worksheet, cell: CellSpan): string {
  const { xml } = ws;
  const { openEnd, contentEnd } = cell;
  if (xml.startsWith('<is><t', openEnd)) {
    let from = openEnd + 6;
    if (xml.startsWith('>', from)) from += 1;
    else if (xml.startsWith(' xml:space="preserve">', from)) from += 22;
    else from = -1;
    if (from > 0) {
      const lt = xml.indexOf('<', from);
      if (lt >= 0 && lt + 9 === contentEnd && xml.startsWith('</t></is>', lt)) {
        return decodeOoxmlText(xml.slice(from, lt));
      }
    }
  }
  return cellContent(ws, cell).inline ?? '';
}

/** The text of a cell's `<v>` (undefined when absent): the usual `<v>123</v>` read in place, anything else by the expression. */
export function cellV(xml: string, cell: CellSpan): string | undefined {
  const { openEnd, contentEnd } = cell;
  if (xml.startsWith('<v>', openEnd)) {
    const lt = xml.indexOf('<', openEnd + 3);
    if (lt >= 0 && lt + 4 <= contentEnd && xml.startsWith('</v>', lt)) return xml.slice(openEnd + 3, lt);
  }
  return VALUE_ELEMENT.exec(xml.slice(openEnd, contentEnd))?.[1];
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
