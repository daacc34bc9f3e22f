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

/** The first days of the terms that start on or before `day`'s year end, across three years, in order. */
function termStartsAround(year: number, terms: readonly TermStart[]): Day[] {
  const starts: Day[] = [];
  for (let y = year - 1; y <= year + 1; y += 1) {
    for (const term of terms) starts.push(fromYmd(y, term.month, term.day));
  }
  return starts.sort((a, b) => a - b);
}

/** The last day of the term after the term that contains `day`. */
export function endOfNextTerm(day: Day, terms: readonly TermStart[]): Day {
  const starts = termStartsAround(toYmd(day).year, terms);
  let containing = 0;
  while (containing + 1 < starts.length && starts[containing + 1] <= day) containing += 1;
  return starts[containing + 2] - 1;
}
