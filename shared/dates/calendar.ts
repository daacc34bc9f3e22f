/**
 * Calendar dates as whole day numbers (RULES.md section 1).
 *
 * Every date in the rules is a calendar date with no time of day, so we carry it as an
 * integer: days since 1970-01-01. Arithmetic on a row is then plain integer maths, which
 * keeps a 20,000-row tracker well inside a second. luxon is used at the edges (today in
 * Europe/London, and as the reference implementation in the property tests).
 */
import { DateTime } from 'luxon';
import { IndexedTable, memoByIndex } from '../memo';

/** Days since 1970-01-01 (may be negative). */
export type Day = number;

export interface Ymd {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

/** Excel serial 25569 is 1970-01-01 (Excel's 1900 system, after its phantom 29 Feb 1900). */
export const EXCEL_EPOCH_OFFSET = 25_569;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Days from civil date (proleptic Gregorian); after H. Hinnant's `days_from_civil`. */
export function fromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function toYmd(dayNumber: Day): Ymd {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: Day): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: Day): boolean {
  return weekday(dayNumber) >= 5;
}

/**
 * Excel `EDATE`: add calendar months; a day that does not exist in the target month
 * becomes that month's last day (31 Aug + 6 months = 28/29 Feb).
 */
export function edate(dayNumber: Day, months: number): Day {
  return addMonths(toYmd(dayNumber), months);
}

/** `edate` from a date already split into year, month and day. */
export function addMonths({ year, month, day }: Ymd, months: number): Day {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return fromYmd(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function addDays(dayNumber: Day, days: number): Day {
  return dayNumber + days;
}

/**
 * Every result carries its dates as text (ISO for machines, dd/mm/yyyy in explanations), and
 * formatting them was most of the cost of evaluating a row. The days any tracker uses fall
 * in a narrow range, so each day's text is made once and kept.
 */
const FIRST_KEPT_DAY = -25_567; // 1900-01-01
const LAST_KEPT_DAY = 47_846; // 2100-12-31
const KEPT_DAYS = LAST_KEPT_DAY - FIRST_KEPT_DAY + 1;

/**
 * `build(day)`, worked out once per day from 1900 to 2100 and kept (each time outside it, or
 * once `maxKept` days are kept). Date texts and the sentences of explanations are made this
 * way.
 */
export function memoByDay<T>(build: (dayNumber: Day) => T, maxKept?: number): (dayNumber: Day) => T {
  const byOffset = memoByIndex((offset) => build(offset + FIRST_KEPT_DAY), KEPT_DAYS, maxKept);
  return (dayNumber) => byOffset(dayNumber - FIRST_KEPT_DAY);
}

/** How many days a `DayTable` keeps in a Map before it moves them into an `IndexedTable`. */
const FEW_DAYS = 64;

/**
 * A value for each day from 1900 to 2100 that has been given one. The first few days are
 * kept in a Map: an evaluation of a short tracker fills a hundred tables with a handful of
 * days each, and allocating a block of 512 days for each made a 60-row evaluation a third
 * slower. Past that, an `IndexedTable`, which is quicker to read.
 */
export class DayTable<T> {
  private few: Map<Day, T> | null = new Map<Day, T>();
  private many: IndexedTable<T> | null = null;

  get(dayNumber: Day): T | undefined {
    if (this.few !== null) return this.few.get(dayNumber);
    return (this.many as IndexedTable<T>).get(dayNumber - FIRST_KEPT_DAY);
  }

  /** Sets the value for the day; false (and nothing kept) for a day outside 1900 to 2100. */
  set(dayNumber: Day, value: T): boolean {
    if (this.few === null) return (this.many as IndexedTable<T>).set(dayNumber - FIRST_KEPT_DAY, value);
    if (!(dayNumber >= FIRST_KEPT_DAY && dayNumber <= LAST_KEPT_DAY && Number.isInteger(dayNumber))) {
      return false;
    }
    this.few.set(dayNumber, value);
    if (this.few.size > FEW_DAYS) {
      const many = new IndexedTable<T>(KEPT_DAYS);
      for (const [day, kept] of this.few) many.set(day - FIRST_KEPT_DAY, kept);
      this.many = many;
      this.few = null;
    }
    return true;
  }
}

const isoText = ({ year, month, day }: Ymd) => `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
const ukText = ({ year, month, day }: Ymd) => `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;

export const toIso: (dayNumber: Day) => string = memoByDay((dayNumber) => isoText(toYmd(dayNumber)));

/** dd/MM/yyyy: how the explanations show dates to UK users. */
export const toUk: (dayNumber: Day) => string = memoByDay((dayNumber) => ukText(toYmd(dayNumber)));

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict `YYYY-MM-DD`; null when it is not a real calendar date. */
export function fromIso(text: string): Day | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidYmd(year, month, day) ? fromYmd(year, month, day) : null;
}

export function toExcelSerial(dayNumber: Day): number {
  return dayNumber + EXCEL_EPOCH_OFFSET;
}

/** Whole-day Excel serial (1900 date system) to a day; the time of day is dropped. */
export function fromExcelSerial(serial: number): Day {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

/**
 * A JavaScript Date to a calendar day. Spreadsheet readers (ExcelJS among them) hand
 * dates over as UTC midnight of the date the user typed, so the UTC date is the one meant.
 */
export function fromJsDate(date: Date): Day | null {
  const ms = date.getTime();
  return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : null;
}

export function toJsDate(dayNumber: Day): Date {
  return new Date(dayNumber * MS_PER_DAY);
}

/** Today's date in England, whatever the machine's time zone. */
export function todayInLondon(now: Date = new Date()): Day {
  const london = DateTime.fromJSDate(now, { zone: 'Europe/London' });
  return fromYmd(london.year, london.month, london.day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
