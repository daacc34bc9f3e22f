import { evaluate } from '../engine';
import { buildWritePlan } from './build';
import { inPathwayCohort, missingDocuments } from './summarySheet';
import { day, evaluation, facts, r, rowWith, sampleInput } from './testFixtures';
import type { PlannedCell, SheetPlan } from './types';

function summary(input = sampleInput()): SheetPlan {
  return buildWritePlan(input).sheets.find((sheet) => sheet.key === 'summary') as SheetPlan;
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

/** The row (1-based) whose first cell is `text`. */
function rowStarting(sheet: SheetPlan, text: string): number {
  const index = sheet.rows.findIndex((row) => plain(row)[0] === text);
  if (index < 0) throw new Error(`no row starting '${text}'`);
  return index + 1;
}

describe('Pathway plan summary: header block', () => {
  it('says the as-of date, rules version, where it was computed and what is not tracked', () => {
    const input = sampleInput({
      evaluation: evaluation(sampleInput().evaluation.rows, [
        { id: 'pa-contact', reason: 'no column for lastPaContactDate' },
      ]),
    });
    const sheet = summary(input);
    expect(sheet.name).toBe('Pathway plan summary');
    expect(plain(sheet.rows[0])).toEqual(['Pathway plan summary']);
    expect(sheet.rows[0][0].style).toBe('title');
    expect(sheet.merges).toContainEqual({
      firstRow: 1,
      lastRow: 1,
      firstColumn: 1,
      lastColumn: sheet.columnWidths.length,
    });
    expect(plain(sheet.rows[rowStarting(sheet, 'As-of date') - 1])).toEqual(['As-of date', '2026-11-23']);
    expect(plain(sheet.rows[rowStarting(sheet, 'Rules version') - 1])[1]).toBe(
      '2026.11.0 (Default policy (RULES.md))',
    );
    expect(plain(sheet.rows[rowStarting(sheet, 'Computed by') - 1])[1]).toBe(
      'this computer (built-in rules)',
    );
    expect(plain(sheet.rows[rowStarting(sheet, 'Not tracked') - 1])[1]).toBe(
      'Personal adviser contact (no column for lastPaContactDate)',
    );
  });

  it('counts the pathway items of the young people listed, by status', () => {
    const sheet = summary();
    const header = rowStarting(sheet, 'Pathway items by status');
    expect(plain(sheet.rows[header - 1])).toEqual([
      'Pathway items by status',
      'Overdue',
      'Action needed',
      'Check data',
      'Due soon',
      'On track',
      'Done',
    ]);
    // Ben: pathway-plan Done, pathway-review On track, documents Check data, eet Action needed; Ava: all Not applicable
    expect(plain(sheet.rows[header])).toEqual(['2 young people listed below', 0, 1, 1, 0, 1, 1]);
    expect(sheet.conditionalFormats).toContainEqual(
      expect.objectContaining({
        range: { firstRow: header, lastRow: header, firstColumn: 2, lastColumn: 7 },
      }),
    );
  });

  it('has a per-worker count table for managers over every flag of the whole tracker', () => {
    const sheet = summary();
    const header = rowStarting(sheet, 'Flags by worker (all rules, whole tracker)');
    expect(plain(sheet.rows[header - 1]).slice(1)).toEqual([
      // the order of RULES.md section 2, as in the table of pathway items above it
      'Overdue',
      'Action needed',
      'Check data',
      'Due soon',
      'Young people',
    ]);
    expect(plain(sheet.rows[header])).toEqual(['Ali Khan', 0, 1, 1, 1, 1]);
    // Sam Patel: Ava (cla-review Overdue, pep Due soon) and Cara (On track only)
    expect(plain(sheet.rows[header + 1])).toEqual(['Sam Patel', 1, 0, 0, 1, 2]);
    expect(plain(sheet.rows[header + 2])).toEqual(['Total', 1, 1, 1, 2, 3]);
  });
});

describe('Pathway plan summary: the list', () => {
  it('groups the cohort by worker (alphabetical), with a group row per worker, and repeats its headings on every page', () => {
    const sheet = summary();
    const headings = rowStarting(sheet, 'Young person');
    expect(sheet.print).toEqual({
      landscape: true,
      fitToWidth: true,
      repeatRows: { first: headings, last: headings },
      breaksAfterRows: [],
    });
    expect(plain(sheet.rows[headings - 1])).toEqual([
      'Young person',
      'Child ID',
      'Age',
      'NC year',
      'Leaving-care status',
      'Personal adviser',
      'Foster placement funded until',
      'Pathway plan',
      'Pathway plan due',
      'Pathway plan review',
      'Pathway plan review due',
      'Leaving care documents',
      'Leaving care documents due',
      'Documents missing',
      'Education, employment or training',
      'Education, employment or training due',
    ]);
    const list = sheet.rows.slice(headings).map(plain);
    expect(list.map((row) => row[0])).toEqual(['Ali Khan (1)', 'Ben Cole', 'Sam Patel (1)', 'Ava Brown']);
    expect(sheet.rows[headings][0].style).toBe('group');
    expect(sheet.merges).toContainEqual({
      firstRow: headings + 1,
      lastRow: headings + 1,
      firstColumn: 1,
      lastColumn: sheet.columnWidths.length,
    });
    expect(list[1]).toEqual([
      'Ben Cole',
      'C101',
      '16y 6m',
      'Year 12',
      'Eligible',
      'Pat Lee',
      '2028-08-31',
      'Done',
      '2026-06-01',
      'On track',
      '2027-03-01',
      'Check data',
      '2028-05-04',
      'NI number, Photo ID',
      'Action needed',
      null,
    ]);
    // Cara (12) is not in the cohort
    expect(list.some((row) => row[0] === 'Cara Dunn')).toBe(false);
  });

  it('colours each pathway status column of the list', () => {
    const sheet = summary();
    const headings = rowStarting(sheet, 'Young person');
    const listFormats = sheet.conditionalFormats.filter((cf) => cf.range.firstRow === headings + 1);
    expect(listFormats.map((cf) => cf.range.firstColumn)).toEqual([8, 10, 12, 15]);
    expect(listFormats[0].range.lastRow).toBe(sheet.rows.length);
    expect(listFormats[0].rules[1]).toEqual({ formula: `H${headings + 1}="Due soon"`, fill: 'FCE5CD' });
  });

  it('shows only the pathway rules that are active', () => {
    const input = sampleInput({
      rules: [
        { id: 'cla-review', label: 'Looked-after review' },
        { id: 'eet', label: 'EET' },
      ],
    });
    const sheet = summary(input);
    const headings = plain(sheet.rows[rowStarting(sheet, 'Young person') - 1]);
    expect(headings.slice(7)).toEqual(['EET', 'EET due']);
  });

  it('within a worker, young people are in name order; a blank worker is grouped as not recorded', () => {
    const rows = [5, 6, 7].map((n) => rowWith(n, { eet: r('Done') }, 'Eligible'));
    const input = sampleInput({
      evaluation: evaluation(rows),
      local: new Map([
        [5, { name: 'zoe' }],
        [6, { name: 'Adam', socialWorker: '  ' }],
        [7, { name: 'Mia', socialWorker: 'Bea' }],
      ]),
      facts: new Map([5, 6, 7].map((n) => [n, facts('2009-01-01')])),
    });
    const sheet = summary(input);
    const list = sheet.rows.slice(rowStarting(sheet, 'Young person')).map((row) => plain(row)[0]);
    expect(list).toEqual(['Bea (1)', 'Mia', 'No worker recorded (2)', 'Adam', 'zoe']);
  });

  it('says so when nobody is in the cohort', () => {
    const sheet = summary(sampleInput({ facts: new Map() }));
    const headings = rowStarting(sheet, 'Young person');
    expect(plain(sheet.rows[headings])[0]).toMatch(/^No young person aged 15 years 9 months/);
    expect(sheet.conditionalFormats.filter((cf) => cf.range.firstRow > headings)).toEqual([]);
  });
});

describe('who is in the pathway cohort', () => {
  const input = sampleInput();
  const context = {
    input,
    resultsByRow: new Map(),
    results: [],
    ruleLabels: new Map(),
    ruleOrder: new Map(),
  };

  it('from 15 years 9 months on the as-of date exactly', () => {
    const row = rowWith(5, {}, 'Not yet eligible');
    // 15y9m reached on 23/11/2026 by a child born 23/02/2011
    expect(inPathwayCohort(row, day('2011-02-23'), context)).toBe(true);
    expect(inPathwayCohort(row, day('2011-02-24'), context)).toBe(false);
    expect(inPathwayCohort(row, null, context)).toBe(false);
  });

  it('looked after or a care leaver; not someone who is neither', () => {
    const old = day('2009-01-01');
    for (const status of ['Eligible', 'Relevant', 'Former relevant', 'Not yet eligible'] as const) {
      expect(inPathwayCohort(rowWith(5, {}, status), old, context)).toBe(true);
    }
    expect(inPathwayCohort(rowWith(5, {}, 'Not eligible'), old, context)).toBe(false);
    expect(inPathwayCohort(rowWith(5, {}, 'Unknown'), old, context)).toBe(false);
    // a pathway rule that applies brings in a row whose status could not be worked out
    expect(inPathwayCohort(rowWith(5, { eet: r('Check data') }, 'Unknown'), old, context)).toBe(true);
    // but not a rule outside the pathway section
    expect(inPathwayCohort(rowWith(5, { pep: r('Check data') }, 'Unknown'), old, context)).toBe(false);
  });
});

describe('missing documents', () => {
  it('takes the list from the rule explanation', () => {
    expect(missingDocuments('Documents due by the 18th birthday; missing: NI number, Photo ID')).toBe(
      'NI number, Photo ID',
    );
    expect(missingDocuments('Documents due by the 18th birthday; missing: Bank account (LCC)')).toBe(
      'Bank account',
    );
  });

  it('takes the list from the explanation the engine gives, due date and source after it', () => {
    const asOf = day('2026-11-23');
    const dated = (dateOfBirth: string) =>
      evaluate(
        {
          tracked: ['dateOfBirth', 'careStartDate', 'niNumber', 'photoId', 'bankAccount'],
          rows: [{ row: 2, values: { dateOfBirth, careStartDate: '2020-01-01', photoId: 'Y' } }],
        },
        { asOf },
      ).rows[0].results['leaving-care-documents'].explanation;
    // overdue, due soon (today), on track: each ending differs
    for (const dateOfBirth of ['2007-06-25', '2008-11-23', '2009-10-13']) {
      expect(dated(dateOfBirth)).toMatch(/: due \d\d\/\d\d\/\d{4}/);
      expect(missingDocuments(dated(dateOfBirth))).toBe('NI number, Bank account');
    }
  });

  it('falls back to the whole explanation', () => {
    expect(missingDocuments('No date of birth recorded')).toBe('No date of birth recorded');
    expect(missingDocuments('missing: ')).toBe('missing: ');
  });
});
