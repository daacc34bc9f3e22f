/**
 * Reading tracker cells (RULES.md section 3).
 *
 * A team's tracker holds whatever people typed: Excel dates, serial numbers, UK text dates,
 * "Y", "✓", "N/A", "passport seen". Each reader turns one raw cell into exactly one of:
 * blank (nothing recorded), a value, or unreadable (something is there but we cannot tell
 * what it means). Unreadable is never silently treated as blank: the rules turn it into
 * "Check data" and quote the text back to the worker, who is the only one who knows what
 * "TBC" meant.
 *
 * The same readers also read the service's wire format (ISO dates, booleans, numbers,
 * canonical enum strings, `{ unreadable: true }`), so the pane, the CLI and the Function
 * give the same answer for the same row.
 *
 * `readDate` runs for every date cell of every row: the all-digit forms are parsed by hand,
 * the rest by precompiled regular expressions, and dates are integer day numbers (no date
 * objects). The yes/no and enum readers remember the few distinct texts a column repeats.
 */
import {
  type Day,
  fromExcelSerial,
  fromJsDate,
  fromYmd,
  isValidYmd,
  toExcelSerial,
  toIso,
  toUk,
} from './dates/calendar';
import {
  type EetStatus,
  type LeavingCareStatus,
  type PlacementType,
  LEAVING_CARE_STATUSES,
  PLACEMENT_TYPES,
} from './fields';
import { memoByKey } from './memo';

/** A cell value as a spreadsheet reader or the service's wire format hands it over. */
export type RawCell = string | number | boolean | Date | null | undefined | { readonly unreadable: true };

export type CellReading<T> =
  | { readonly state: 'blank' }
  | { readonly state: 'value'; readonly value: T }
  | { readonly state: 'unreadable'; readonly text: string };

export type CellReader<T> = (raw: RawCell) => CellReading<T>;

/** A date of birth; `monthOnly` when only the month was known and the 15th was assumed (DfE convention). */
export interface BirthDate {
  readonly day: Day;
  readonly monthOnly: boolean;
}

const BLANK: CellReading<never> = Object.freeze({ state: 'blank' });

/** How much of an unreadable cell we quote back in an explanation. */
export const QUOTE_LIMIT = 40;

/*
 * A new reading per cell, not one kept per calendar day: the reading dies at once (the
 * rules keep only the value), while looking a kept one up for any day of two centuries
 * misses the processor's cache on most cells; measured, the engine is about 8% slower so.
 */
function value<T>(v: T): CellReading<T> {
  return { state: 'value', value: v };
}

function unreadable(text: string): CellReading<never> {
  return { state: 'unreadable', text: quote(text) };
}

const YES: CellReading<boolean> = Object.freeze({ state: 'value', value: true });
const NO: CellReading<boolean> = Object.freeze({ state: 'value', value: false });
const yesOrNo = (yes: boolean): CellReading<boolean> => (yes ? YES : NO);

/**
 * Remembers the readings of texts. Yes/no and enum columns repeat a handful of texts
 * ("Y", "Foster", "EET") down 20,000 rows, so each distinct text is worked out once.
 * Readers are pure and readings immutable, so sharing them is safe; the cache is bounded.
 */
function memoText<T>(read: (text: string) => CellReading<T>): (text: string) => CellReading<T> {
  return memoByKey((text: string) => Object.freeze(read(text)), TEXTS_KEPT);
}

/** Distinct texts each reader remembers. */
const TEXTS_KEPT = 2048;

/** The cell as typed, trimmed and capped so an explanation stays one line. */
export function quote(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > QUOTE_LIMIT ? `${t.slice(0, QUOTE_LIMIT - 1)}…` : t;
}

/** True when the cell holds nothing: null, undefined, '' or only whitespace. */
export function isBlankCell(raw: RawCell): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  return false;
}

/**
 * The cell as a person would read it, for the summary sheets and for quoting: text as
 * typed, dates as dd/mm/yyyy, TRUE/FALSE for booleans, '' for blank or unreadable.
 */
export function cellText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw instanceof Date) {
    const day = fromJsDate(raw);
    return day === null ? '' : toUk(day);
  }
  return '';
}

