import fc from 'fast-check';
import { runs } from '../test/support/properties';
import {
  type CellReading,
  type RawCell,
  cellText,
  dayOf,
  expandYear,
  isBlankCell,
  quote,
  readDate,
  readDateOfBirth,
  readDocument,
  readEetStatus,
  readInteger,
  readLeavingCareStatus,
  readPlacementType,
  readPresence,
  readYesNo,
  toRawCell,
} from './cells';
import { fromIso, fromYmd, toExcelSerial, toJsDate } from './dates/calendar';

const d = (iso: string) => {
  const day = fromIso(iso);
  if (day === null) throw new Error(`bad test date ${iso}`);
  return day;
};
const val = <T>(value: T): CellReading<T> => ({ state: 'value', value });
const bad = (text: string): CellReading<never> => ({ state: 'unreadable', text });
const BLANK = { state: 'blank' };

describe('readDate', () => {
  test.each<[RawCell, string]>([
    ['2010-04-03', '2010-04-03'],
    ['2010-4-3', '2010-04-03'],
    ['2010/04/03', '2010-04-03'],
    ['2010-04-03T00:00:00', '2010-04-03'],
    ['2010-04-03T00:00:00Z', '2010-04-03'],
    ['2010-04-03T00:00:00.000Z', '2010-04-03'],
    ['2010-04-03T23:30:00+01:00', '2010-04-03'],
    ['2010-04-03 09:15', '2010-04-03'],
    ['03/04/2010', '2010-04-03'],
    ['3/4/2010', '2010-04-03'],
    ['3/4/10', '2010-04-03'],
    ['03/04/10', '2010-04-03'],
    ['3.4.2010', '2010-04-03'],
    ['03.04.2010', '2010-04-03'],
    ['03-04-2010', '2010-04-03'],
    ['03/04/2010 00:00', '2010-04-03'],
    ['03/04/2010 00:00:00', '2010-04-03'],
    ['3 Apr 2010', '2010-04-03'],
    ['03-Apr-2010', '2010-04-03'],
    ['03-apr-2010', '2010-04-03'],
    ['3 April 2010', '2010-04-03'],
    ['3 APRIL 2010', '2010-04-03'],
    ['03 Apr 10', '2010-04-03'],
    ['3-Apr-10', '2010-04-03'],
    ['3rd April 2010', '2010-04-03'],
    ['3 Apr. 2010', '2010-04-03'],
    ['3 Sept 2010', '2010-09-03'],
    ['3 Sep 2010', '2010-09-03'],
    ['3 September 2010', '2010-09-03'],
    ['31 Dec 1999', '1999-12-31'],
    ['1 Jan 2000', '2000-01-01'],
    ['  03/04/2010  ', '2010-04-03'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    // two-digit years, Excel's rule: 00-69 → 2000s, 70-99 → 1900s
    ['1/1/00', '2000-01-01'],
    ['31/12/69', '2069-12-31'],
    ['1/1/70', '1970-01-01'],
    ['31/12/99', '1999-12-31'],
    ['1 Jan 69', '2069-01-01'],
    ['1 Jan 70', '1970-01-01'],
  ])('text %j is %s', (raw, iso) => {
    expect(readDate(raw)).toEqual(val(d(iso)));
  });

  test('numeric dates are day first (UK)', () => {
    expect(readDate('01/02/2020')).toEqual(val(d('2020-02-01')));
    expect(readDate('12/01/2020')).toEqual(val(d('2020-01-12')));
  });

  test.each<[string]>([
    ['31/02/2019'],
    ['29/02/2023'],
    ['30/02/2024'],
    ['31/04/2010'],
    ['13/13/2020'],
    ['00/01/2020'],
    ['01/00/2020'],
    ['32/01/2020'],
    ['2019-02-29'],
    ['2010-13-01'],
    ['N/A'],
    ['n/a'],
    ['TBC'],
    ['unknown'],
    ['-'],
    ['?'],
    ['none'],
    ['45000'],
    ['40271'],
    ['03/04'],
    ['04/2010'], // a month alone is only accepted for a date of birth
    ['2010-04'],
    ['Apr 2010'],
    ['3 Foo 2010'],
    ['3 Apr'],
    ['03/04/210'],
    ['03/04-2010'], // mixed separators
    ['01/01/1899'],
    ['01/01/2101'],
    ['1/1/0210'],
    ['yesterday'],
    ['2010-04-03T25'],
    ['April 3, 2010'],
    ['03/04/2010 and 05/06/2010'],
  ])('text %j is unreadable, quoted as typed', (text) => {
    expect(readDate(text)).toEqual(bad(text));
  });

  test('unreadable text is quoted trimmed and capped', () => {
    expect(readDate('   N/A  ')).toEqual(bad('N/A'));
    const long = 'see the note in the case file from the review in March '.repeat(2);
    const reading = readDate(long);
    expect(reading.state).toBe('unreadable');
    if (reading.state === 'unreadable') {
      expect(reading.text.length).toBe(40);
      expect(reading.text.endsWith('…')).toBe(true);
      expect(reading.text.startsWith('see the note')).toBe(true);
    }
  });

  test.each<[RawCell]>([[null], [undefined], [''], ['   '], ['\t\n']])('%j is blank', (raw) => {
    expect(readDate(raw)).toEqual(BLANK);
  });

  test('Excel serial numbers', () => {
    expect(readDate(40271)).toEqual(val(d('2010-04-03')));
    expect(readDate(toExcelSerial(d('2026-11-23')))).toEqual(val(d('2026-11-23')));
    // the time of day is dropped
    expect(readDate(40271.75)).toEqual(val(d('2010-04-03')));
    // 61 is 1 March 1900, the first serial after Excel's phantom 29 February 1900
    expect(readDate(61)).toEqual(val(d('1900-03-01')));
    expect(readDate(60)).toEqual(bad('60'));
    expect(readDate(1)).toEqual(bad('1'));
    expect(readDate(0)).toEqual(bad('0'));
    expect(readDate(-5)).toEqual(bad('-5'));
    expect(readDate(toExcelSerial(d('2100-12-31')))).toEqual(val(d('2100-12-31')));
    expect(readDate(toExcelSerial(d('2101-01-01')))).toEqual(bad(String(toExcelSerial(d('2101-01-01')))));
    expect(readDate(Number.NaN).state).toBe('unreadable');
    expect(readDate(Number.POSITIVE_INFINITY).state).toBe('unreadable');
  });

  test('JavaScript dates (UTC midnight of the date typed)', () => {
    expect(readDate(new Date(Date.UTC(2010, 3, 3)))).toEqual(val(d('2010-04-03')));
    expect(readDate(new Date(Date.UTC(2010, 3, 3, 13, 45)))).toEqual(val(d('2010-04-03')));
    expect(readDate(toJsDate(d('2024-02-29')))).toEqual(val(d('2024-02-29')));
    expect(readDate(new Date(Number.NaN))).toEqual(bad(''));
    expect(readDate(new Date(Date.UTC(1850, 0, 1))).state).toBe('unreadable');
  });

  test('booleans and wire-format unreadable cells', () => {
    expect(readDate(true)).toEqual(bad('TRUE'));
    expect(readDate(false)).toEqual(bad('FALSE'));
    expect(readDate({ unreadable: true })).toEqual(bad(''));
  });
});

describe('dayOf', () => {
  test.each<[string, RawCell, number]>([
    ['a Date', toJsDate(d('2025-04-03')), d('2025-04-03')],
    ['a serial number (the time of day dropped)', toExcelSerial(d('2025-04-03')) + 0.75, d('2025-04-03')],
    ['UK text', ' 03/04/2025 ', d('2025-04-03')],
    ['ISO text', '2025-04-03', d('2025-04-03')],
  ])('reads %s', (_what, raw, day) => {
    expect(dayOf(raw)).toBe(day);
  });

  test.each<[string, RawCell]>([
    ['blank', null],
    ['undefined', undefined],
    ['empty text', '  '],
    ['text that is not a date', 'TBC'],
    ['a number typed as text', '45000'],
    ['a serial before March 1900', 60],
    ['an invalid Date', new Date(NaN)],
    ['a Date after 2100', toJsDate(fromYmd(2101, 1, 1))],
    ['TRUE', true],
    ['the wire’s unreadable marker', { unreadable: true }],
  ])('gives NaN for %s', (_what, raw) => {
    expect(dayOf(raw)).toBeNaN();
  });
});

describe('expandYear', () => {
  test.each([
    ['00', 2000],
    ['69', 2069],
    ['70', 1970],
    ['99', 1999],
    ['2010', 2010],
  ])('%s → %d', (digits, year) => expect(expandYear(digits)).toBe(year));
});

describe('readDateOfBirth', () => {
  test.each<[RawCell, string, boolean]>([
    ['03/04/2010', '2010-04-03', false],
    ['2010-04-03', '2010-04-03', false],
    [40271, '2010-04-03', false],
    ['05/2009', '2009-05-15', true],
    ['5/2009', '2009-05-15', true],
    ['5-2009', '2009-05-15', true],
    ['2009-05', '2009-05-15', true],
    ['2009-5', '2009-05-15', true],
    ['2009/05', '2009-05-15', true],
    ['May 2009', '2009-05-15', true],
    ['may 2009', '2009-05-15', true],
    ['May-2009', '2009-05-15', true],
    ['Sept 2009', '2009-09-15', true],
    ['September 2009', '2009-09-15', true],
    ['Feb 2012', '2012-02-15', true],
  ])('%j → %s (month only: %s)', (raw, iso, monthOnly) => {
    expect(readDateOfBirth(raw)).toEqual(val({ day: d(iso), monthOnly }));
  });

  test.each([
    ['13/2009'],
    ['2009-13'],
    ['00/2009'],
    ['May 09'],
    ['5/09'],
    ['Foo 2009'],
    ['N/A'],
    ['05/1850'],
  ])('%j is unreadable', (text) => {
    expect(readDateOfBirth(text)).toEqual(bad(text));
  });

  test('blank and other cells', () => {
    expect(readDateOfBirth('')).toEqual(BLANK);
    expect(readDateOfBirth(null)).toEqual(BLANK);
    expect(readDateOfBirth(true)).toEqual(bad('TRUE'));
    expect(readDateOfBirth({ unreadable: true })).toEqual(bad(''));
    expect(readDateOfBirth(new Date(Date.UTC(2009, 4, 1)))).toEqual(
      val({ day: d('2009-05-01'), monthOnly: false }),
    );
  });
});

describe('readYesNo', () => {
  test.each<[RawCell]>([
    ['Y'],
    ['y'],
    ['Yes'],
    ['YES'],
    ['yes.'],
    ['True'],
    ['TRUE'],
    ['1'],
    ['Done'],
    ['done'],
    ['✓'],
    ['✔'],
    ['✔\uFE0F'],
    [true],
    [1],
  ])('%j is yes', (raw) => expect(readYesNo(raw)).toEqual(val(true)));

  test.each<[RawCell]>([
    ['N'],
    ['n'],
    ['No'],
    ['NO'],
    ['False'],
    ['0'],
    ['X'],
    ['x'],
    ['✗'],
    ['✘'],
    [false],
    [0],
  ])('%j is no', (raw) => expect(readYesNo(raw)).toEqual(val(false)));

  test.each<[RawCell]>([[null], [undefined], [''], ['  ']])('%j is blank', (raw) =>
    expect(readYesNo(raw)).toEqual(BLANK),
  );

  test.each<[RawCell, string]>([
    ['N/A', 'N/A'],
    ['TBC', 'TBC'],
    ['maybe', 'maybe'],
    ['-', '-'],
    ['Yes - Dr Smith', 'Yes - Dr Smith'],
    [2, '2'],
    [0.5, '0.5'],
    [{ unreadable: true }, ''],
  ])('%j is unreadable', (raw, text) => expect(readYesNo(raw)).toEqual(bad(text)));

  test('a date in a yes/no column is unreadable', () => {
    expect(readYesNo(toJsDate(d('2020-01-02')))).toEqual(bad('02/01/2020'));
  });
});

describe('readDocument', () => {
  test.each<[RawCell, boolean]>([
    ['Y', true],
    ['Yes', true],
    ['✓', true],
    ['AB123456C', true],
    ['passport seen', true],
    ['Provisional driving licence', true],
    ['Held by carer', true],
    [12345678, true],
    [true, true],
    [toJsDate(d('2025-06-01')), true],
    ['N', false],
    ['No', false],
    ['X', false],
    ['0', false],
    [0, false],
    [false, false],
    ['None', false],
    ['Not yet', false],
    ['not applied', false],
    ['Applied for', false],
    ['Awaiting', false],
    ['pending', false],
  ])('%j → %s', (raw, yes) => expect(readDocument(raw)).toEqual(val(yes)));

  test.each<[RawCell, string]>([
    ['N/A', 'N/A'],
    ['n/a', 'n/a'],
    ['TBC', 'TBC'],
    ['?', '?'],
    ['-', '-'],
    ['Unknown', 'Unknown'],
    [{ unreadable: true }, ''],
    // spelled out, with a slash, or followed by more words: still not an answer
    ['N/K', 'N/K'],
    ['n/k', 'n/k'],
    ['Not known yet', 'Not known yet'],
    ['Not applicable', 'Not applicable'],
    ['To be confirmed', 'To be confirmed'],
    ["Don't know", "Don't know"],
    ['Unknown - ask carer', 'Unknown - ask carer'],
    ['tbc - awaiting', 'tbc - awaiting'],
  ])('placeholder %j is unreadable', (raw, text) => expect(readDocument(raw)).toEqual(bad(text)));

  test('blank', () => {
    expect(readDocument('')).toEqual(BLANK);
    expect(readDocument(null)).toEqual(BLANK);
  });
});

describe('readPresence', () => {
  test.each<[RawCell, boolean]>([
    ['Jane Smith', true],
    ['J. Smith (PA)', true],
    ['Noel Edwards', true], // starts like "no" but is a name
    ['Nina', true],
    ['Yes', true],
    [true, true],
    [7, true],
    ['No', false],
    ['N', false],
    ['None', false],
    ['none allocated', false],
    ['X', false],
    ['✗', false],
    ['Unallocated', false],
    ['Not allocated', false],
    ['To be allocated', false],
    ['Awaiting allocation', false],
    ['Vacant', false],
    ['TBC - awaiting allocation', false],
    ['N A Smith', false], // "N" first: no, as before
    [false, false],
    [0, false],
  ])('%j → %s', (raw, named) => expect(readPresence(raw)).toEqual(val(named)));

  // RULES.md section 3: "N/A", "TBC", "unknown", "-" are unreadable, not blank, in every column
  test.each(['-', '?', 'N/A', 'TBC', 'Unknown', 'N/K', 'To be confirmed', "Don't know", 'Not applicable'])(
    '%j is unreadable',
    (raw) => expect(readPresence(raw)).toEqual(bad(raw)),
  );

  test('blank and wire unreadable', () => {
    expect(readPresence('  ')).toEqual(BLANK);
    expect(readPresence(undefined)).toEqual(BLANK);
    expect(readPresence({ unreadable: true })).toEqual(bad(''));
  });
});

describe('readInteger', () => {
  test.each<[RawCell, number]>([
    [0, 0],
    [14, 14],
    [-1, -1],
    ['12', 12],
    [' 12 ', 12],
    ['+3', 3],
    ['-1', -1],
    ['007', 7],
    [41, 41], // range checks are the rules' business
  ])('%j → %d', (raw, n) => expect(readInteger(raw)).toEqual(val(n)));

  test.each<[RawCell, string]>([
    ['12.5', '12.5'],
    [12.5, '12.5'],
    ['abc', 'abc'],
    ['12 (borderline)', '12 (borderline)'],
    ['N/A', 'N/A'],
    [true, 'TRUE'],
    [Number.NaN, 'NaN'],
    [{ unreadable: true }, ''],
  ])('%j is unreadable', (raw, text) => expect(readInteger(raw)).toEqual(bad(text)));

  test('blank', () => {
    expect(readInteger('')).toEqual(BLANK);
    expect(readInteger(null)).toEqual(BLANK);
  });
});

describe('readPlacementType', () => {
  test.each<[string, string]>([
    // canonical values (the wire format)
    ['foster', 'foster'],
    ['residential', 'residential'],
    ['secure', 'secure'],
    ['custody', 'custody'],
    ['supported', 'supported'],
    ['unregulated', 'unregulated'],
    ['parents', 'parents'],
    ['independent', 'independent'],
    ['adoption', 'adoption'],
    ['other', 'other'],
    ['Foster', 'foster'],
    // 903 PLACE codes
    ['U1', 'foster'],
    ['u3', 'foster'],
    ['U6', 'foster'],
    ['K2', 'residential'],
    ['R1', 'residential'],
    ['K1', 'secure'],
    ['H5', 'supported'],
    ['P2', 'supported'],
    ['P1', 'parents'],
    ['P3', 'independent'],
    ['A3', 'adoption'],
    ['A6', 'adoption'],
    ['R5', 'custody'],
    ['Z1', 'other'],
    ['U3 - Foster placement with other foster carer', 'foster'],
    ['K2: children’s home', 'residential'],
    // free text
    ['Foster care', 'foster'],
    ['In-house foster placement', 'foster'],
    ['Kinship foster', 'foster'],
    ['Connected person', 'foster'],
    ['Connected persons carer', 'foster'],
    ['IFA', 'foster'],
    ["Children's home", 'residential'],
    ['Childrens home', 'residential'],
    ['CHILDREN’S HOME', 'residential'],
    ['Residential', 'residential'],
    ["Secure children's home", 'secure'],
    ['Secure unit', 'secure'],
    ['Secure', 'secure'],
    ['YOI', 'custody'],
    ['Custody', 'custody'],
    ['Remand', 'custody'],
    ['Secure training centre', 'custody'],
    ['Supported accommodation', 'supported'],
    ['Semi-independent', 'supported'],
    ['Semi independent living', 'supported'],
    ['Supported lodgings', 'supported'],
    ['Unregulated', 'unregulated'],
    ['Unregulated supported accommodation', 'unregulated'],
    ['Placed with parents', 'parents'],
    ['Placed with parent(s)', 'parents'],
    ['Independent living', 'independent'],
    ['Own tenancy', 'independent'],
    ['Placed for adoption', 'adoption'],
    ['Foster to adopt', 'adoption'],
    ['Parent and child foster placement', 'foster'],
    ['Other', 'other'],
  ])('%j → %s', (text, type) => expect(readPlacementType(text)).toEqual(val(type)));

  test.each<[RawCell, string]>([
    ['Hotel', 'Hotel'],
    ['TBC', 'TBC'],
    ['U9', 'U9'],
    ['-', '-'],
    [3, '3'],
    [true, 'TRUE'],
  ])('%j is unreadable', (raw, text) => expect(readPlacementType(raw)).toEqual(bad(text)));

  test('blank', () => expect(readPlacementType(' ')).toEqual(BLANK));
});

describe('readEetStatus', () => {
  test.each<[string, string]>([
    ['EET', 'EET'],
    ['eet', 'EET'],
    ['NEET', 'NEET'],
    ['Neet', 'NEET'],
    ['F1', 'EET'],
    ['P1', 'EET'],
    ['F2', 'EET'],
    ['P2', 'EET'],
    ['F4', 'EET'],
    ['P4', 'EET'],
    ['F5', 'EET'],
    ['p5', 'EET'],
    ['G4', 'NEET'],
    ['G5', 'NEET'],
    ['g6', 'NEET'],
    ['F2 - full-time college', 'EET'],
    ['NEET - illness', 'NEET'],
  ])('%j → %s', (text, status) => expect(readEetStatus(text)).toEqual(val(status)));

  test.each<[RawCell, string]>([
    ['in education', 'in education'],
    ['G1', 'G1'],
    ['F3', 'F3'],
    ['N/A', 'N/A'],
    [1, '1'],
    [true, 'TRUE'],
  ])('%j is unreadable', (raw, text) => expect(readEetStatus(raw)).toEqual(bad(text)));

  test('blank', () => expect(readEetStatus(null)).toEqual(BLANK));
});

describe('readLeavingCareStatus', () => {
  test.each<[string, string]>([
    ['Eligible', 'Eligible'],
    ['eligible', 'Eligible'],
    ['Relevant', 'Relevant'],
    ['Former relevant', 'Former relevant'],
    ['former relevant', 'Former relevant'],
    ['Former-relevant', 'Former relevant'],
    ['FORMER RELEVANT', 'Former relevant'],
    ['formerrelevant', 'Former relevant'],
    ['Not yet eligible', 'Not yet eligible'],
    ['not-yet-eligible', 'Not yet eligible'],
    ['Not eligible', 'Not eligible'],
    ['Unknown', 'Unknown'],
  ])('%j → %s', (text, status) => expect(readLeavingCareStatus(text)).toEqual(val(status)));

  test.each<[RawCell, string]>([
    ['Care leaver', 'Care leaver'],
    ['Qualifying', 'Qualifying'],
    ['FR', 'FR'],
    [1, '1'],
  ])('%j is unreadable', (raw, text) => expect(readLeavingCareStatus(raw)).toEqual(bad(text)));

  test('blank', () => expect(readLeavingCareStatus('')).toEqual(BLANK));
});

describe('helpers', () => {
  test('quote trims, collapses whitespace and caps at 40 characters', () => {
    expect(quote('  a \n b ')).toBe('a b');
    expect(quote('x'.repeat(40))).toBe('x'.repeat(40));
    expect(quote('x'.repeat(41))).toBe(`${'x'.repeat(39)}…`);
  });

  test('isBlankCell', () => {
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(' ')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankCell(false)).toBe(false);
    expect(isBlankCell({ unreadable: true })).toBe(false);
  });

  test('cellText', () => {
    expect(cellText(' Jane ')).toBe('Jane');
    expect(cellText(12)).toBe('12');
    expect(cellText(toJsDate(d('2010-04-03')))).toBe('03/04/2010');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ unreadable: true })).toBe('');
    expect(cellText(null)).toBe('');
  });

  test('toRawCell flattens spreadsheet-library values', () => {
    expect(toRawCell({ richText: [{ text: 'Date of ' }, { text: 'birth' }] })).toBe('Date of birth');
    expect(toRawCell({ formula: 'A1+1', result: 40271 })).toBe(40271);
    expect(toRawCell({ formula: 'A1+1' })).toEqual({ unreadable: true });
    expect(toRawCell({ text: 'link', hyperlink: 'https://example.org' })).toBe('link');
    expect(toRawCell({ error: '#N/A' })).toEqual({ unreadable: true });
    expect(toRawCell(Symbol('x'))).toEqual({ unreadable: true });
    expect(toRawCell(undefined)).toBeNull();
    expect(toRawCell('a')).toBe('a');
  });
});

