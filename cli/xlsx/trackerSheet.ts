/**
 * The tracker sheet, edited in place: the tool's block of status columns is written (its
 * cells replaced, the columns it no longer uses cleared), its column widths and its
 * conditional formats set. Every other cell, row and section is copied as it was; the
 * rows are walked with `indexOf` and only rows in the tracker's span are looked into.
 */
import { cellRef, columnLetters, parseRangeRef } from '../../shared/writePlan/a1';
import type { CellRange, TrackerColumnsPlan } from '../../shared/writePlan/types';
import type { DeflatedPart } from './deflated';
import { CellWriter, sharedStringCell, type CellStyles } from './cells';
import { AFTER_CONDITIONAL_FORMATTING, conditionalFormatXml } from './conditionalFormats';
import { WorkbookProblem } from './problems';
import { intersects } from './readLayout';
import {
  cellHasContent,
  cellStyleIndex,
  rowsOf,
  lastCell,
  rowCells,
  section,
  type CellSpan,
  type Worksheet,
} from './sheetXml';
import type { StyleBook } from './styles';
import {
  attr,
  children,
  setAttr,
  spliceToBytes,
  tagText,
  type ChunkWriter,
  type EditText,
  type Element,
} from './xml';

export interface ColumnSpan {
  readonly firstColumn: number;
  readonly lastColumn: number;
}

export interface TrackerEdit {
  readonly plan: TrackerColumnsPlan;
  /** columns the tool owned before this refresh (its previous block, the columns to clear) */
  readonly ownedBefore: readonly ColumnSpan[];
  readonly styles: StyleBook;
  /** shared string index of each planned column's header */
  readonly headerStrings: readonly number[];
}

interface Edit {
  start: number;
  end: number;
  text: EditText;
}

export function editTrackerSheet(ws: Worksheet, sheetName: string, edit: TrackerEdit): DeflatedPart {
  const { plan } = edit;
  const block: ColumnSpan = {
    firstColumn: plan.firstColumn,
    lastColumn: plan.firstColumn + plan.columns.length - 1,
  };
  // down to the last row the tool wrote to before, when young people were removed from the bottom
  const lastRow = Math.max(
    plan.rows.reduce((m, r) => Math.max(m, r), plan.headerRow),
    plan.clearRows?.lastRow ?? 0,
  );
  const cleared: ColumnSpan[] = [block, ...(plan.clearColumns ? [plan.clearColumns] : [])];
  checkNoMergesInBlock(ws, sheetName, cleared, plan.headerRow, lastRow);

  const edits: Edit[] = [];
  edits.push(sheetDataEdit(ws, sheetName, edit, block, cleared, lastRow));
  const dimension = dimensionEdit(ws, block, plan.headerRow, lastRow);
  if (dimension) edits.push(dimension);
  edits.push(
    ...colsEdits(
      ws,
      block,
      plan.columns.map((c) => c.width),
    ),
  );
  edits.push(...conditionalFormatEdits(ws, edit, plan.headerRow));
  return spliceToBytes(ws.xml, edits);
}

function checkNoMergesInBlock(
  ws: Worksheet,
  sheetName: string,
  spans: readonly ColumnSpan[],
  firstRow: number,
  lastRow: number,
): void {
  const merges = section(ws, 'mergeCells');
  if (!merges) return;
  for (const el of children(ws.xml, merges)) {
    const ref = attr(tagText(ws.xml, el), 'ref');
    if (!ref) continue;
    const range = parseRangeRef(ref);
    if (spans.some((s) => intersects(range, { firstRow, lastRow, ...s }))) {
      throw new WorkbookProblem(
        'merged-cells',
        `The sheet '${sheetName}' has merged cells (${ref}) where the flag columns go. Unmerge them and try again.`,
      );
    }
  }
}

function inSpans(column: number, spans: readonly ColumnSpan[]): boolean {
  for (const s of spans) if (column >= s.firstColumn && column <= s.lastColumn) return true;
  return false;
}

