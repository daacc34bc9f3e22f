/**
 * School years and terms (RULES.md section 5, pep).
 */
import { type Day, fromYmd, toYmd } from './calendar';

/** The calendar year in which the academic year containing `day` began (it begins 1 September). */
export function academicYearStart(day: Day): number {
  const { year, month } = toYmd(day);
  return month >= 9 ? year : year - 1;
}

/**
 * National Curriculum year on `day`: Reception is 0, Year 13 is the school year in which
 * the child turns 18. A child born September to December starts school a year later.
 */
export function ncYear(dateOfBirth: Day, day: Day): number {
  const born = toYmd(dateOfBirth);
  const cohortYear = born.month >= 9 ? born.year + 1 : born.year;
  return academicYearStart(day) - cohortYear - 4;
}

/** A term's first day as month and day; the term runs to the day before the next term starts. */
export interface TermStart {
  readonly name: string;
  readonly month: number;
  readonly day: number;
}

/** The first day of the first term that starts after `day` (terms may be listed in any order). */
function nextTermStart(day: Day, terms: readonly TermStart[]): Day {
  const { year } = toYmd(day);
  let next = Infinity;
  // Some term starts within a year of any day, so this year and next suffice.
  for (let y = year; y <= year + 1; y += 1) {
    for (const term of terms) {
      const start = fromYmd(y, term.month, term.day);
      if (start > day && start < next) next = start;
    }
  }
  return next;
}

/** The last day of the term after the term that contains `day`. */
export function endOfNextTerm(day: Day, terms: readonly TermStart[]): Day {
  return nextTermStart(nextTermStart(day, terms), terms) - 1;
}
