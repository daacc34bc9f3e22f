import { fromIso, toIso } from './calendar';
import { ageDate, ageOn } from './age';

const d = (iso: string) => fromIso(iso) as number;

describe('ageDate', () => {
  it.each([
    // RULES.md section 7, leap-day DOB 29/02/2012
    ['2012-02-29', 15, 9, 'feb28', '2027-11-29'],
    ['2012-02-29', 16, 0, 'feb28', '2028-02-29'],
    ['2012-02-29', 17, 0, 'feb28', '2029-02-28'],
    ['2012-02-29', 17, 0, 'mar1', '2029-03-01'],
    ['2012-02-29', 16, 0, 'mar1', '2028-02-29'],
    ['2012-02-29', 15, 9, 'mar1', '2027-11-29'],
    // an age date that EDATE puts on 28 Feb from a 31 Aug birth is not a leap-day birthday
    ['2010-08-31', 17, 6, 'mar1', '2028-02-29'],
    ['2011-08-31', 17, 6, 'mar1', '2029-02-28'],
    ['2010-05-31', 15, 9, 'feb28', '2026-02-28'],
    ['2010-11-23', 16, 0, 'feb28', '2026-11-23'],
  ] as const)('DOB %s reaches %iy %im on %s (%s)', (dob, years, months, policy, expected) => {
    expect(toIso(ageDate(d(dob), years, months, policy))).toBe(expected);
  });
});

describe('ageOn', () => {
  it('counts whole years and months attained', () => {
    expect(ageOn(d('2010-05-15'), d('2026-11-23'))).toEqual({ years: 16, months: 6 });
    expect(ageOn(d('2010-11-23'), d('2026-11-23'))).toEqual({ years: 16, months: 0 });
    expect(ageOn(d('2010-11-24'), d('2026-11-23'))).toEqual({ years: 15, months: 11 });
    expect(ageOn(d('2026-11-23'), d('2026-11-23'))).toEqual({ years: 0, months: 0 });
  });
});