/**
 * Turns what a spreadsheet library hands over (ExcelJS rich text, formula results,
 * hyperlinks, error values) into a RawCell. Adapters call this once per cell; the readers
 * then only see the plain shapes above.
 */
export function toRawCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.unreadable === true) return { unreadable: true };
    if (Array.isArray(o.richText)) {
      return o.richText.map((part) => (part && typeof part.text === 'string' ? part.text : '')).join('');
    }
    if ('result' in o) return o.result === undefined ? null : toRawCell(o.result);
    // a formula whose result was never saved: something is there, but it cannot be read
    if ('formula' in o || 'sharedFormula' in o) return { unreadable: true };
    if (typeof o.text === 'string') return o.text; // hyperlink
    if ('error' in o) return { unreadable: true }; // #N/A, #REF! ...
  }
  return { unreadable: true };
}

// ---------------------------------------------------------------------------------------
// Dates

/**
 * Dates outside 1900–2100 are typing slips (a year of 0210, a stray small number), not
 * dates anyone in the tracker could mean.
 */
export const MIN_DAY: Day = fromYmd(1900, 1, 1);
export const MAX_DAY: Day = fromYmd(2100, 12, 31);
/**
 * Excel serial numbers below 61 fall in January–February 1900, before Excel's phantom
 * 29 February 1900, where serials and real dates disagree by one: no tracker date is that
 * early, so a number that small in a date column is a slip and is unreadable.
 */
const MIN_SERIAL = 61;
const MAX_SERIAL = toExcelSerial(MAX_DAY);

/** yyyy-mm-dd (also yyyy/mm/dd), optionally followed by a time of day, which is ignored. */
const YEAR_FIRST =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
/** dd/mm/yyyy, d/m/yy, dd.mm.yyyy, dd-mm-yyyy (day first, UK), optionally with a time of day. */
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** 3 Apr 2010, 03-Apr-2010, 3 April 2010, 3rd April 2010, 03 Apr 10, 3 Sept. 2010 */
const NAMED_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*([a-z]{3,9})\.?[\s\-/.,]*(\d{2}|\d{4})$/i;

/** month-only forms, for a date of birth only: 05/2009, 5-2009 */
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
/** 2009-05, 2009/05 (also the wire format of a month-only date of birth) */
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
/** May 2009, Sept 2009, May-2009 */
const NAMED_MONTH_YEAR = /^([a-z]{3,9})\.?[\s\-/.,]*(\d{4})$/i;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

/** Excel's rule for two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999. */
export function expandYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function dayOrNull(year: number, month: number, day: number): Day | null {
  if (!isValidYmd(year, month, day)) return null;
  const d = fromYmd(year, month, day);
  return d < MIN_DAY || d > MAX_DAY ? null : d;
}

/**
 * The all-digit forms without a regular expression (this runs for every date cell):
 * d/m/yy, dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy (day first) and yyyy-mm-dd, yyyy/mm/dd.
 * Returns undefined for any other shape (a time of day, a month name), which the regular
 * expressions then decide.
 */
function parseNumericDate(t: string): Day | null | undefined {
  const end = t.length;
  const endA = digitRunEnd(t, 0);
  if (endA === 0 || endA > 4 || endA === end) return undefined;
  const sep = t.charCodeAt(endA);
  if (sep !== 47 && sep !== 45 && sep !== 46) return undefined; // / - .
  const endB = digitRunEnd(t, endA + 1);
  const lb = endB - endA - 1;
  if (lb === 0 || lb > 2 || endB === end || t.charCodeAt(endB) !== sep) return undefined;
  const endY = digitRunEnd(t, endB + 1);
  const ly = endY - endB - 1;
  if (endY !== end || ly === 0) return undefined;
  const a = digitsValue(t, 0, endA);
  const b = digitsValue(t, endA + 1, endB);
  const y = digitsValue(t, endB + 1, endY);
  if (endA <= 2 && (ly === 2 || ly === 4))
    return dayOrNull(ly === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y, b, a);
  if (endA === 4 && ly <= 2) return dayOrNull(a, b, y);
  return null;
}

