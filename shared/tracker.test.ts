import fc from 'fast-check';
import { runs } from '../test/support/properties';
import type { RawCell } from './cells';
import { readDate, readDateOfBirth, readYesNo } from './cells';
import { fromIso, toExcelSerial, toJsDate } from './dates/calendar';
import {
  EET_STATUSES,
  FIELD_BY_NAME,
  LEAVING_CARE_STATUSES,
  PLACEMENT_TYPES,
  RULE_FIELD_NAMES,
} from './fields';
import { findHeaderRow, proposeMapping } from './mapping';
import { type SheetRow, readTracker, toWireRow, toWireValue } from './tracker';
import { evaluateRequestSchema } from './wire';

const d = (iso: string) => fromIso(iso)!;

/** a sheet as the adapters hand it over: rows numbered from 1 */
function sheet(rows: RawCell[][], firstRowNumber = 1): SheetRow[] {
  return rows.map((cells, i) => ({ rowNumber: firstRowNumber + i, cells }));
}

describe('readTracker', () => {
  const grid = sheet([
    ['North Team – care leavers', null, null, null, null, null, null],
    [],
    ['ID', 'Young person', 'D.O.B.', 'SW', 'Last LAC review', 'PA', 'Notes'],
    ['A1', 'Amy Adams', '01/02/2010', 'Sam', toJsDate(d('2026-09-01')), 'Jo Bloggs', 'moved in May'],
    [null, null, null, null, null, null, null],
    ['A2', 'Ben Brown', null, 'Sam', 'N/A', '', ''],
    ['', '', '', '', '', '', 'a note on its own'],
    ['A3', 'Cal Cole', toExcelSerial(d('2009-05-15')), '', '', 'None', ''],
    ['Total', null, null, null, null, null, null],
    [null, null, null, 'Sam', null, null, null],
  ]);

  const header = findHeaderRow(grid.map((r) => r.cells))!;
  const { mapping } = proposeMapping(grid[header.index].cells);
  const result = readTracker(grid, mapping, header.index);

  test('finds the header under the title and maps the rule and local columns', () => {
    expect(header).toEqual({ index: 2, rowNumber: 3, matches: 6 });
    expect(mapping).toEqual({
      childId: 1,
      name: 2,
      dateOfBirth: 3,
      socialWorker: 4,
      lastReviewDate: 5,
      personalAdviser: 6,
    });
  });

  test('tracked lists the mapped rule fields only, in field order', () => {
    expect(result.tracked).toEqual(['dateOfBirth', 'lastReviewDate', 'personalAdviser']);
  });

  test('rows keep their worksheet row numbers and raw rule cells; names and IDs stay out', () => {
    expect(result.rows).toEqual([
      {
        row: 4,
        values: {
          dateOfBirth: '01/02/2010',
          lastReviewDate: toJsDate(d('2026-09-01')),
          personalAdviser: 'Jo Bloggs',
        },
      },
      // a name but no date of birth: kept, so the rules ask for the date of birth
      { row: 6, values: { lastReviewDate: 'N/A' } },
      { row: 8, values: { dateOfBirth: toExcelSerial(d('2009-05-15')), personalAdviser: 'None' } },
    ]);
    for (const row of result.rows) {
      for (const key of Object.keys(row.values)) expect(RULE_FIELD_NAMES).toContain(key);
    }
  });

  test('local details: name, ID, worker and the personal adviser as text', () => {
    expect(result.local.get(4)).toEqual({
      childId: 'A1',
      name: 'Amy Adams',
      socialWorker: 'Sam',
      personalAdviser: 'Jo Bloggs',
    });
    expect(result.local.get(6)).toEqual({ childId: 'A2', name: 'Ben Brown', socialWorker: 'Sam' });
    expect(result.local.get(8)).toEqual({ childId: 'A3', name: 'Cal Cole', personalAdviser: 'None' });
    expect([...result.local.keys()]).toEqual([4, 6, 8]);
  });

  test('blank rows are dropped silently; totals and nameless lines are listed as skipped', () => {
    expect(result.skipped).toEqual([
      { row: 9, reason: 'it looks like a "Total" line, not a young person' },
      { row: 10, reason: 'it has no name, ID or date of birth' },
    ]);
  });

  test('forename and surname are joined for the name', () => {
    const rows = sheet([
      ['Forename', 'Surname', 'DOB'],
      ['Amy', 'Adams', '01/02/2010'],
      ['', 'Brown', '02/03/2011'],
      ['Cal', '', '03/04/2012'],
    ]);
    const proposal = proposeMapping(rows[0].cells);
    const read = readTracker(rows, proposal.mapping, 0, { surnameColumn: proposal.surname?.column });
    expect([...read.local.values()].map((l) => l.name)).toEqual(['Amy Adams', 'Brown', 'Cal']);
    expect(read.tracked).toEqual(['dateOfBirth']);
  });

  test('a tracker without name or ID columns keeps every row with data', () => {
    const rows = sheet([
      ['DOB', 'Last visit', 'PEP'],
      ['', '01/10/2026', ''],
      ['01/02/2010', '', ''],
    ]);
    const read = readTracker(rows, proposeMapping(rows[0].cells).mapping, 0);
    expect(read.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(read.skipped).toEqual([]);
  });

  test('a footer line with a date of birth is still a young person', () => {
    const rows = sheet([
      ['Name', 'DOB'],
      ['Notes Smith', '01/02/2010'],
      ['Key: red = overdue', null],
    ]);
    const read = readTracker(rows, proposeMapping(rows[0].cells).mapping, 0);
    expect(read.rows.map((r) => r.row)).toEqual([2]);
    expect(read.skipped).toEqual([
      { row: 3, reason: 'it looks like a "Key: red = overdue" line, not a young person' },
    ]);
  });

  test('lastRowNumber stops reading', () => {
    const rows = sheet([
      ['Name', 'DOB'],
      ['Amy', '01/02/2010'],
      ['Ben', '01/02/2011'],
    ]);
    expect(
      readTracker(rows, { name: 1, dateOfBirth: 2 }, 0, { lastRowNumber: 2 }).rows.map((r) => r.row),
    ).toEqual([2]);
  });

  test('short rows (trailing blank cells left off) read as blank', () => {
    const rows = sheet([
      ['Name', 'DOB', 'Last visit', 'PEP'],
      ['Amy', '01/02/2010'],
    ]);
    const read = readTracker(rows, proposeMapping(rows[0].cells).mapping, 0);
    expect(read.rows).toEqual([{ row: 2, values: { dateOfBirth: '01/02/2010' } }]);
    expect(read.tracked).toEqual(['dateOfBirth', 'lastVisitDate', 'lastPepDate']);
  });
});

describe('toWireValue / toWireRow', () => {
  test.each<[string, RawCell, unknown]>([
    ['lastReviewDate', '03/04/2026', '2026-04-03'],
    ['lastReviewDate', toExcelSerial(d('2026-04-03')), '2026-04-03'],
    ['lastReviewDate', toJsDate(d('2026-04-03')), '2026-04-03'],
    ['lastReviewDate', 'N/A', { unreadable: true }],
    ['lastReviewDate', '', undefined],
    ['dateOfBirth', '3 Apr 2010', '2010-04-03'],
    ['dateOfBirth', '05/2009', '2009-05'],
    ['dateOfBirth', 'May 2009', '2009-05'],
    ['gpRegistered', 'Y', true],
    ['gpRegistered', '✗', false],
    ['gpRegistered', 'maybe', { unreadable: true }],
    ['niNumber', 'AB123456C', true],
    ['niNumber', 'No', false],
    ['personalAdviser', 'Jo Bloggs', true],
    ['personalAdviser', 'None', false],
    ['personalAdviser', null, undefined],
    ['sdqScore', '17', 17],
    ['sdqScore', 17, 17],
    ['sdqScore', '17 (high)', { unreadable: true }],
    ['placementType', "Secure children's home", 'secure'],
    ['placementType', 'U3', 'foster'],
    ['placementType', 'Hotel', { unreadable: true }],
    ['eetStatus', 'G5', 'NEET'],
    ['leavingCareStatus', 'former-relevant', 'Former relevant'],
  ])('%s %j → %j', (field, raw, wire) => {
    expect(toWireValue(FIELD_BY_NAME[field as keyof typeof FIELD_BY_NAME].kind, raw)).toEqual(wire);
  });

  test('a canonical row becomes { row, fields } with blanks left out', () => {
    expect(
      toWireRow({
        row: 7,
        values: {
          dateOfBirth: '01/02/2010',
          lastVisitDate: '',
          personalAdviser: 'Jo Bloggs',
          lastPepDate: 'TBC',
        },
      }),
    ).toEqual({
      row: 7,
      fields: { dateOfBirth: '2010-02-01', personalAdviser: true, lastPepDate: { unreadable: true } },
    });
  });

  test('text fields never travel, even if they slipped into a row', () => {
    const row = { row: 2, values: { name: 'Amy Adams', dateOfBirth: '01/02/2010' } } as never;
    expect(toWireRow(row)).toEqual({ row: 2, fields: { dateOfBirth: '2010-02-01' } });
  });

  const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'Amy Adams',
      'AB123456C',
      'passport seen',
      '03/04/2010',
      '05/2009',
      'U3',
      'EET',
      'N/A',
      'Y',
    ),
    fc.integer({ min: -100, max: 80_000 }),
    fc.double(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constant(null),
    fc.constant({ unreadable: true as const }),
  );
  const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
  const ISO_MONTH = /^\d{4}-\d{2}$/;
  const ENUMS = new Set<string>([...PLACEMENT_TYPES, ...EET_STATUSES, ...LEAVING_CARE_STATUSES]);

  test('the wire never carries free text, and the service accepts every wire row', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...RULE_FIELD_NAMES), anyCell), (values) => {
        const wire = toWireRow({ row: 5, values });
        for (const [field, v] of Object.entries(wire.fields)) {
          const kind = FIELD_BY_NAME[field as keyof typeof FIELD_BY_NAME].kind;
          if (typeof v === 'string') {
            if (kind === 'date') expect(v).toMatch(ISO_DAY);
            else if (kind === 'dateOfBirth') expect(v).toMatch(v.length === 7 ? ISO_MONTH : ISO_DAY);
            else expect(ENUMS.has(v)).toBe(true);
          } else if (typeof v === 'object' && v !== null) {
            expect(v).toEqual({ unreadable: true });
          } else {
            expect(['boolean', 'number']).toContain(typeof v);
          }
        }
        const request = { tracked: Object.keys(values), rows: [wire] };
        const parsed = evaluateRequestSchema.safeParse(request);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
      }),
      { numRuns: runs(300) },
    );
  });

  test('reading a wire value gives the same reading as the cell it came from', () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const date = readDate(raw);
        const wireDate = toWireValue('date', raw);
        expect(readDate(wireDate === undefined ? null : (wireDate as RawCell))).toEqual(
          date.state === 'unreadable' ? { state: 'unreadable', text: '' } : date,
        );
        const dob = readDateOfBirth(raw);
        const wireDob = toWireValue('dateOfBirth', raw);
        expect(readDateOfBirth(wireDob === undefined ? null : (wireDob as RawCell))).toEqual(
          dob.state === 'unreadable' ? { state: 'unreadable', text: '' } : dob,
        );
        const yn = readYesNo(raw);
        const wireYn = toWireValue('yesNo', raw);
        expect(readYesNo(wireYn === undefined ? null : (wireYn as RawCell))).toEqual(
          yn.state === 'unreadable' ? { state: 'unreadable', text: '' } : yn,
        );
      }),
      { numRuns: runs(1000) },
    );
  });
});
