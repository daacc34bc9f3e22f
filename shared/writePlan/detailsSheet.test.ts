import { buildWritePlan } from './build';
import { evaluation, r, rowWith, sampleInput } from './testFixtures';
import type { PlannedCell, SheetPlan } from './types';

function details(input = sampleInput()): SheetPlan {
  return buildWritePlan(input).sheets.find((sheet) => sheet.key === 'details') as SheetPlan;
}

const text = (cells: readonly PlannedCell[]) =>
  cells.map((c) =>
    c.value === null
      ? null
      : c.value.kind === 'text'
        ? c.value.text
        : c.value.kind === 'date'
          ? c.value.iso
          : c.value.value,
  );

describe('Flag details sheet', () => {
  it('has one row per flag (a rule that needs attention), worst first then earliest due', () => {
    const sheet = details();
    expect(sheet.name).toBe('Flag details');
    expect(text(sheet.rows[0])).toEqual([
      'Young person',
      'Child ID',
      'Social worker',
      'Tracker row',
      'Flag',
      'Status',
      'Due',
      'Why',
    ]);
    const lines = sheet.rows.slice(1).map(text);
    expect(lines.map((line) => [line[0], line[4], line[5], line[6]])).toEqual([
      ['Ava Brown', 'Looked-after review', 'Overdue', '2026-04-30'],
      ['Ben Cole', 'Education, employment or training', 'Action needed', null],
      ['Ben Cole', 'Leaving care documents', 'Check data', '2028-05-04'],
      ['Ben Cole', 'Looked-after review', 'Due soon', '2026-12-01'],
      ['Ava Brown', 'PEP', 'Due soon', '2026-12-10'],
    ]);
    // On track, Done and Not applicable are not flags: the status columns show them
    expect(lines.some((line) => ['On track', 'Done', 'Not applicable'].includes(String(line[5])))).toBe(
      false,
    );
    expect(lines[0]).toEqual([
      'Ava Brown',
      'C100',
      'Sam Patel',
      5,
      'Looked-after review',
      'Overdue',
      '2026-04-30',
      'Second review due 3 months after first review',
    ]);
    expect(sheet.rows[1][6]).toEqual({ value: { kind: 'date', iso: '2026-04-30' } });
    expect(sheet.rows[1][7].style).toBe('wrap');
  });

  it('is filterable, with the header frozen and repeated on printed pages, and status colours', () => {
    const sheet = details();
    expect(sheet.freezeRows).toBe(1);
    expect(sheet.autoFilter).toEqual({ firstRow: 1, lastRow: 6, firstColumn: 1, lastColumn: 8 });
    expect(sheet.print).toEqual({
      landscape: true,
      fitToWidth: true,
      repeatRows: { first: 1, last: 1 },
      breaksAfterRows: [],
    });
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.conditionalFormats[0].range).toEqual({
      firstRow: 2,
      lastRow: 6,
      firstColumn: 6,
      lastColumn: 6,
    });
    expect(sheet.conditionalFormats[0].rules[0].formula).toBe('OR(F2="Overdue",F2="Action needed")');
    expect(sheet.columnWidths).toHaveLength(8);
  });

  it('shows a Team column only when the tracker records teams', () => {
    const input = sampleInput();
    const local = new Map(input.local);
    local.set(5, { ...local.get(5), team: 'North' });
    const sheet = details({ ...input, local });
    expect(text(sheet.rows[0])).toContain('Team');
    expect(sheet.conditionalFormats[0].range.firstColumn).toBe(7);
    expect(text(sheet.rows[1])[3]).toBe('North');
  });

  it('names a young person without a name by their row, and leaves a missing worker blank', () => {
    const input = sampleInput({ local: new Map() });
    const lines = details(input).rows.slice(1).map(text);
    expect(lines[0].slice(0, 4)).toEqual(['Row 5', null, null, 5]);
  });

  it('with nothing to show: the header row alone, still filterable', () => {
    const input = sampleInput({ evaluation: evaluation([rowWith(5, {}), rowWith(6, {}), rowWith(7, {})]) });
    const sheet = details(input);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.autoFilter).toEqual({ firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 8 });
    expect(sheet.conditionalFormats).toEqual([]);
  });

  it('ties on status and due date are broken by name, then row, then catalogue order', () => {
    const same = r('Overdue', '2026-01-01');
    const input = sampleInput({
      evaluation: evaluation([rowWith(5, { eet: same, pep: same }), rowWith(6, { 'cla-review': same })]),
    });
    const local = new Map([
      [5, { name: 'Zed' }],
      [6, { name: 'amy' }],
    ]);
    const lines = details({ ...input, local })
      .rows.slice(1)
      .map(text);
    expect(lines.map((line) => [line[0], line[4]])).toEqual([
      ['amy', 'Looked-after review'],
      ['Zed', 'PEP'],
      ['Zed', 'Education, employment or training'],
    ]);
  });
});