/** the index after the run of ASCII digits starting at `from` */
function digitRunEnd(t: string, from: number): number {
  let i = from;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

function digitsValue(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (t.charCodeAt(i) - 48);
  return n;
}

/** A trimmed, non-empty text to a day, or null when it is not a full date we accept. */
function parseDateText(t: string): Day | null {
  const first = t.charCodeAt(0);
  if (first < 48 || first > 57) return null; // every full date we accept starts with a digit
  const numeric = parseNumericDate(t);
  if (numeric !== undefined) return numeric;
  let m = DAY_FIRST.exec(t);
  if (m) return dayOrNull(expandYear(m[4]), Number(m[3]), Number(m[1]));
  m = YEAR_FIRST.exec(t);
  if (m) return dayOrNull(Number(m[1]), Number(m[3]), Number(m[4]));
  m = NAMED_MONTH.exec(t);
  if (m) {
    const month = MONTHS.get(m[2].toLowerCase());
    return month === undefined ? null : dayOrNull(expandYear(m[3]), month, Number(m[1]));
  }
  return null;
}

/** The day of an Excel serial number, or NaN when it is not one (see MIN_SERIAL). */
function serialDay(n: number): Day {
  // Excel serials count whole days; a time of day (the fraction) is dropped.
  if (!Number.isFinite(n) || n < MIN_SERIAL || n >= MAX_SERIAL + 1) return NaN;
  return fromExcelSerial(n);
}

/** The day of a JavaScript Date, or NaN when it is invalid or outside 1900–2100. */
function jsDateDay(d: Date): Day {
  const day = fromJsDate(d);
  return day !== null && day >= MIN_DAY && day <= MAX_DAY ? day : NaN;
}

function readSerial(n: number): CellReading<Day> {
  const day = serialDay(n);
  return Number.isNaN(day) ? unreadable(String(n)) : value(day);
}

function readJsDate(d: Date): CellReading<Day> {
  const day = fromJsDate(d);
  if (day === null) return unreadable('');
  return day >= MIN_DAY && day <= MAX_DAY ? value(day) : unreadable(toIso(day));
}

/**
 * The day a date cell holds, or NaN when it holds none: blank or unreadable, and `readDate`
 * then says which. The engine reads every date cell of every row this way, so the usual
 * cell gives a number without a reading object to collect (about a quarter of what an
 * evaluation allocated).
 */
export function dayOf(raw: RawCell): Day {
  if (typeof raw === 'number') return serialDay(raw);
  if (raw instanceof Date) return jsDateDay(raw);
  if (typeof raw !== 'string') return NaN;
  const t = raw.trim();
  return t === '' ? NaN : (parseDateText(t) ?? NaN);
}

/**
 * A calendar date: an Excel serial number, a JavaScript Date, ISO text (a time of day is
 * ignored) or UK text, day first ("03/04/2010", "3/4/10", "3.4.2010", "3 Apr 2010",
 * "03-Apr-2010"). Two-digit years: 00–69 → 2000s, 70–99 → 1900s.
 *
 * Decisions: a number typed as text ("45000") is unreadable, not a serial number: a date
 * column that holds digits as text was not typed as a date, and guessing could produce a
 * plausible wrong deadline. A month without a day is unreadable (only a date of birth may
 * lack its day, RULES.md section 1). TRUE/FALSE are unreadable.
 */
export function readDate(raw: RawCell): CellReading<Day> {
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (t === '') return BLANK;
    const day = parseDateText(t);
    return day === null ? unreadable(t) : value(day);
  }
  if (typeof raw === 'number') return readSerial(raw);
  if (raw === null || raw === undefined) return BLANK;
  if (raw instanceof Date) return readJsDate(raw);
  return readOther(raw);
}

function readOther(raw: RawCell): CellReading<never> {
  if (typeof raw === 'boolean') return unreadable(raw ? 'TRUE' : 'FALSE');
  return unreadable(''); // { unreadable: true } from the wire, or any other object
}

/** The day assumed for a date of birth known only to the month (DfE convention). */
export const MONTH_ONLY_BIRTH_DAY = 15;

function monthOnlyBirth(year: number, month: number): CellReading<BirthDate> | null {
  const day = dayOrNull(year, month, MONTH_ONLY_BIRTH_DAY);
  return day === null ? null : value({ day, monthOnly: true });
}

