/**
 * Rows whose wrapped text needs more than one line. Spreadsheets do not agree on growing a
 * row to fit wrapped text when they open a file (LibreOffice leaves the row one line high
 * and the text runs over the next row), so the plan says how many lines each row needs and
 * the adapters set the height.
 */
import type { CellRange, CellStyle, SheetPlan, TallRow } from './types';

/** The looks whose text wraps (see the adapters' style tables). */
const WRAPPING: ReadonlySet<CellStyle | undefined> = new Set<CellStyle | undefined>([
  'header',
  'wrap',
  'note',
]);

/** More lines than this are not worth a taller row: the rest stays readable in the cell. */
const MOST_LINES = 8;

/** Bold headers and font metrics vary: count on a little less than the column's width in characters. */
const USABLE_WIDTH = 0.9;

/** The rows of a tool sheet that need more than one line, with the lines each needs. */
export function tallRows(sheet: Pick<SheetPlan, 'rows' | 'columnWidths' | 'merges'>): TallRow[] {
  const mergedWidth = widthsOfMerges(sheet.merges, sheet.columnWidths);
  const tall: TallRow[] = [];
  sheet.rows.forEach((cells, r) => {
    let lines = 1;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === undefined || cell.value?.kind !== 'text' || !WRAPPING.has(cell.style)) continue;
      const key = `${r + 1}:${c + 1}`;
      if (mergedWidth.covered.has(key)) continue;
      const width = mergedWidth.byTopLeft.get(key) ?? sheet.columnWidths[c] ?? DEFAULT_WIDTH;
      lines = Math.max(lines, linesFor(cell.value.text, width));
    }
    if (lines > 1) tall.push({ row: r + 1, lines: Math.min(lines, MOST_LINES) });
  });
  return tall;
}

const DEFAULT_WIDTH = 8.43;

/** How many lines `text` takes in a column `width` characters wide, wrapped at spaces. */
export function linesFor(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width * USABLE_WIDTH));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      if (used === 0) {
        // a word longer than the line breaks across lines
        lines += Math.floor((word.length - 1) / room);
        used = ((word.length - 1) % room) + 1;
      } else if (used + 1 + word.length <= room) {
        used += 1 + word.length;
      } else {
        lines += 1 + Math.floor((word.length - 1) / room);
        used = ((word.length - 1) % room) + 1;
      }
    }
  }
  return lines;
}

/** Merged cells wrap across all their columns; the other cells of a merge hold nothing. */
function widthsOfMerges(merges: readonly CellRange[], widths: readonly number[]) {
  const byTopLeft = new Map<string, number>();
  const covered = new Set<string>();
  for (const merge of merges) {
    let width = 0;
    for (let c = merge.firstColumn; c <= merge.lastColumn; c++) width += widths[c - 1] ?? DEFAULT_WIDTH;
    byTopLeft.set(`${merge.firstRow}:${merge.firstColumn}`, width);
    // a merge over several rows already has their height
    if (merge.lastRow > merge.firstRow) covered.add(`${merge.firstRow}:${merge.firstColumn}`);
  }
  return { byTopLeft, covered };
}