/** The new <sheetData> content: rows in the tracker's span rebuilt, all other rows copied. */
function sheetDataEdit(
  ws: Worksheet,
  sheetName: string,
  edit: TrackerEdit,
  block: ColumnSpan,
  cleared: readonly ColumnSpan[],
  lastRow: number,
): Edit {
  const { xml, p, sheetData } = ws;
  const { plan, styles } = edit;
  const dataIndex = new Map<number, number>();
  plan.rows.forEach((row, i) => dataIndex.set(row, i));
  const needed = [...new Set([plan.headerRow, ...plan.rows])].sort((a, b) => a - b);
  const cellStyles: CellStyles = { plain: 0, date: styles.cellStyle(undefined, true) };
  const cells = new CellWriter(p);
  const columns = plan.columns;
  let headerStyle = -1;

  /** How many cells the tool writes in this row (the header row: one per column). */
  const ourCount = (row: number): number => {
    if (row === plan.headerRow) return columns.length;
    const i = dataIndex.get(row);
    if (i === undefined) return 0;
    let count = 0;
    for (const column of columns) if (cells.writes(column.values[i] ?? null, cellStyles)) count++;
    return count;
  };

  const writeOurCells = (out: ChunkWriter, row: number, existing: readonly CellSpan[]): void => {
    if (row === plan.headerRow) {
      if (headerStyle < 0) {
        // the tool's headers look like the tracker's own: the style of the header cell to their left
        const left = existing.filter((c) => c.column < block.firstColumn).pop();
        headerStyle = left ? cellStyleIndex(ws, left) : styles.cellStyle('header', false);
      }
      columns.forEach((_c, j) =>
        out.write(sharedStringCell(p, row, block.firstColumn + j, edit.headerStrings[j], headerStyle)),
      );
      return;
    }
    const i = dataIndex.get(row);
    if (i === undefined) return;
    for (let j = 0; j < columns.length; j++)
      cells.write(out, row, block.firstColumn + j, columns[j].values[i] ?? null, cellStyles);
  };

  /** A row in the tracker's span rebuilt: the team's cells kept, the tool's cells (re)written. */
  const writeRow = (
    out: ChunkWriter,
    row: number,
    open: string | null,
    existing: readonly CellSpan[],
  ): void => {
    const kept = existing.filter((c) => !inSpans(c.column, cleared));
    for (const c of existing) {
      // a cell the tool did not write is the team's: never overwrite it
      if (inSpans(c.column, cleared) && !inSpans(c.column, edit.ownedBefore) && cellHasContent(ws, c)) {
        throw new WorkbookProblem(
          'name-taken',
          `Cell ${cellRef(row, c.column)} on '${sheetName}' holds the team's own data where the flag columns would go, ` +
            'so nothing was written. Move that data, or remove the columns to the right of the tracker, and try again.',
        );
      }
    }
    const ours = ourCount(row);
    if (kept.length === 0 && ours === 0 && open === null) return;
    let tag = open ?? `<${p}row r="${row}">`;
    tag = tag.replace(/\s*\/>$/, '>');
    const spans = attr(tag, 'spans');
    if (spans && kept.length + ours > 0) {
      const cols = [
        ...kept.map((c) => c.column),
        ...(ours ? [block.firstColumn, block.firstColumn + columns.length - 1] : []),
      ];
      const [lo, hi] = spans.split(':').map(Number);
      const next = `${Math.min(lo || 1, ...cols)}:${Math.max(hi || 1, ...cols)}`;
      if (next !== spans) tag = setAttr(tag, 'spans', next);
    }
    out.write(tag);
    let k = 0;
    const ourColumns = ours ? block.firstColumn : Number.MAX_SAFE_INTEGER;
    while (k < kept.length && kept[k].column < ourColumns) k++;
    writeKept(out, row, kept, 0, k);
    if (ours) writeOurCells(out, row, existing);
    writeKept(out, row, kept, k, kept.length);
    out.write(`</${p}row>`);
  };

  /** Kept cells `from` to `to` (exclusive) as they were: cells side by side in the part go as one piece. */
  const writeKept = (
    out: ChunkWriter,
    row: number,
    kept: readonly CellSpan[],
    from: number,
    to: number,
  ): void => {
    for (let i = from; i < to;) {
      if (!kept[i].hasRef) {
        out.write(cellXml(ws, kept[i], row));
        i++;
        continue;
      }
      let j = i + 1;
      while (j < to && kept[j].hasRef && kept[j].start === kept[j - 1].end) j++;
      out.write(xml.slice(kept[i].start, kept[j - 1].end));
      i = j;
    }
  };

  const leftmost = cleared.reduce((m, s) => Math.min(m, s.firstColumn), block.firstColumn);
  const lastBlockColumn = block.firstColumn + columns.length - 1;
  const widenSpans = (open: string, lastColumn: number): string => {
    const spans = spansOf(open);
    if (!spans) return open;
    const next = `${Math.min(spans.lo || 1, block.firstColumn)}:${Math.max(spans.hi || 1, lastColumn, lastBlockColumn)}`;
    if (next === spans.text) return open;
    return spans.at >= 0
      ? open.slice(0, spans.at) + next + open.slice(spans.at + spans.text.length)
      : setAttr(open, 'spans', next);
  };

  // the new rows are written as they are made, never held all at once
  const writeRows = (out: ChunkWriter): void => {
    let pos = sheetData.contentStart;
    let k = 0;
    for (const row of rowsOf(ws)) {
      while (k < needed.length && needed[k] < row.row) {
        out.write(xml.slice(pos, row.start));
        pos = row.start;
        writeRow(out, needed[k++], null, []);
      }
      if (k < needed.length && needed[k] === row.row) k++;
      if (row.row < plan.headerRow || row.row > lastRow) continue;
      if (row.row !== plan.headerRow && dataIndex.has(row.row)) {
        const last = lastCell(ws, row);
        if (last && last.column < leftmost && last.end === row.contentEnd) {
          // nothing at or right of the tool's columns: its cells go at the end of the row
          out.write(xml.slice(pos, row.start));
          out.write(widenSpans(xml.slice(row.start, row.openEnd), last.column));
          out.write(xml.slice(row.openEnd, row.contentEnd));
          writeOurCells(out, row.row, []);
          out.write(xml.slice(row.contentEnd, row.end));
          pos = row.end;
          continue;
        }
      }
      const existing = rowCells(ws, row);
      const touches = existing.some((c) => inSpans(c.column, cleared));
      if (!touches && row.row !== plan.headerRow && !dataIndex.has(row.row)) continue;
      out.write(xml.slice(pos, row.start));
      writeRow(out, row.row, xml.slice(row.start, row.openEnd), existing);
      pos = row.end;
    }
    out.write(xml.slice(pos, sheetData.contentEnd));
    while (k < needed.length) writeRow(out, needed[k++], null, []);
  };
  if (sheetData.tag.kind === 'empty') {
    const open = tagText(xml, sheetData).replace(/\s*\/>$/, '>');
    const close = `</${sheetData.tag.name}>`;
    return {
      start: sheetData.tag.start,
      end: sheetData.end,
      text: (out) => {
        out.write(open);
        writeRows(out);
        out.write(close);
      },
    };
  }
  return { start: sheetData.contentStart, end: sheetData.contentEnd, text: writeRows };
}