/**
 * A date of birth: any full date `readDate` accepts, or a month without a day for a child
 * whose day of birth is not known ("05/2009", "2009-05", "May 2009"): then the 15th of
 * that month, with `monthOnly` so the explanation can say so. Month-only forms need a
 * four-digit year: "5/09" or "May 09" could as well be a day and month with no year.
 */
export function readDateOfBirth(raw: RawCell): CellReading<BirthDate> {
  const full = readDate(raw);
  if (full.state === 'value') return value({ day: full.value, monthOnly: false });
  if (full.state === 'blank' || typeof raw !== 'string') return full;
  const t = raw.trim();
  let m = YEAR_MONTH.exec(t);
  let reading: CellReading<BirthDate> | null = null;
  if (m) reading = monthOnlyBirth(Number(m[1]), Number(m[2]));
  else if ((m = MONTH_YEAR.exec(t))) reading = monthOnlyBirth(Number(m[2]), Number(m[1]));
  else if ((m = NAMED_MONTH_YEAR.exec(t))) {
    const month = MONTHS.get(m[1].toLowerCase());
    if (month !== undefined) reading = monthOnlyBirth(Number(m[2]), month);
  }
  return reading ?? full;
}

// ---------------------------------------------------------------------------------------
// Yes/no, documents, presence

/** Variation selector that turns ✔ into an emoji: same meaning. */
const VARIATION_SELECTOR = /\uFE0F/g;

const YES_TEXT = new Set(['y', 'yes', 'true', '1', 'done', '✓', '✔', '☑', '✅']);
const NO_TEXT = new Set(['n', 'no', 'false', '0', 'x', '✗', '✘', '❌', '☒', '✖']);

