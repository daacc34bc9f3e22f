/**
 * Working days: Monday to Friday that are not England and Wales bank holidays
 * (RULES.md section 1), with the holidays taken from the maintained `date-holidays`
 * calendar (GB/ENG), which includes substitute days and one-off holidays.
 */
import Holidays from 'date-holidays';
import { type Day, fromIso, isWeekend, toYmd } from './calendar';

const englandAndWales = new Holidays('GB', 'ENG');
const holidaysByYear = new Map<number, ReadonlySet<Day>>();

function bankHolidaysIn(year: number): ReadonlySet<Day> {
  let days = holidaysByYear.get(year);
  if (!days) {
    // Only `public` entries are bank holidays. Use the local `date` string, not `start`
    // (a UTC instant that falls on the previous evening in summer).
    days = new Set(
      englandAndWales
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => fromIso(holiday.date.slice(0, 10)))
        .filter((day): day is Day => day !== null),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

export function isBankHoliday(day: Day): boolean {
  return bankHolidaysIn(toYmd(day).year).has(day);
}

export function isWorkingDay(day: Day): boolean {
  return !isWeekend(day) && !isBankHoliday(day);
}

/**
 * Excel `WORKDAY(start, n, holidays)` for n ≥ 0: the n-th working day after `start`
 * (`start` itself is not counted). "Within N working days of X" means on or before this.
 */
export function workday(start: Day, n: number): Day {
  let day = start;
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDay(day)) remaining -= 1;
  }
  return day;
}