/**
 * The `spans` attribute of a row's open tag, read without a regular expression for the
 * usual ` spans="1:42"` (`at` is where its value starts; -1 when written otherwise).
 */
function spansOf(open: string): { text: string; lo: number; hi: number; at: number } | null {
  const found = open.indexOf(' spans="');
  let text: string | null;
  let at = -1;
  if (found >= 0 && open.lastIndexOf('spans', found - 1) < 0) {
    at = found + 8;
    const end = open.indexOf('"', at);
    text = end < 0 ? null : open.slice(at, end);
    if (text !== null && text.includes('&')) {
      text = attr(open, 'spans');
      at = -1;
    }
  } else {
    text = attr(open, 'spans');
  }
  if (!text) return null;
  const [lo, hi] = text.split(':').map(Number);
  return { text, lo, hi, at };
}

/** A kept cell as it was; one without its `r` gets it, since cells now follow other cells. */
function cellXml(ws: Worksheet, cell: CellSpan, row: number): string {
  const text = ws.xml.slice(cell.start, cell.end);
  if (cell.hasRef) return text;
  return text.replace(/^<([^\s/>]+)/, `<$1 r="${cellRef(row, cell.column)}"`);
}

function dimensionEdit(ws: Worksheet, block: ColumnSpan, headerRow: number, lastRow: number): Edit | null {
  const el = section(ws, 'dimension');
  if (!el) return null;
  const tag = tagText(ws.xml, el);
  const ref = attr(tag, 'ref');
  if (!ref) return null;
  let range: CellRange;
  try {
    range = parseRangeRef(ref);
  } catch {
    return null;
  }
  const next: CellRange = {
    firstRow: Math.min(range.firstRow, headerRow),
    lastRow: Math.max(range.lastRow, lastRow),
    firstColumn: Math.min(range.firstColumn, block.firstColumn),
    lastColumn: Math.max(range.lastColumn, block.lastColumn),
  };
  const text = `${cellRef(next.firstRow, next.firstColumn)}:${cellRef(next.lastRow, next.lastColumn)}`;
  if (text === ref) return null;
  return { start: el.tag.start, end: el.tag.end, text: setAttr(tag, 'ref', text) };
}