/** Lower case, punctuation dropped, spaces collapsed: "N/A" → "n a", "Yes." → "yes", "-" → "". */
function words(t: string): string {
  const lower = t.toLowerCase();
  if (PLAIN_WORDS.test(lower)) return lower;
  return lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
const PLAIN_WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** the yes/no meaning of a trimmed, non-empty text, or null */
function yesNoText(t: string): boolean | null {
  const symbol = t.includes('\uFE0F') ? t.replace(VARIATION_SELECTOR, '') : t;
  if (YES_TEXT.has(symbol)) return true;
  if (NO_TEXT.has(symbol)) return false;
  const w = words(t);
  if (YES_TEXT.has(w)) return true;
  if (NO_TEXT.has(w)) return false;
  return null;
}

const yesNoCell = memoText((raw): CellReading<boolean> => {
  const t = raw.trim();
  if (t === '') return BLANK;
  const yn = yesNoText(t);
  return yn === null ? unreadable(t) : yesOrNo(yn);
});

/**
 * Yes/no: yes = Y, Yes, True, 1, Done, ✓, ✔; no = N, No, False, 0, X, ✗, ✘ (case and
 * trailing punctuation ignored); booleans and the numbers 1 and 0; anything else is
 * unreadable (RULES.md section 3).
 */
export function readYesNo(raw: RawCell): CellReading<boolean> {
  if (typeof raw === 'string') return yesNoCell(raw);
  if (typeof raw === 'boolean') return yesOrNo(raw);
  if (typeof raw === 'number') return raw === 1 ? YES : raw === 0 ? NO : unreadable(String(raw));
  if (raw === null || raw === undefined) return BLANK;
  if (raw instanceof Date) return unreadable(cellText(raw));
  return readOther(raw);
}

/**
 * Texts that hold a place rather than an answer ("N/A", "TBC", "unknown", "?", "-"): they
 * are unreadable, not blank (RULES.md section 3), so the worker is asked to confirm.
 */
const PLACEHOLDERS = new Set([
  '',
  'n a',
  'na',
  'tbc',
  'tba',
  'tbd',
  'unknown',
  'not known',
  'unk',
  'dk',
  'nk',
]);

/**
 * Placeholders spelled out or written with a slash, as their short forms: "To be confirmed"
 * is "TBC", "N/K" and "Not known" are "NK", "Not applicable" is "N/A", "Don't know" is "DK".
 * Applied to the start of a text, so "To be confirmed - awaiting" is read as "TBC awaiting".
 */
const SPELLED_PLACEHOLDERS: readonly (readonly [RegExp, string])[] = [
  [/^to be confirmed\b/, 'tbc'],
  [/^to be advised\b/, 'tba'],
  [/^to be decided\b/, 'tbd'],
  [/^(?:don t|dont|do not) know\b/, 'dk'],
  [/^(?:not known|n k)\b/, 'nk'],
  [/^(?:not applicable|n a)\b/, 'na'],
];

function shortPlaceholder(w: string): string {
  for (const [spelled, short] of SPELLED_PLACEHOLDERS) {
    if (spelled.test(w)) return w.replace(spelled, short);
  }
  return w;
}

/**
 * First words that mean "not yet" in a document column: "No", "None", "Not yet",
 * "Applied for", "Awaiting ID". The requirement stays outstanding until it is actually held.
 */
const DOCUMENT_NOT_YET = new Set([
  'no',
  'not',
  'none',
  'nil',
  'awaiting',
  'pending',
  'applied',
  'requested',
  'waiting',
  'outstanding',
]);

function firstWord(w: string): string {
  const space = w.indexOf(' ');
  return space < 0 ? w : w.slice(0, space);
}

/**
 * A lenient yes/no cell (documents, the personal adviser): yes/no words as `readYesNo`,
 * placeholders unreadable, a text whose first word (or the whole text) says "not" is no,
 * a text that starts with a placeholder ("TBC - awaiting", "Unknown, ask carer") is
 * unreadable unless its first word says "not" in this column, and any other text is yes.
 */
function lenientCell(notFirstWords: ReadonlySet<string>, notPhrases: ReadonlySet<string> = new Set()) {
  return memoText((raw): CellReading<boolean> => {
    const t = raw.trim();
    if (t === '') return BLANK;
    const yn = yesNoText(t);
    if (yn !== null) return yesOrNo(yn);
    const w = shortPlaceholder(words(t));
    if (PLACEHOLDERS.has(w)) return unreadable(t);
    const first = firstWord(w);
    if (notPhrases.has(w) || notFirstWords.has(first)) return NO;
    return PLACEHOLDERS.has(first) ? unreadable(t) : YES;
  });
}

const documentCell = lenientCell(DOCUMENT_NOT_YET);

/**
 * A leaving-care document column (NI number, photo ID, bank account, junior ISA, CICA,
 * access to records): yes/no as `readYesNo`, and any other entry, an NI number or
 * "passport seen", counts as yes (RULES.md section 3). A number other than 0 and a date
 * (when it was obtained) count as yes.
 *
 * Decisions: placeholders ("N/A", "TBC", "?", "-") are unreadable, as everywhere; an
 * entry whose first word says it is not held yet ("None", "Not yet", "Applied for",
 * "Awaiting", "Pending") counts as no, so the item stays outstanding.
 */
export function readDocument(raw: RawCell): CellReading<boolean> {
  if (typeof raw === 'string') return documentCell(raw);
  if (typeof raw === 'number') return Number.isFinite(raw) ? yesOrNo(raw !== 0) : unreadable(String(raw));
  if (typeof raw === 'boolean') return yesOrNo(raw);
  if (raw === null || raw === undefined) return BLANK;
  if (raw instanceof Date) return Number.isFinite(raw.getTime()) ? YES : unreadable('');
  return readOther(raw);
}

/**
 * First words that say nobody is named in a personal adviser column ("None allocated",
 * "TBC - awaiting"; a placeholder alone is unreadable).
 */
const NOBODY = new Set([
  ...NO_TEXT,
  ...PLACEHOLDERS,
  'not',
  'none',
  'nil',
  'unallocated',
  'awaiting',
  'pending',
  'vacant',
]);
const NOBODY_PHRASES = new Set(['to be allocated']);

const presenceCell = lenientCell(NOBODY, NOBODY_PHRASES);

/**
 * Whether a text column (the personal adviser's name) is filled in. The rules only ask
 * whether someone is named; on the wire the answer travels as true/false, never the name.
 *
 * Decisions: booleans are read as they are (the wire format); placeholders ("N/A", "TBC",
 * "Unknown", "-") are unreadable, as in every column (RULES.md section 3: Check data where
 * the rule uses the value); "no"-family entries and entries that say nobody is allocated
 * ("None", "Unallocated", "Vacant", "Awaiting allocation", "Not allocated") mean no adviser
 * is named (false). Anything else, a name, counts as true.
 */
export function readPresence(raw: RawCell): CellReading<boolean> {
  if (typeof raw === 'string') return presenceCell(raw);
  if (typeof raw === 'boolean') return yesOrNo(raw);
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'number') return Number.isFinite(raw) ? yesOrNo(raw !== 0) : unreadable(String(raw));
  if (raw instanceof Date) return Number.isFinite(raw.getTime()) ? YES : unreadable('');
  return readOther(raw);
}

