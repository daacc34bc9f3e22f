import { buildWritePlan } from './build';
import { evaluation, r, rowWith, sampleInput } from './testFixtures';
import type { PlannedCell, SheetPlan } from './types';

function pack(input = sampleInput()): SheetPlan {
  return buildWritePlan(input).sheets.find((sheet) => sheet.key === 'review-pack') as SheetPlan;
}

const plain = (cells: readonly PlannedCell[]) =>
  cells.map((c) =>
    c.value === null
      ? null
      : c.value.kind === 'text'
        ? c.value.text
        : c.value.kind === 'date'
          ? c.value.iso
          : c.value.value,
  );

/** The young people in the pack, in order (their name rows are the 'group' rows). */
function names(sheet: SheetPlan): string[] {
  return sheet.rows.filter((row) => row[0]?.style === 'group').map((row) => plain(row)[0] as string);
}

function packFor(reviews: Record<number, Parameters<typeof rowWith>[1]>, reviewPackDays = 42): SheetPlan {
  const rows = Object.entries(reviews).map(([n, given]) => rowWith(Number(n), given, 'Not yet eligible'));
  const base = sampleInput();
  return pack({
    ...base,
    evaluation: evaluation(rows),
    policy: { ...base.policy, reviewPackDays },
    local: new Map(rows.map((row) => [row.row, { name: `Person ${row.row}` }])),
  });
}

describe('Review pack: who is in it', () => {
  // as of 23/11/2026: 42 days later is 04/01/2027
  it('a review due on the as-of date plus 42 days is in; one day later is out', () => {
    const sheet = packFor({
      5: { 'cla-review': r('On track', '2027-01-04') },
      6: { 'cla-review': r('On track', '2027-01-05') },
      7: { 'pathway-review': r('On track', '2027-01-04') },
      8: { 'pathway-review': r('On track', '2027-01-05') },
    });
    expect(names(sheet)).toEqual(['Person 5', 'Person 7']);
  });

  it('the window follows policy.reviewPackDays', () => {
    const sheet = packFor({ 5: { 'cla-review': r('On track', '2027-01-04') } }, 41);
    expect(names(sheet)).toEqual([]);
  });

  it('overdue reviews are included (they still have to be held), and so is one due today', () => {
    const sheet = packFor({
      5: { 'cla-review': r('Overdue', '2026-04-30') },
      6: { 'cla-review': r('Due soon', '2026-11-23') },
    });
    expect(names(sheet)).toEqual(['Person 5', 'Person 6']);
  });

  it('not a review that does not apply, is done, or has no due date', () => {
    const sheet = packFor({
      5: { 'cla-review': r('Not applicable') },
      6: { 'cla-review': r('Check data', null, 'Last review unreadable') },
      7: { 'pathway-review': r('Done', '2026-12-01') },
      8: { pep: r('Overdue', '2026-10-01') },
    });
    expect(names(sheet)).toEqual([]);
    expect(plain(sheet.rows[4])[0]).toBe('No looked-after or pathway plan review is due by 04/01/2027.');
  });

  it('sorted by the soonest review, then name', () => {
    const sheet = packFor({
      5: { 'cla-review': r('On track', '2027-01-02') },
      6: { 'cla-review': r('Due soon', '2026-12-01'), 'pathway-review': r('On track', '2027-01-01') },
      7: { 'pathway-review': r('Overdue', '2026-11-01') },
    });
    expect(names(sheet)).toEqual(['Person 7', 'Person 6', 'Person 5']);
  });

  it('says so when the tracker tracks neither review', () => {
    const sheet = pack(sampleInput({ rules: [{ id: 'pep', label: 'PEP' }] }));
    expect(plain(sheet.rows[4])[0]).toMatch(/no column for looked-after reviews or pathway plan reviews/);
  });
});

describe('Review pack: each block', () => {
  it('names the young person, their worker, and lists the review and what is outstanding, worst first', () => {
    const sheet = pack();
    expect(sheet.name).toBe('Review pack');
    expect(names(sheet)).toEqual(['Ava Brown', 'Ben Cole']);
    const rows = sheet.rows.map(plain);
    const ben = rows.findIndex((row) => row[0] === 'Ben Cole');
    expect(rows.slice(ben, ben + 9)).toEqual([
      ['Ben Cole'],
      ['Child ID', 'C101', 'Age', '16y 6m'],
      ['Social worker', 'Ali Khan', 'Leaving-care status', 'Eligible'],
      ['Personal adviser', 'Pat Lee', 'Tracker row', 6],
      ['Review', 'Status', 'Due', 'Why'],
      ['Looked-after review', 'Due soon', '2026-12-01', 'Due soon because of the test'],
      ['Outstanding before the review', 'Status', 'Due', 'Why'],
      ['Education, employment or training', 'Action needed', null, 'NEET'],
      [
        'Leaving care documents',
        'Check data',
        '2028-05-04',
        'Documents due by the 18th birthday; missing: NI number, Photo ID',
      ],
    ]);
    // On track and Done items are not outstanding
    expect(rows.slice(ben).some((row) => row[1] === 'On track' || row[1] === 'Done')).toBe(false);
  });

  it('both reviews in the window: both listed at the top, neither repeated as outstanding', () => {
    const sheet = packFor({
      5: {
        'cla-review': r('Due soon', '2026-12-01'),
        'pathway-review': r('Overdue', '2026-11-01'),
        eet: r('Check data'),
      },
    });
    const rows = sheet.rows.map(plain);
    const start = rows.findIndex((row) => row[0] === 'Review');
    expect(rows.slice(start + 1, start + 3).map((row) => row[0])).toEqual([
      'Looked-after review',
      'Pathway plan review',
    ]);
    expect(rows.slice(start + 4).map((row) => row[0])).toEqual(['Education, employment or training']);
  });

  it('says when nothing else is outstanding', () => {
    const sheet = packFor({
      5: { 'cla-review': r('Due soon', '2026-12-01'), pep: r('On track', '2027-03-01') },
    });
    expect(sheet.rows.map(plain).map((row) => row[0])).toContain('Nothing else outstanding.');
  });

  it('one printable block per young person: a page break after each block but the last', () => {
    const sheet = packFor({
      5: { 'cla-review': r('Due soon', '2026-12-01') },
      6: { 'cla-review': r('Due soon', '2026-12-02') },
      7: { 'cla-review': r('Due soon', '2026-12-03') },
    });
    const starts = sheet.rows.flatMap((row, i) => (row[0]?.style === 'group' ? [i + 1] : []));
    expect(sheet.print.breaksAfterRows).toEqual([starts[1] - 1, starts[2] - 1]);
    expect(sheet.print.fitToWidth).toBe(true);
    // every break is right before the next young person's name
    for (const after of sheet.print.breaksAfterRows) expect(sheet.rows[after][0].style).toBe('group');
  });

  it('colours the status column of the blocks', () => {
    const sheet = pack();
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.conditionalFormats[0].range).toEqual({
      firstRow: 5,
      lastRow: sheet.rows.length,
      firstColumn: 2,
      lastColumn: 2,
    });
    expect(sheet.conditionalFormats[0].rules[3]).toEqual({ formula: 'B5="Check data"', fill: 'D9D2E9' });
  });
});
