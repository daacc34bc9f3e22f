import { buildWritePlan } from './build';
import { WritePlanConflict } from './conflicts';
import { buildStatusColumns, FIXED_HEADERS, ruleHeaders } from './statusColumns';
import { layout, r, RULES, rowWith, sampleInput } from './testFixtures';
import type { TrackerColumnsPlan } from './types';

const WIDTH = 4 + 2 * RULES.length; // 16

function plan(overrides: Parameters<typeof layout>[0] = {}): TrackerColumnsPlan {
  return buildWritePlan(sampleInput({ layout: layout(overrides) })).tracker;
}

describe('status column headers', () => {
  it('are the fixed four, then each rule and its due date, in catalogue order', () => {
    const headers = plan().columns.map((column) => column.header);
    expect(headers.slice(0, 6)).toEqual([
      'Flag: overall',
      'Flag: next action',
      'Flag: next action due',
      'Flag: leaving-care status',
      'Flag: Looked-after review',
      'Flag: Looked-after review due',
    ]);
    expect(headers).toHaveLength(WIDTH);
    expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(WIDTH);
    expect(
      plan()
        .columns.map((column) => column.key)
        .slice(0, 6),
    ).toEqual([
      'overall',
      'next-action',
      'next-action-due',
      'leaving-care-status',
      'cla-review',
      'cla-review:due',
    ]);
  });

  it('tell apart two rules with the same label (Table column names must be unique)', () => {
    const headers = ruleHeaders([
      { id: 'a', label: 'Review' },
      { id: 'b', label: 'review' },
    ]);
    expect(headers.get('a')).toEqual({ status: 'Flag: Review (a)', due: 'Flag: Review (a) due' });
    expect(headers.get('b')?.status).toBe('Flag: review (b)');
  });
});

