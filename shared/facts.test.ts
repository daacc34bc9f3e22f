import { fromIso, type Day } from './dates/calendar';
import {
  factsByRow,
  ageInYearsAndMonths,
  formatAge,
  formatNcYear,
  fosterPlacementFundedUntil,
  ncYearOn,
  summaryFacts,
} from './facts';

const d = (iso: string): Day => fromIso(iso) as Day;
const AS_OF = d('2026-11-23');

describe('foster placement funded until (RULES.md section 6)', () => {
  it('a birthday on 31 August is the last day of Year 13: funded until that same 31 August', () => {
    const until = fosterPlacementFundedUntil(
      { dateOfBirth: d('2008-08-31'), placementType: 'foster' },
      AS_OF,
    );
    expect(until).toBe(d('2026-08-31'));
  });

  it('a birthday on 1 September starts Year 13: funded until 31 August of the next year', () => {
    const until = fosterPlacementFundedUntil(
      { dateOfBirth: d('2008-09-01'), placementType: 'foster' },
      AS_OF,
    );
    expect(until).toBe(d('2027-08-31'));
  });

  it('a birthday in the spring is funded to the end of that school year', () => {
    expect(fosterPlacementFundedUntil({ dateOfBirth: d('2009-03-10'), placementType: 'foster' }, AS_OF)).toBe(
      d('2027-08-31'),
    );
  });

  it('only for foster care', () => {
    for (const placementType of ['residential', 'supported', null] as const) {
      expect(fosterPlacementFundedUntil({ dateOfBirth: d('2009-03-10'), placementType }, AS_OF)).toBeNull();
    }
    expect(fosterPlacementFundedUntil({ dateOfBirth: null, placementType: 'foster' }, AS_OF)).toBeNull();
  });

  it('a young person taught a year behind is in Year 12 on their 18th birthday: no funded extension', () => {
    // born 10/03/2009: Year 13 in 2026/27 by age (18 on 10/03/2027); recorded as Year 12
    const behind = { dateOfBirth: d('2009-03-10'), placementType: 'foster' as const, ncYearOverride: 12 };
    expect(ncYearOn(behind, d('2027-03-10'), AS_OF)).toBe(12);
    expect(fosterPlacementFundedUntil(behind, AS_OF)).toBeNull();
    // recorded in the year group their age gives: funded as usual
    expect(fosterPlacementFundedUntil({ ...behind, ncYearOverride: 13 }, AS_OF)).toBe(d('2027-08-31'));
  });

  it('a 29 February birthday falls in the same school year under either leap-day policy', () => {
    const leap = { dateOfBirth: d('2008-02-29'), placementType: 'foster' as const };
    expect(fosterPlacementFundedUntil(leap, AS_OF, 'feb28')).toBe(d('2026-08-31'));
    expect(fosterPlacementFundedUntil(leap, AS_OF, 'mar1')).toBe(d('2026-08-31'));
  });
});

describe('age in years and months', () => {
  it('counts whole months, attained at the start of the day', () => {
    expect(ageInYearsAndMonths(d('2010-08-23'), AS_OF)).toEqual({ years: 16, months: 3 });
    expect(ageInYearsAndMonths(d('2010-08-24'), AS_OF)).toEqual({ years: 16, months: 2 });
    expect(formatAge({ years: 16, months: 3 })).toBe('16y 3m');
  });

  it('follows the leap-day policy', () => {
    // born 29/02/2012: 17 on 28/02/2029 (feb28) or 01/03/2029 (mar1) (RULES.md section 7)
    expect(ageInYearsAndMonths(d('2012-02-29'), d('2029-02-28'), 'feb28')).toEqual({ years: 17, months: 0 });
    expect(ageInYearsAndMonths(d('2012-02-29'), d('2029-02-28'), 'mar1')).toEqual({ years: 16, months: 11 });
  });

  it('is unknown without a date of birth or with one after the date', () => {
    expect(ageInYearsAndMonths(null, AS_OF)).toBeNull();
    expect(ageInYearsAndMonths(d('2026-11-24'), AS_OF)).toBeNull();
  });
});

describe('NC year', () => {
  it('follows RULES.md section 5 (born September to December starts a year later)', () => {
    expect(ncYearOn({ dateOfBirth: d('2012-10-01'), placementType: null }, AS_OF, AS_OF)).toBe(9);
    expect(ncYearOn({ dateOfBirth: d('2012-08-31'), placementType: null }, AS_OF, AS_OF)).toBe(10);
    expect(ncYearOn({ dateOfBirth: null, placementType: null }, AS_OF, AS_OF)).toBeNull();
  });

  it('an override wins on the as-of date and moves with the school years', () => {
    const f = { dateOfBirth: d('2012-10-01'), placementType: null, ncYearOverride: 8 };
    expect(ncYearOn(f, AS_OF, AS_OF)).toBe(8);
    expect(ncYearOn(f, d('2027-09-01'), AS_OF)).toBe(9);
  });

  it.each([
    [-2, 'Pre-school'],
    [-1, 'Nursery'],
    [0, 'Reception'],
    [11, 'Year 11'],
    [13, 'Year 13'],
    [14, 'Past Year 13'],
  ])('%i reads as %s', (year, text) => expect(formatNcYear(year)).toBe(text));
});

describe('summaryFacts', () => {
  it('gathers the facts of a row', () => {
    expect(summaryFacts({ dateOfBirth: d('2008-09-01'), placementType: 'foster' }, AS_OF)).toEqual({
      age: { years: 18, months: 2 },
      ageText: '18y 2m',
      ncYear: 13,
      ncYearText: 'Year 13',
      fosterPlacementFundedUntil: d('2027-08-31'),
    });
    expect(summaryFacts({ dateOfBirth: null, placementType: null }, AS_OF)).toEqual({
      age: null,
      ageText: null,
      ncYear: null,
      ncYearText: null,
      fosterPlacementFundedUntil: null,
    });
  });
});

describe('facts from a tracker row', () => {
  it('reads the date of birth (month only: the 15th), placement type and NC year override', () => {
    const facts = factsByRow([
      { row: 5, values: { dateOfBirth: '05/2009', placementType: 'U4', ncYearOverride: 12 } },
      { row: 6, values: { dateOfBirth: 'unknown', placementType: "children's home" } },
      { row: 7, values: {} },
    ]);
    expect(facts.get(5)).toEqual({
      dateOfBirth: d('2009-05-15'),
      placementType: 'foster',
      ncYearOverride: 12,
    });
    expect(facts.get(6)).toEqual({ dateOfBirth: null, placementType: 'residential', ncYearOverride: null });
    expect(facts.get(7)).toEqual({ dateOfBirth: null, placementType: null, ncYearOverride: null });
  });
});