// ---------------------------------------------------------------------------------------
// Numbers

const INTEGER_TEXT = /^[+-]?\d{1,7}$/;
/**
 * No count or score in a tracker comes near a million; beyond it a number is a slip (an ID
 * or a date serial in the wrong column). The service's wire format accepts any safe
 * integer, so such a slip comes back as Check data on its row rather than refusing the request.
 */
export const INTEGER_LIMIT = 1_000_000;

/**
 * A whole number (reviews held, SDQ score, NC year override). Range checks, such as SDQ
 * 0–40, belong to the rules, which say what the range is.
 */
export function readInteger(raw: RawCell): CellReading<number> {
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && Math.abs(raw) <= INTEGER_LIMIT ? value(raw + 0) : unreadable(String(raw));
  }
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (t === '') return BLANK;
    const n = INTEGER_TEXT.test(t) ? Number(t) : Number.NaN;
    return Math.abs(n) <= INTEGER_LIMIT ? value(n + 0) : unreadable(t); // + 0: "-0" is 0
  }
  if (raw === null || raw === undefined) return BLANK;
  if (raw instanceof Date) return unreadable(cellText(raw));
  return readOther(raw);
}

// ---------------------------------------------------------------------------------------
// Enums

/**
 * SSDA903 PLACE codes. RULES.md section 3 gives the main ones; the others are from the
 * 903 code set: R5 young offender institution or prison → custody; R2 NHS/health trust,
 * R3 family centre or mother and baby unit, S1 residential school, T0–T4 temporary
 * placements and Z1 other placements → other.
 */
const PLACE_CODES: ReadonlyMap<string, PlacementType> = new Map([
  ['u1', 'foster'],
  ['u2', 'foster'],
  ['u3', 'foster'],
  ['u4', 'foster'],
  ['u5', 'foster'],
  ['u6', 'foster'],
  ['k2', 'residential'],
  ['r1', 'residential'],
  ['k1', 'secure'],
  ['r5', 'custody'],
  ['h5', 'supported'],
  ['p2', 'supported'],
  ['p1', 'parents'],
  ['p3', 'independent'],
  ['a3', 'adoption'],
  ['a4', 'adoption'],
  ['a5', 'adoption'],
  ['a6', 'adoption'],
  ['r2', 'other'],
  ['r3', 'other'],
  ['s1', 'other'],
  ['t0', 'other'],
  ['t1', 'other'],
  ['t2', 'other'],
  ['t3', 'other'],
  ['t4', 'other'],
  ['z1', 'other'],
]);

/**
 * Free-text placement descriptions, tried in this order; the first phrase found as whole
 * words wins. The order settles overlaps: custody before secure ("secure training
 * centre" is youth custody), secure before children's home ("secure children's home"),
 * adoption before foster ("foster to adopt"), foster before parents ("parent and child
 * foster placement"), supported before independent ("semi-independent").
 */
const PLACEMENT_PHRASES: readonly (readonly [PlacementType, readonly string[]])[] = [
  ['unregulated', ['unregulated']],
  [
    'custody',
    [
      'yoi',
      'young offender',
      'young offenders',
      'custody',
      'remand',
      'remanded',
      'prison',
      'secure training centre',
      'stc',
    ],
  ],
  ['secure', ['secure']],
  ['adoption', ['adoption', 'adopt', 'adoptive', 'ffa']],
  [
    'foster',
    [
      'foster',
      'fostering',
      'fostered',
      'kinship',
      'connected person',
      'connected persons',
      'family and friends',
      'friends and family',
      'ifa',
      'reg 24',
      'regulation 24',
    ],
  ],
  [
    'supported',
    [
      'supported',
      'semi independent',
      'semi independence',
      'supported lodgings',
      'lodgings',
      'hostel',
      'foyer',
      'supported accommodation',
    ],
  ],
  ['residential', ['childrens home', 'children home', 'residential', 'resi', 'care home', 'chn home']],
  [
    'parents',
    ['placed with parents', 'with parents', 'parents', 'parent', 'pwp', 'own parents', 'home with family'],
  ],
  ['independent', ['independent living', 'independent', 'own tenancy', 'tenancy', 'own flat']],
  ['other', ['other']],
];