describe('where the block goes', () => {
  it('a fresh tracker: straight after the last used column', () => {
    const tracker = plan({ lastUsedColumn: 9 });
    expect(tracker.firstColumn).toBe(10);
    expect(tracker.clearColumns).toBeNull();
    expect(tracker.table).toBeNull();
    expect(tracker.headerRow).toBe(4);
    expect(tracker.sheetName).toBe('Caseload');
  });

  it('a previous block is reused where it is, even with columns added after the tracker', () => {
    const tracker = plan({
      headers: [...layout().headers, null, null, null, 'Flag: overall'],
      lastUsedColumn: 9 + WIDTH,
      previousBlock: { firstColumn: 10, lastColumn: 9 + WIDTH },
    });
    expect(tracker.firstColumn).toBe(10);
    expect(tracker.clearColumns).toBeNull();
  });

  it('a wider previous block (a rule became inactive): its leftover columns are cleared', () => {
    const tracker = plan({ lastUsedColumn: 30, previousBlock: { firstColumn: 10, lastColumn: 30 } });
    expect(tracker.firstColumn).toBe(10);
    expect(tracker.clearColumns).toEqual({ firstColumn: 10 + WIDTH, lastColumn: 30 });
  });

  it('rows below the last young person that held flags last time are cleared', () => {
    const tracker = plan({
      lastUsedColumn: 9 + WIDTH,
      previousBlock: { firstColumn: 10, lastColumn: 9 + WIDTH, lastRow: 12 },
    });
    expect(tracker.rows).toEqual([5, 6, 7]);
    expect(tracker.clearRows).toEqual({ firstRow: 8, lastRow: 12 });
  });

  it('no rows are cleared when the tracker is as long as before, or longer', () => {
    expect(
      plan({ previousBlock: { firstColumn: 10, lastColumn: 9 + WIDTH, lastRow: 7 } }).clearRows,
    ).toBeNull();
    expect(
      plan({ previousBlock: { firstColumn: 10, lastColumn: 9 + WIDTH, lastRow: 6 } }).clearRows,
    ).toBeNull();
    expect(plan({ previousBlock: { firstColumn: 10, lastColumn: 9 + WIDTH } }).clearRows).toBeNull();
  });

  it('the columns marker spans the block from the header row to the last young person', () => {
    const marker = buildWritePlan(sampleInput({ layout: layout() })).markers.find(
      (m) => m.name === 'CaseloadFlags_Columns',
    );
    expect(marker?.ref).toBe(`$G$4:$${String.fromCharCode(64 + 6 + WIDTH)}$7`);
  });

  it('a narrower previous block grows when nothing is to its right', () => {
    const tracker = plan({ lastUsedColumn: 15, previousBlock: { firstColumn: 10, lastColumn: 15 } });
    expect(tracker.firstColumn).toBe(10);
    expect(tracker.clearColumns).toBeNull();
  });

  it('a Table: the block starts right after the Table and the Table grows over it', () => {
    const tracker = plan({ table: { name: 'Caseload', firstColumn: 1, lastColumn: 6 } });
    expect(tracker.firstColumn).toBe(7);
    expect(tracker.table).toEqual({ name: 'Caseload', newLastColumn: 6 + WIDTH });
  });

  it('a Table with the previous block at its end: the Table ends with the new block (shrinks too)', () => {
    const tracker = plan({
      table: { name: 'T1', firstColumn: 1, lastColumn: 30 },
      lastUsedColumn: 30,
      previousBlock: { firstColumn: 7, lastColumn: 30 },
    });
    expect(tracker.firstColumn).toBe(7);
    expect(tracker.table).toEqual({ name: 'T1', newLastColumn: 6 + WIDTH });
    expect(tracker.clearColumns).toEqual({ firstColumn: 7 + WIDTH, lastColumn: 30 });
  });

  it('a Table with the team’s own columns added after the block keeps its end', () => {
    const tracker = plan({
      table: { name: 'T1', firstColumn: 1, lastColumn: 6 + WIDTH + 2 },
      lastUsedColumn: 6 + WIDTH + 2,
      previousBlock: { firstColumn: 7, lastColumn: 6 + WIDTH },
    });
    expect(tracker.table).toEqual({ name: 'T1', newLastColumn: 6 + WIDTH + 2 });
  });
});

describe('values', () => {
  it('one value per data row: status words, the next action by label, dates as dates', () => {
    const tracker = plan();
    expect(tracker.rows).toEqual([5, 6, 7]);
    const byKey = new Map(tracker.columns.map((column) => [column.key, column]));
    expect(byKey.get('overall')?.values).toEqual([
      { kind: 'text', text: 'Overdue' },
      { kind: 'text', text: 'Action needed' },
      { kind: 'text', text: 'On track' },
    ]);
    expect(byKey.get('next-action')?.values[0]).toEqual({ kind: 'text', text: 'Looked-after review' });
    expect(byKey.get('next-action-due')?.values[0]).toEqual({ kind: 'date', iso: '2026-04-30' });
    expect(byKey.get('leaving-care-status')?.values[1]).toEqual({ kind: 'text', text: 'Eligible' });
    expect(byKey.get('eet')?.values).toEqual([
      { kind: 'text', text: 'Not applicable' },
      { kind: 'text', text: 'Action needed' },
      { kind: 'text', text: 'Not applicable' },
    ]);
    expect(byKey.get('eet:due')?.values).toEqual([null, null, null]);
    expect(byKey.get('cla-review:due')?.values[1]).toEqual({ kind: 'date', iso: '2026-12-01' });
    expect(byKey.get('overall')?.kind).toBe('status');
    expect(byKey.get('cla-review:due')?.kind).toBe('date');
  });

  it('a data row without a result gets blanks; a result for a row not in the layout is ignored', () => {
    const tracker = buildStatusColumns(
      layout({ dataRows: [5, 8] }),
      RULES,
      new Map([
        [5, rowWith(5, { eet: r('Done') })],
        [9, rowWith(9, { eet: r('Overdue', '2026-01-01') })],
      ]),
    );
    expect(tracker.rows).toEqual([5, 8]);
    for (const column of tracker.columns) expect(column.values[1]).toBeNull();
    expect(tracker.columns[0].values[0]).toEqual({ kind: 'text', text: 'Done' });
  });

  it('without data rows: headers only, no conditional formats', () => {
    const tracker = plan({ dataRows: [] });
    expect(tracker.columns.every((column) => column.values.length === 0)).toBe(true);
    expect(tracker.conditionalFormats).toEqual([]);
  });
});

