import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  DayTable,
  edate,
  fromExcelSerial,
  fromIso,
  fromJsDate,
  fromYmd,
  toExcelSerial,
  toIso,
  toUk,
  toYmd,
  todayInLondon,
  weekday,
} from './calendar';

const d = (iso: string) => {
  const day = fromIso(iso);
  if (day === null) throw new Error(`bad test date ${iso}`);
  return day;
};

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11016],
    ['2026-11-23', 20780],
  ])('%s is day %i', (iso, day) => {
    expect(d(iso)).toBe(day);
    expect(toIso(day)).toBe(iso);
  });

  it('round-trips every day from 1900 to 2100, agreeing with luxon', () => {
    fc.assert(
      fc.property(fc.integer({ min: fromYmd(1900, 1, 1), max: fromYmd(2100, 12, 31) }), (day) => {
        const { year, month, day: dom } = toYmd(day);
        expect(fromYmd(year, month, dom)).toBe(day);
        expect(DateTime.fromObject({ year, month, day: dom }, { zone: 'utc' }).toMillis() / 86_400_000).toBe(
          day,
        );
      }),
    );
  });

  it('rejects impossible ISO dates', () => {
    expect(fromIso('2019-02-31')).toBeNull();
    expect(fromIso('2023-02-29')).toBeNull();
    expect(fromIso('2024-02-29')).toBe(fromYmd(2024, 2, 29));
    expect(fromIso('2026-13-01')).toBeNull();
    expect(fromIso('26-11-23')).toBeNull();
  });

  it('knows the weekday (23/11/2026 is a Monday)', () => {
    expect(weekday(d('2026-11-23'))).toBe(0);
    expect(weekday(d('2026-11-29'))).toBe(6);
  });

  it('formats UK dates', () => expect(toUk(d('2026-03-04'))).toBe('04/03/2026'));

  it('converts Excel serials (1900 system) both ways', () => {
    // 1 Jan 2025 is serial 45658 in Excel; 23 Nov 2026 is 690 days later.
    expect(toExcelSerial(d('2025-01-01'))).toBe(45658);
    expect(toExcelSerial(d('2026-11-23'))).toBe(46349);
    expect(fromExcelSerial(46349)).toBe(d('2026-11-23'));
    expect(fromExcelSerial(46349.75)).toBe(d('2026-11-23'));
  });

  it('reads a JavaScript Date as the UTC calendar date, as spreadsheet readers give it', () => {
    expect(fromJsDate(new Date(Date.UTC(2026, 10, 23)))).toBe(d('2026-11-23'));
    expect(fromJsDate(new Date(Number.NaN))).toBeNull();
  });

  it('takes today in Europe/London, not UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(toIso(todayInLondon(new Date(Date.UTC(2026, 5, 30, 23, 30))))).toBe('2026-07-01');
    // In winter London is on UTC.
    expect(toIso(todayInLondon(new Date(Date.UTC(2026, 11, 31, 23, 30))))).toBe('2026-12-31');
  });
});

describe('edate (Excel EDATE)', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2026-03-04', 3, '2026-06-04'],
    ['2026-01-30', 3, '2026-04-30'],
    ['2012-02-29', 12, '2013-02-28'],
    ['2012-02-29', 48, '2016-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2027-01-15', -1, '2026-12-15'],
    ['2026-11-23', 0, '2026-11-23'],
  ])('EDATE(%s, %i) = %s', (from, months, expected) => {
    expect(toIso(edate(d(from), months))).toBe(expected);
  });

  it('agrees with luxon plus({ months }) (which also clamps to the month end)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: fromYmd(1950, 1, 1), max: fromYmd(2080, 12, 31) }),
        fc.integer({ min: -400, max: 400 }),
        (day, months) => {
          const expected = DateTime.fromISO(toIso(day), { zone: 'utc' }).plus({ months }).toISODate();
          expect(toIso(edate(day, months))).toBe(expected);
        },
      ),
    );
  });
});

describe('DayTable', () => {
  it('keeps a value per day from 1900 to 2100, and none outside', () => {
    const table = new DayTable<string>();
    expect(table.set(d('1900-01-01'), 'first')).toBe(true);
    expect(table.set(d('2100-12-31'), 'last')).toBe(true);
    expect(table.set(d('2026-11-23'), 'as of')).toBe(true);
    expect(table.get(d('1900-01-01'))).toBe('first');
    expect(table.get(d('2100-12-31'))).toBe('last');
    expect(table.get(d('2026-11-23'))).toBe('as of');
    expect(table.get(d('2026-11-24'))).toBeUndefined();
    expect(table.set(d('1899-12-31'), 'before')).toBe(false);
    expect(table.set(d('2101-01-01'), 'after')).toBe(false);
    expect(table.get(d('1899-12-31'))).toBeUndefined();
    expect(table.get(d('2101-01-01'))).toBeUndefined();
    expect(table.set(d('2026-11-23') + 0.5, 'half a day')).toBe(false);
  });

  it('keeps every day as it grows from a few to many', () => {
    const table = new DayTable<number>();
    const start = d('2020-01-01');
    for (let i = 0; i < 1_000; i += 1) expect(table.set(start + i * 3, i)).toBe(true);
    for (let i = 0; i < 1_000; i += 1) {
      expect(table.get(start + i * 3)).toBe(i);
      expect(table.get(start + i * 3 + 1)).toBeUndefined();
    }
    expect(table.set(d('2101-01-01'), 1)).toBe(false);
    expect(table.get(d('2101-01-01'))).toBeUndefined();
    table.set(start, -1);
    expect(table.get(start)).toBe(-1);
  });
});