describe('every reader, any input', () => {
  const readers = {
    readDate,
    readDateOfBirth,
    readYesNo,
    readDocument,
    readPresence,
    readInteger,
    readPlacementType,
    readEetStatus,
    readLeavingCareStatus,
  };
  const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('03/04/2010', '2010-04-03', '31/02/2019', 'N/A', '✓', 'Former relevant', 'U3', '05/2009'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant({ unreadable: true as const }),
  );

  test('dayOf gives the day readDate reads, and NaN exactly where readDate reads no day', () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const reading = readDate(raw);
        if (reading.state === 'value') expect(dayOf(raw)).toBe(reading.value);
        else expect(dayOf(raw)).toBeNaN();
      }),
      { numRuns: runs(1000) },
    );
  });

  test.each(Object.entries(readers))('%s never throws and gives exactly one state', (_name, reader) => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const reading = (reader as (r: RawCell) => CellReading<unknown>)(raw);
        expect(['blank', 'value', 'unreadable']).toContain(reading.state);
        if (reading.state === 'unreadable') expect(reading.text.length).toBeLessThanOrEqual(40);
        if (reading.state === 'blank') expect(isBlankCell(raw)).toBe(true);
        if (isBlankCell(raw)) expect(reading.state).toBe('blank');
      }),
      { numRuns: runs(500) },
    );
  });

  test('every real date in range reads back from its UK, ISO, serial and Date forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: fromYmd(1900, 3, 1), max: fromYmd(2100, 12, 31) }), (day) => {
        const js = toJsDate(day);
        const dd = String(js.getUTCDate()).padStart(2, '0');
        const mm = String(js.getUTCMonth() + 1).padStart(2, '0');
        const yyyy = String(js.getUTCFullYear());
        expect(readDate(`${dd}/${mm}/${yyyy}`)).toEqual(val(day));
        expect(readDate(`${yyyy}-${mm}-${dd}`)).toEqual(val(day));
        expect(readDate(`${Number(dd)}.${Number(mm)}.${yyyy}`)).toEqual(val(day));
        expect(readDate(toExcelSerial(day))).toEqual(val(day));
        expect(readDate(js)).toEqual(val(day));
      }),
      { numRuns: runs(1000) },
    );
  });
});
