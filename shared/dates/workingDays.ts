/**
 * Working days: Monday to Friday that are not England and Wales bank holidays
 * (RULES.md section 1), with the holidays taken from the maintained `date-holidays`
 * calendar (GB/ENG), which includes substitute days and one-off holidays.
 */
import Holidays from 'date-holidays';
import { type Day, fromIso, isWeekend, toYmd } from './calendar';

const englandAndWales = new Holidays('GB', 'ENG');

/**
 * Bank holidays moved or added by royal proclamation that the `date-holidays` calendar
 * misses (checked for every year from 1995 to 2035 against an independent list; 2020,
 * 2022 and 2023 it has right). Trackers hold care start dates from well before 2012.
 */
const PROCLAMATIONS: Readonly<
  Record<number, { readonly remove: readonly string[]; readonly add: readonly string[] }>
> = {
  // the early May bank holiday moved to 8 May for the 50th anniversary of VE Day
  1995: { remove: ['1995-05-01'], add: ['1995-05-08'] },
  // the millennium
  1999: { remove: [], add: ['1999-12-31'] },
  // the Golden Jubilee: an extra holiday on 3 June, and the spring holiday moved to 4 June
  2002: { remove: ['2002-05-27'], add: ['2002-06-03', '2002-06-04'] },
  // the royal wedding
  2011: { remove: [], add: ['2011-04-29'] },
  // the Diamond Jubilee: the spring holiday moved to 4 June (5 June the calendar has)
  2012: { remove: ['2012-05-28'], add: ['2012-06-04'] },
};
/** Every bank holiday of the years loaded so far, as day numbers. */
const bankHolidays = new Set<Day>();
const yearsLoaded = new Set<number>();

function loadYear(year: number): void {
  if (yearsLoaded.has(year)) return;
  yearsLoaded.add(year);
  // Only `public` entries are bank holidays. Use the local `date` string, not `start`
  // (a UTC instant that falls on the previous evening in summer).
  for (const holiday of englandAndWales.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const day = fromIso(holiday.date.slice(0, 10));
    if (day !== null) bankHolidays.add(day);
  }
  const proclaimed = PROCLAMATIONS[year];
  if (proclaimed === undefined) return;
  for (const iso of proclaimed.remove) bankHolidays.delete(fromIso(iso) as Day);
  for (const iso of proclaimed.add) bankHolidays.add(fromIso(iso) as Day);
}

export function isBankHoliday(day: Day): boolean {
  loadYear(toYmd(day).year);
  return bankHolidays.has(day);
}

export function isWorkingDay(day: Day): boolean {
  return !isWeekend(day) && !isBankHoliday(day);
}

/** Workdays already walked, by start day and count (counts below the limit only). */
const WORKDAY_COUNT_LIMIT = 1024;
const WORKDAYS_KEPT = 20_000;
const workdays = new Map<number, Day>();

/**
 * Excel `WORKDAY(start, n, holidays)` for n ≥ 0: the n-th working day after `start`
 * (`start` itself is not counted). "Within N working days of X" means on or before this.
 */
export function workday(start: Day, n: number): Day {
  // Trackers repeat the same few start days and counts row after row (a first review
  // 20 working days after becoming looked after): each is walked once.
  if (n < 0 || n >= WORKDAY_COUNT_LIMIT) return walkWorkdays(start, n);
  const key = start * WORKDAY_COUNT_LIMIT + n;
  let day = workdays.get(key);
  if (day === undefined) {
    day = walkWorkdays(start, n);
    if (workdays.size >= WORKDAYS_KEPT) workdays.clear();
    workdays.set(key, day);
  }
  return day;
}

function walkWorkdays(start: Day, n: number): Day {
  // Load every year the walk can reach (n working days span at most ~1.5n calendar days
  // plus the Christmas holidays), then step through plain day numbers.
  const firstYear = toYmd(start).year;
  const lastYear = toYmd(start + 2 * n + 14).year;
  for (let year = firstYear; year <= lastYear; year += 1) loadYear(year);
  let day = start;
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (!isWeekend(day) && !bankHolidays.has(day)) remaining -= 1;
  }
  return day;
}
