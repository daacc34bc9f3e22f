import { fromIso, toIso } from './calendar';
import { endOfNextTerm, ncYear } from './school';
import { DEFAULT_POLICY } from '../policy';

const d = (iso: string) => fromIso(iso) as number;
const terms = DEFAULT_POLICY.terms;

describe('ncYear', () => {
  it.each([
    // RULES.md section 7: DOB 01/10/2012 is Year 9 in 2026/27
    ['2012-10-01', '2026-11-23', 9],
    // born 31 Aug and 1 Sep fall in different school years
    ['2012-08-31', '2026-11-23', 10],
    ['2012-09-01', '2026-11-23', 9],
    // the academic year turns on 1 September
    ['2008-08-15', '2026-08-31', 13],
    ['2008-08-15', '2026-09-01', 14],
    // Reception: the school year in which the child turns 5
    ['2021-09-01', '2026-09-01', 0],
    ['2021-08-31', '2026-09-01', 1],
    ['2022-01-15', '2026-11-23', 0],
  ])('DOB %s on %s is NC year %i', (dob, on, year) => {
    expect(ncYear(d(dob), d(on))).toBe(year);
  });
});

describe('terms', () => {
  it.each([
    // RULES.md section 7: a PEP on 15/07/2026 (summer) is due at the end of autumn
    ['2026-07-15', '2026-12-31'],
    ['2026-09-01', '2027-03-31'],
    ['2026-12-31', '2027-03-31'],
    ['2027-01-01', '2027-08-31'],
    ['2027-03-31', '2027-08-31'],
    ['2027-04-01', '2027-12-31'],
    ['2026-08-31', '2026-12-31'],
  ])('a PEP on %s is next due %s', (pep, due) => {
    expect(toIso(endOfNextTerm(d(pep), terms))).toBe(due);
  });
});