const PLACEMENT_ENUM = new Set<string>(PLACEMENT_TYPES);

/** lower case, apostrophes dropped ("children's" → "childrens"), other punctuation → space */
function enumWords(t: string): string {
  return t
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The placement type (RULES.md section 3): the canonical names themselves (the wire
 * format), 903 PLACE codes (alone or leading a description: "U3 - foster placement"),
 * or a free-text description ("kinship foster", "secure children's home", "semi-independent").
 */
export function readPlacementType(raw: RawCell): CellReading<PlacementType> {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw !== 'string')
    return raw instanceof Date || typeof raw === 'number' ? unreadable(cellText(raw)) : readOther(raw);
  return placementCell(raw);
}

const placementCell = memoText((raw): CellReading<PlacementType> => {
  const t = raw.trim();
  if (t === '') return BLANK;
  const w = enumWords(t);
  if (PLACEMENT_ENUM.has(w)) return value(w as PlacementType);
  const code = PLACE_CODES.get(firstWord(w));
  if (code) return value(code);
  const padded = ` ${w} `;
  for (const [type, phrases] of PLACEMENT_PHRASES) {
    for (const phrase of phrases) if (padded.includes(` ${phrase} `)) return value(type);
  }
  return unreadable(t);
});

/** SSDA903 ACTIV codes (RULES.md section 3). */
const ACTIV_CODES: ReadonlyMap<string, EetStatus> = new Map([
  ['eet', 'EET'],
  ['neet', 'NEET'],
  ['f1', 'EET'],
  ['p1', 'EET'],
  ['f2', 'EET'],
  ['p2', 'EET'],
  ['f4', 'EET'],
  ['p4', 'EET'],
  ['f5', 'EET'],
  ['p5', 'EET'],
  ['g4', 'NEET'],
  ['g5', 'NEET'],
  ['g6', 'NEET'],
]);

/**
 * EET or NEET (case-insensitive), or a 903 ACTIV code: F1, P1, F2, P2, F4, P4, F5, P5 →
 * EET; G4, G5, G6 → NEET. The code or word may lead a description ("F2 - full-time
 * college", "NEET - illness"). Anything else is unreadable.
 */
export function readEetStatus(raw: RawCell): CellReading<EetStatus> {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw !== 'string')
    return raw instanceof Date || typeof raw === 'number' ? unreadable(cellText(raw)) : readOther(raw);
  return eetCell(raw);
}

const eetCell = memoText((raw): CellReading<EetStatus> => {
  const t = raw.trim();
  if (t === '') return BLANK;
  const status = ACTIV_CODES.get(firstWord(enumWords(t)));
  return status ? value(status) : unreadable(t);
});

const LEAVING_CARE_BY_KEY: ReadonlyMap<string, LeavingCareStatus> = new Map(
  LEAVING_CARE_STATUSES.map((s) => [s.toLowerCase().replace(/[^a-z]/g, ''), s]),
);

/**
 * A leaving-care status supplied by the tracker: one of the six statuses, ignoring case,
 * spaces and punctuation ("former relevant", "Former-relevant"). Anything else is unreadable.
 */
export function readLeavingCareStatus(raw: RawCell): CellReading<LeavingCareStatus> {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw !== 'string')
    return raw instanceof Date || typeof raw === 'number' ? unreadable(cellText(raw)) : readOther(raw);
  return leavingCareCell(raw);
}

const leavingCareCell = memoText((raw): CellReading<LeavingCareStatus> => {
  const t = raw.trim();
  if (t === '') return BLANK;
  const status = LEAVING_CARE_BY_KEY.get(t.toLowerCase().replace(/[^a-z]/g, ''));
  return status ? value(status) : unreadable(t);
});
