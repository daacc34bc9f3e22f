import { buildWritePlan } from './build';
import { linesFor, tallRows } from './rowHeights';
import { sampleInput } from './testFixtures';
import type { PlannedCell, SheetPlan } from './types';
import { textCell } from './values';

describe('linesFor: wrapping at spaces in a column so many characters wide', () => {
  it.each([
    ['Overdue', 12, 1],
    ['Action needed', 8, 2],
    ['Action needed', 16, 1],
    ['Flags by worker (all rules, whole tracker)', 30, 2],
    ['', 10, 1],
    // a word longer than the line breaks across lines
    ['Supercalifragilistic', 10, 3],
    ['one\ntwo', 30, 2],
  ])('%j in %d characters: %d line(s)', (text, width, lines) => {
    expect(linesFor(text, width)).toBe(lines);
  });

  it('never gives fewer lines for a narrower column', () => {
    const text = 'Review due 6 months after the last pathway plan review on 01/05/2026: due 01/11/2026';
    for (let width = 5; width < 100; width++)
      expect(linesFor(text, width)).toBeGreaterThanOrEqual(linesFor(text, width + 1));
  });
});

describe('tallRows', () => {
  const sheet = (rows: PlannedCell[][], merges: SheetPlan['merges'] = []) => ({
    rows,
    columnWidths: [30, 8, 12],
    merges,
  });

  it('lists the rows whose wrapping text needs more than one line, with the most any cell needs', () => {
    const rows = [
      [
        textCell('Pathway items by status', 'header'),
        textCell('Overdue', 'header'),
        textCell('Action needed', 'header'),
      ],
      [textCell('Anna', 'bold'), textCell('A long bold name that does not wrap', 'bold')],
      [textCell('Why', 'header'), textCell('Action needed', 'header')],
    ];
    expect(tallRows(sheet(rows))).toEqual([
      { row: 1, lines: 2 },
      { row: 3, lines: 2 },
    ]);
  });

  it('counts a merged cell across the width of all its columns', () => {
    const rows = [[textCell('x'), textCell('Action needed, and more words here', 'wrap')]];
    expect(tallRows(sheet(rows))).toEqual([{ row: 1, lines: 6 }]);
    expect(tallRows(sheet(rows, [{ firstRow: 1, lastRow: 1, firstColumn: 2, lastColumn: 3 }]))).toEqual([
      { row: 1, lines: 2 },
    ]);
  });

  it('stops at 8 lines: the rest can be read in the cell', () => {
    const rows = [[textCell('word '.repeat(200), 'wrap')]];
    expect(tallRows(sheet(rows))).toEqual([{ row: 1, lines: 8 }]);
  });

  it('gives the summary sheet’s count tables room for their two-line headings', () => {
    const summary = buildWritePlan(sampleInput()).sheets.find((s) => s.key === 'summary') as SheetPlan;
    const headingRows = summary.rows
      .map((cells, i) => ({ row: i + 1, first: cells[0]?.value }))
      .filter(({ first }) => first?.kind === 'text' && /by status|by worker/.test(first.text))
      .map(({ row }) => row);
    expect(headingRows).toHaveLength(2);
    for (const row of headingRows) expect(summary.tallRows).toContainEqual({ row, lines: 2 });
  });
});
