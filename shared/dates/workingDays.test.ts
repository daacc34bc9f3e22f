import { fromIso, toIso } from './calendar';
import { isBankHoliday, isWorkingDay, workday } from './workingDays';

const d = (iso: string) => fromIso(iso) as number;

describe('England and Wales bank holidays', () => {
  it.each([
    '2026-12-25',
    '2026-12-28', // Boxing Day substitute (26th is a Saturday)
    '2027-01-01',
    '2027-03-26', // Good Friday
    '2027-03-29', // Easter Monday
    '2022-06-02',
    '2022-06-03', // Platinum Jubilee
    '2022-09-19', // State funeral
    '2023-05-08', // Coronation
    '2022-12-27', // Christmas Day substitute
    // one-offs by proclamation that the date-holidays calendar misses
    '1995-05-08', // VE Day 50th anniversary (the early May holiday, moved)
    '1999-12-31', // the millennium
    '2002-06-03', // Golden Jubilee
    '2002-06-04', // spring bank holiday, moved
    '2011-04-29', // royal wedding
    '2012-06-04', // spring bank holiday, moved
    '2012-06-05', // Diamond Jubilee
  ])('%s is a bank holiday', (iso) => expect(isBankHoliday(d(iso))).toBe(true));

  it.each([
    '2026-11-23',
    '2026-12-24',
    '2026-12-29',
    '2027-03-30',
    '2023-05-09',
    // the usual days of holidays moved by proclamation
    '1995-05-01',
    '2002-05-27',
    '2012-05-28',
  ])('%s is not', (iso) => expect(isBankHoliday(d(iso))).toBe(false));

  it('weekends are not working days', () => {
    expect(isWorkingDay(d('2026-11-28'))).toBe(false);
    expect(isWorkingDay(d('2026-11-27'))).toBe(true);
  });
});

describe('workday (Excel WORKDAY with bank holidays)', () => {
  it.each([
    // RULES.md section 7: 20 working days from 02/11/2026, no bank holidays between
    ['2026-11-02', 20, '2026-11-30'],
    // over Christmas: 25 Dec, 28 Dec (substitute) and 1 Jan are skipped
    ['2026-12-10', 20, '2027-01-12'],
    // Easter 2027: Good Friday 26 Mar and Easter Monday 29 Mar
    ['2027-03-19', 5, '2027-03-30'],
    ['2027-03-25', 1, '2027-03-30'],
    // 2022 one-offs: Spring bank holiday 2 Jun, Jubilee 3 Jun, funeral 19 Sep
    ['2022-06-01', 1, '2022-06-06'],
    ['2022-09-16', 1, '2022-09-20'],
    // 2023 coronation, Monday 8 May
    ['2023-05-05', 1, '2023-05-09'],
    // 2011 royal wedding (Friday 29 Apr, after Easter Monday 25 Apr) and the 2012 Jubilee week
    ['2011-04-01', 20, '2011-05-05'],
    ['2012-05-01', 20, '2012-05-30'],
    // the start day is not counted, even when it is a working day
    ['2026-11-23', 1, '2026-11-24'],
    // a weekend start counts from the Monday
    ['2026-11-28', 1, '2026-11-30'],
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-20', 5, '2026-11-27'],
  ])('WORKDAY(%s, %i) = %s', (start, n, expected) => {
    expect(toIso(workday(d(start), n))).toBe(expected);
  });
});
