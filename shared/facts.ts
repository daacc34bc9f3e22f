/**
 * Facts shown on the summary sheets (RULES.md section 6). They are not flags: nothing
 * here is Overdue or Done, they help a worker or manager read the row.
 */
import { type Day, fromYmd } from './dates/calendar';
import { type LeapDayBirthdays, ageDate, ageOn } from './dates/age';
import { academicYearStart, ncYear } from './dates/school';
import { readDateOfBirth, readInteger, readPlacementType } from './cells';
import type { CanonicalRow } from './engine';
import type { PlacementType } from './fields';

/** What the facts are worked out from, per tracker row (read locally from the workbook). */
export interface RowFacts {
  readonly dateOfBirth: Day | null;
  readonly placementType: PlacementType | null;
  /** the NC year on the as-of date when the tracker records one (a child taught out of year group) */
  readonly ncYearOverride?: number | null;
}

export interface AgeInYearsAndMonths {
  readonly years: number;
  readonly months: number;
}

/** Whole years and months on `on`; null when the date of birth is unknown or after `on`. */
export function ageInYearsAndMonths(
  dateOfBirth: Day | null,
  on: Day,
  leapDay: LeapDayBirthdays = 'feb28',
): AgeInYearsAndMonths | null {
  if (dateOfBirth === null || dateOfBirth > on) return null;
  return ageOn(dateOfBirth, on, leapDay);
}

/** "16y 3m" */
export function formatAge(age: AgeInYearsAndMonths): string {
  return `${age.years}y ${age.months}m`;
}

/**
 * The National Curriculum year on `day`. An override (the NC year on the as-of date,
 * for a child taught out of year group) moves with the school years from the as-of date.
 */
export function ncYearOn(facts: RowFacts, day: Day, asOf: Day): number | null {
  if (facts.ncYearOverride !== null && facts.ncYearOverride !== undefined) {
    return facts.ncYearOverride + (academicYearStart(day) - academicYearStart(asOf));
  }
  return facts.dateOfBirth === null ? null : ncYear(facts.dateOfBirth, day);
}

/** "Reception", "Year 11", "Nursery", "Past Year 13". */
export function formatNcYear(year: number): string {
  if (year > 13) return 'Past Year 13';
  if (year >= 1) return `Year ${year}`;
  if (year === 0) return 'Reception';
  if (year === -1) return 'Nursery';
  return 'Pre-school';
}

/**
 * Foster placement funded until: a young person in foster care who is in Year 13 on their
 * 18th birthday keeps a funded placement until the end of that academic year, 31 August
 * (LCC, "Preparing Children Looked After for Independence"). Null when that does not
 * apply (not in foster care, not in Year 13 on the 18th birthday, or no date of birth).
 *
 * Without an NC year override every child is in Year 13 on their 18th birthday (Year 13
 * is by definition the school year in which they turn 18), so a birthday on 31 August
 * gives 31 August of that year and one on 1 September gives 31 August of the next.
 */
export function fosterPlacementFundedUntil(
  facts: RowFacts,
  asOf: Day,
  leapDay: LeapDayBirthdays = 'feb28',
): Day | null {
  if (facts.placementType !== 'foster' || facts.dateOfBirth === null) return null;
  const eighteenth = ageDate(facts.dateOfBirth, 18, 0, leapDay);
  if (ncYearOn(facts, eighteenth, asOf) !== 13) return null;
  return fromYmd(academicYearStart(eighteenth) + 1, 8, 31);
}

export interface SummaryFacts {
  readonly age: AgeInYearsAndMonths | null;
  /** "16y 3m", or null when the age cannot be worked out */
  readonly ageText: string | null;
  readonly ncYear: number | null;
  readonly ncYearText: string | null;
  readonly fosterPlacementFundedUntil: Day | null;
}

/** Every section-6 fact of one row, on the as-of date (leaving-care status comes with the results). */
export function summaryFacts(facts: RowFacts, asOf: Day, leapDay: LeapDayBirthdays = 'feb28'): SummaryFacts {
  const age = ageInYearsAndMonths(facts.dateOfBirth, asOf, leapDay);
  const year = facts.dateOfBirth !== null && facts.dateOfBirth > asOf ? null : ncYearOn(facts, asOf, asOf);
  return {
    age,
    ageText: age ? formatAge(age) : null,
    ncYear: year,
    ncYearText: year === null ? null : formatNcYear(year),
    fosterPlacementFundedUntil: fosterPlacementFundedUntil(facts, asOf, leapDay),
  };
}

/**
 * The facts inputs of a tracker row, read from its canonical values (what the adapters
 * already hold). A blank or unreadable cell gives null: a fact is then simply not shown
 * (the rules raise Check data for it where it matters).
 */
export function rowFactsFrom(row: CanonicalRow): RowFacts {
  const dob = readDateOfBirth(row.values.dateOfBirth);
  const placement = readPlacementType(row.values.placementType);
  const override = readInteger(row.values.ncYearOverride);
  return {
    dateOfBirth: dob.state === 'value' ? dob.value.day : null,
    placementType: placement.state === 'value' ? placement.value : null,
    ncYearOverride:
      override.state === 'value' && override.value >= -1 && override.value <= 13 ? override.value : null,
  };
}

/** `rowFactsFrom` for every row, by worksheet row number: the `facts` input of the write plan. */
export function factsByRow(rows: readonly CanonicalRow[]): Map<number, RowFacts> {
  return new Map(rows.map((row) => [row.row, rowFactsFrom(row)]));
}