/**
 * Column widths of the block: `<col>` ranges that overlap it are split around it (the
 * parts outside keep every attribute), and one `<col>` per tool column is added.
 */
function colsEdits(ws: Worksheet, block: ColumnSpan, widths: readonly number[]): Edit[] {
  const { xml, p } = ws;
  const ours = widths.map((w, j) => {
    const c = block.firstColumn + j;
    return { min: c, text: `<${p}col min="${c}" max="${c}" width="${w}" customWidth="1"/>` };
  });
  const cols = section(ws, 'cols');
  if (!cols) {
    if (ours.length === 0) return [];
    const before = section(ws, 'sheetData') as Element;
    return [
      {
        start: before.tag.start,
        end: before.tag.start,
        text: `<${p}cols>${ours.map((o) => o.text).join('')}</${p}cols>`,
      },
    ];
  }
  const entries: { min: number; text: string }[] = [];
  for (const el of children(xml, cols)) {
    const tag = xml.slice(el.tag.start, el.end);
    const min = Number(attr(tag, 'min'));
    const max = Number(attr(tag, 'max'));
    if (max < block.firstColumn || min > block.lastColumn) {
      entries.push({ min, text: tag });
      continue;
    }
    if (min < block.firstColumn)
      entries.push({ min, text: setAttr(tag, 'max', String(block.firstColumn - 1)) });
    if (max > block.lastColumn)
      entries.push({ min: block.lastColumn + 1, text: setAttr(tag, 'min', String(block.lastColumn + 1)) });
  }
  entries.push(...ours);
  entries.sort((a, b) => a.min - b.min);
  const text = entries.map((e) => e.text).join('');
  if (text === xml.slice(cols.contentStart, cols.contentEnd)) return [];
  return [{ start: cols.contentStart, end: cols.contentEnd, text }];
}

/**
 * The tool's conditional formats: the ones it wrote before (wholly inside the columns it
 * owned) are removed, the planned ones added after the user's own, with priorities after
 * theirs.
 */
function conditionalFormatEdits(ws: Worksheet, edit: TrackerEdit, headerRow: number): Edit[] {
  const { xml, p } = ws;
  const edits: Edit[] = [];
  const formats = ws.sections.filter((s) => s.tag.local === 'conditionalFormatting');
  const removed = new Set<Element>();
  for (const el of formats) {
    const sqref = attr(tagText(xml, el), 'sqref');
    if (!sqref || edit.ownedBefore.length === 0) continue;
    let ranges: CellRange[];
    try {
      ranges = sqref.trim().split(/\s+/).map(parseRangeRef);
    } catch {
      continue;
    }
    const ours = ranges.every(
      (r) =>
        r.firstRow >= headerRow &&
        edit.ownedBefore.some((s) => r.firstColumn >= s.firstColumn && r.lastColumn <= s.lastColumn),
    );
    if (ours) {
      removed.add(el);
      edits.push({ start: el.tag.start, end: el.end, text: '' });
    }
  }
  let maxPriority = 0;
  for (const el of ws.sections) {
    if (el.tag.local === 'sheetData' || removed.has(el)) continue;
    const re = /<(?:\w+:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)["']/g;
    const body = xml.slice(el.tag.start, el.end);
    for (let m = re.exec(body); m; m = re.exec(body)) maxPriority = Math.max(maxPriority, Number(m[1]));
  }
  const added = conditionalFormatXml(p, edit.plan.conditionalFormats, edit.styles, maxPriority + 1);
  if (added) {
    const kept = formats.filter((f) => !removed.has(f));
    const after = kept.length ? kept[kept.length - 1].end : null;
    const next = ws.sections.find((s) => AFTER_CONDITIONAL_FORMATTING.includes(s.tag.local));
    const at = after ?? (next ? next.tag.start : ws.root.contentEnd);
    // the removed blocks may sit right where the new ones go: put the new text after them
    edits.push({ start: at, end: at, text: added });
  }
  return edits;
}

export { columnLetters };