describe('conditional formats', () => {
  it('one per status column, over the data rows, keyed on the status word relative to the top-left cell', () => {
    const tracker = plan({ lastUsedColumn: 25 }); // block from column Z
    expect(tracker.firstColumn).toBe(26);
    expect(tracker.conditionalFormats).toHaveLength(1 + RULES.length);
    const overall = tracker.conditionalFormats[0];
    expect(overall.range).toEqual({ firstRow: 5, lastRow: 7, firstColumn: 26, lastColumn: 26 });
    expect(overall.rules).toEqual([
      { formula: 'OR(Z5="Overdue",Z5="Action needed")', fill: 'F4CCCC' },
      { formula: 'Z5="Due soon"', fill: 'FCE5CD' },
      { formula: 'OR(Z5="On track",Z5="Done")', fill: 'D9EAD3' },
      { formula: 'Z5="Check data"', fill: 'D9D2E9' },
    ]);
    // the first rule's status column is the fifth of the block (AD); its due column is not coloured
    expect(tracker.conditionalFormats[1].range.firstColumn).toBe(30);
    expect(tracker.conditionalFormats[1].rules[0].formula).toBe('OR(AD5="Overdue",AD5="Action needed")');
    const coloured = tracker.conditionalFormats.map((cf) => tracker.columns[cf.range.firstColumn - 26].kind);
    expect(new Set(coloured)).toEqual(new Set(['status']));
  });

  it('cover the first to the last data row when rows are not contiguous', () => {
    const tracker = plan({ dataRows: [5, 9, 12] });
    expect(tracker.conditionalFormats[0].range).toMatchObject({ firstRow: 5, lastRow: 12 });
  });
});

describe('conflicts on the tracker sheet', () => {
  it('something to the right of a Table, with no previous block', () => {
    expect(() => plan({ table: { name: 'T1', firstColumn: 1, lastColumn: 6 }, lastUsedColumn: 8 })).toThrow(
      WritePlanConflict,
    );
    expect(() => plan({ table: { name: 'T1', firstColumn: 1, lastColumn: 6 }, lastUsedColumn: 8 })).toThrow(
      /column H .*to the right of the table/,
    );
  });

  it('a header of the team’s equal to one of the tool’s (ignoring case), outside the previous block', () => {
    expect(() => plan({ headers: ['Name', 'flag: OVERALL'] })).toThrow(
      "Column B of 'Caseload' is headed 'flag: OVERALL', a heading caseload-flags uses for its own columns: " +
        'rename that column and refresh again.',
    );
  });

  it('the same header inside the previous block is the tool’s own', () => {
    const headers: (string | null)[] = [...layout().headers, FIXED_HEADERS.overall];
    expect(() =>
      plan({ headers, lastUsedColumn: 22, previousBlock: { firstColumn: 7, lastColumn: 22 } }),
    ).not.toThrow();
  });

  it('the block must grow but something sits to its right', () => {
    expect(() => plan({ lastUsedColumn: 20, previousBlock: { firstColumn: 7, lastColumn: 12 } })).toThrow(
      /needs 10 more columns after column L .* something to the right of its columns \(up to column T\)/,
    );
  });

  it('no room left on the sheet', () => {
    expect(() => plan({ lastUsedColumn: 16_380 })).toThrow(/no room/);
  });
});
