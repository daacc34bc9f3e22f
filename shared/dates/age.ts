/**
 * Ages (RULES.md section 1): "age Y years M months" is reached at the start of
 * EDATE(DOB, 12*Y + M).
 */
import { type Day, type Ymd, addMonths, toYmd } from './calendar';

/**
 * How a 29 February birthday falls in a common year: `feb28` (Excel and the SSDA903
 * validator) or `mar1` (some authorities).
 */
export type LeapDayBirthdays = 'feb28' | 'mar1';

export function ageDate(
  dateOfBirth: Day,
  years: number,
  months = 0,
  leapDay: LeapDayBirthdays = 'feb28',
): Day {
  return ageDateOf(toYmd(dateOfBirth), years, months, leapDay);
}

/** `ageDate` from a date of birth already split into year, month and day. */
export function ageDateOf(born: Ymd, years: number, months: number, leapDay: LeapDayBirthdays): Day {
  const reached = addMonths(born, 12 * years + months);
  if (leapDay === 'mar1' && born.month === 2 && born.day === 29) {
    const onDate = toYmd(reached);
    if (onDate.month === 2 && onDate.day === 28) return reached + 1;
  }
  return reached;
}

/** Whole years and months attained on `on` (for display: "16y 3m"). */
export function ageOn(
  dateOfBirth: Day,
  on: Day,
  leapDay: LeapDayBirthdays = 'feb28',
): { years: number; months: number } {
  const born = toYmd(dateOfBirth);
  const at = toYmd(on);
  let totalMonths = (at.year - born.year) * 12 + (at.month - born.month) + 1;
  while (totalMonths > 0 && ageDate(dateOfBirth, 0, totalMonths, leapDay) > on) totalMonths -= 1;
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12 };
}
