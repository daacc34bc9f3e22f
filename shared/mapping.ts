/**
 * The column mapper (RULES.md section 3): which of the tracker's columns holds which
 * canonical field.
 *
 * A team's headers are its own ("D.O.B.", "Date of last LAC review (IRO)", "PA"). The
 * mapper proposes a mapping from the synonyms in `fields.ts`; the user confirms or
 * corrects it, and an explicit mapping (`{ "<canonical field>": "<header text>" }`)
 * always wins over the proposal.
 *
 * Matching is meant to be explainable in one sentence, strongest first:
 * - **exact**: the header is the field's label or canonical name ("Date of birth", "dateOfBirth");
 * - **synonym**: the header is one of the field's synonyms ("D.O.B.", "Last LAC review"),
 *   also when it only adds filler words such as "date" or "of" ("PA referral date");
 * - **partial**: the header contains every word of a synonym ("Date of last LAC review
 *   (IRO)" contains "last LAC review"); the synonym with most words wins, so "Last PA
 *   contact" is the PA contact date, not the personal adviser; a header saying the date is
 *   still to come ("Next LAC review due") is not a partial match for the date of something
 *   done.
 * Case, spaces, dots, punctuation and word order are ignored throughout, and ordinals in
 * figures are words ("1st review" is the first review).
 */
import { type RawCell, cellText, toRawCell } from './cells';
import { FIELDS, FIELD_BY_NAME, FIELD_NAMES, type FieldName, isFieldName } from './fields';

/** field → 1-based worksheet column */
export type Mapping = Partial<Record<FieldName, number>>;

export type Confidence = 'exact' | 'synonym' | 'partial';

export interface ColumnMatch {
  readonly field: FieldName;
  /** 1-based worksheet column */
  readonly column: number;
  readonly header: string;
  readonly confidence: Confidence;
}

export interface UnmappedColumn {
  readonly column: number;
  readonly header: string;
}

export type Ambiguity =
  /** several columns look like the same field: the first/best is used, the others are not */
  | {
      readonly kind: 'duplicate';
      readonly field: FieldName;
      readonly columns: readonly number[];
      readonly headers: readonly string[];
      readonly chosen: number;
      readonly message: string;
    }
  /** one header matches two or more fields equally well: it is left unmapped */
  | {
      readonly kind: 'header';
      readonly column: number;
      readonly header: string;
      readonly fields: readonly FieldName[];
      readonly message: string;
    };

export interface ProposedMapping {
  /** in column order */
  readonly columns: readonly ColumnMatch[];
  readonly mapping: Mapping;
  /** columns with a header that were not mapped */
  readonly unmapped: readonly UnmappedColumn[];
  readonly ambiguities: readonly Ambiguity[];
  /**
   * A tracker that splits the name into forename and surname: `name` is mapped to the
   * forename column and this is the surname column; the tracker reader joins them. (A
   * surname column beside a full-name column is not joined: it is just unmapped.)
   */
  readonly surname?: UnmappedColumn;
}

/** An explicit mapping that names an unknown field or a header the sheet does not have. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
}

// ---------------------------------------------------------------------------------------
// Normalising headers

/**
 * Words that carry no meaning in a header: "Date of last review" means "Last review".
 * "last" and "first" are NOT filler: "Last SDQ" is a date, "SDQ" a score.
 */
const FILLER = new Set([
  'date',
  'dates',
  'of',
  'the',
  'a',
  'an',
  'on',
  'for',
  'with',
  'dd',
  'mm',
  'yy',
  'yyyy',
]);

/** Ordinals written in figures, as words: "1st review" is the first review. */
const ORDINALS: ReadonlyMap<string, string> = new Map([
  ['1st', 'first'],
  ['2nd', 'second'],
  ['3rd', 'third'],
]);

/** the words of a header: lower case, dots and apostrophes joined ("D.O.B." → dob), other punctuation a space */
function headerWords(text: string): string[] {
  const t = text
    .toLowerCase()
    .replace(/['’`]s\b/g, '') // "Child's name" = "Child name"
    .replace(/[.'’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return t === '' ? [] : t.split(' ').map((word) => ORDINALS.get(word) ?? word);
}

/**
 * Words that make a header a date still to come: "Next LAC review due", "PEP planned". A
 * partial match takes such a header only for a date that may lie ahead (a planned care
 * end), never for the date something was done or for a value that is not a date, which it
 * would otherwise be by its other words ("review", "PEP", "PA"): the tracker's own due
 * dates are left unmapped, as the tool works them out itself.
 */
const STILL_TO_COME = new Set([
  'next',
  'due',
  'planned',
  'booked',
  'scheduled',
  'expected',
  'deadline',
  'target',
  'proposed',
  'upcoming',
]);

/**
 * A header as the mapper compares it: lower case, spaces, dots and punctuation dropped,
 * word order irrelevant. "Date of birth", "DATE OF BIRTH." and "birth date of" all give
 * "birth date of"; "D.O.B." gives "dob".
 */
export function normaliseHeader(text: string): string {
  return headerWords(text).sort().join(' ');
}

/** the header's meaningful words, sorted: "PA referral date" and "PA referral" give the same */
function strongKey(words: readonly string[]): string {
  return words
    .filter((w) => !FILLER.has(w))
    .sort()
    .join(' ');
}

/** A header cell as display text: rich text, numbers and dates coerced, whitespace collapsed. */
export function headerText(cell: unknown): string {
  return cellText(toRawCell(cell)).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------
// The synonym index (built once)

interface SynonymEntry {
  readonly field: FieldName;
  /** meaningful words of the synonym */
  readonly strong: readonly string[];
  /** whether the field is a date that may lie ahead: a date, but not a completion date (RULES.md section 2) */
  readonly mayBeAhead: boolean;
}

/** normalised label or compact canonical name → field */
const EXACT = new Map<string, FieldName>();
/** normalised synonym → field */
const SYNONYM = new Map<string, FieldName>();
/** strong key of a synonym → fields */
const STRONG = new Map<string, FieldName[]>();
const ENTRIES: SynonymEntry[] = [];

function addUnique<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item);
}

for (const spec of FIELDS) {
  const field = spec.name as FieldName;
  EXACT.set(normaliseHeader(spec.label), field);
  EXACT.set(spec.name.toLowerCase(), field);
  for (const synonym of [spec.label, ...spec.synonyms]) {
    const words = headerWords(synonym);
    if (!SYNONYM.has(normaliseHeader(synonym))) SYNONYM.set(normaliseHeader(synonym), field);
    const strong = words.filter((w) => !FILLER.has(w));
    if (strong.length === 0) continue;
    const key = strongKey(words);
    const fields = STRONG.get(key) ?? [];
    addUnique(fields, field);
    STRONG.set(key, fields);
    ENTRIES.push({ field, strong, mayBeAhead: spec.kind === 'date' && spec.completion !== true });
  }
}

/** Headers that hold the surname of a tracker that splits names. */
const SURNAME = new Set(['surname', 'last name', 'family name', 'surnames'].map(normaliseHeader));
/** Headers that hold the forename (mapped to `name` when a surname column exists). */
const FORENAME = new Set(
  ['forename', 'forenames', 'first name', 'first names', 'given name', 'given names', 'christian name'].map(
    normaliseHeader,
  ),
);

/** whether the name column holds only the forename, so a surname column should be joined to it */
function isForename(header: string | undefined): boolean {
  return header !== undefined && FORENAME.has(normaliseHeader(header));
}

export interface Candidate {
  readonly field: FieldName;
  readonly confidence: Confidence;
  /** higher is better */
  readonly score: number;
}

const SCORE_EXACT = 1000;
const SCORE_SYNONYM = 900;
const SCORE_SYNONYM_FILLER = 800;

/** words of the synonym all present in the header (a multiset test, words are few) */
function containsAll(header: readonly string[], words: readonly string[]): boolean {
  for (const w of words) if (!header.includes(w)) return false;
  return true;
}

/**
 * The fields a header could be, best first; the best may be shared by several fields
 * (an ambiguous header).
 */
export function candidatesFor(header: string): Candidate[] {
  const words = headerWords(header);
  if (words.length === 0) return [];
  const key = [...words].sort().join(' ');
  const compact = words.join('');
  const exact = EXACT.get(key) ?? EXACT.get(compact);
  if (exact) return [{ field: exact, confidence: 'exact', score: SCORE_EXACT }];
  const synonym = SYNONYM.get(key);
  if (synonym) return [{ field: synonym, confidence: 'synonym', score: SCORE_SYNONYM }];
  const strong = strongKey(words);
  if (strong === '') return [];
  const byStrong = STRONG.get(strong);
  if (byStrong)
    return byStrong.map((field) => ({ field, confidence: 'synonym', score: SCORE_SYNONYM_FILLER }));
  const best = new Map<FieldName, number>();
  const stillToCome = words.filter((w) => STILL_TO_COME.has(w));
  for (const entry of ENTRIES) {
    if (entry.strong.length > words.length || !containsAll(words, entry.strong)) continue;
    if (!entry.mayBeAhead && stillToCome.some((w) => !entry.strong.includes(w))) continue;
    best.set(entry.field, Math.max(best.get(entry.field) ?? 0, entry.strong.length));
  }
  return [...best]
    .map(([field, score]) => ({ field, confidence: 'partial' as const, score }))
    .sort((a, b) => b.score - a.score || FIELD_NAMES.indexOf(a.field) - FIELD_NAMES.indexOf(b.field));
}

/** the single best field for a header, or the tied fields when it is ambiguous */
function bestFor(
  header: string,
): { field: FieldName; confidence: Confidence; score: number } | { tied: FieldName[] } | null {
  const candidates = candidatesFor(header);
  if (candidates.length === 0) return null;
  const top = candidates.filter((c) => c.score === candidates[0].score);
  return top.length === 1 ? top[0] : { tied: top.map((c) => c.field) };
}

// ---------------------------------------------------------------------------------------
// Proposing a mapping

function label(field: FieldName): string {
  return FIELD_BY_NAME[field].label;
}

function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Proposes which column holds which field, from the header row's cells (column 1 first).
 * Each field gets at most one column and each column at most one field. When several
 * columns look like the same field, the strongest match (then the leftmost) is used and the
 * others are reported; a header that fits two fields equally well is left unmapped and
 * reported, for the user to settle.
 */
export function proposeMapping(headerCells: readonly unknown[]): ProposedMapping {
  const headers = headerCells.map(headerText);
  const ambiguities: Ambiguity[] = [];
  const picks: { column: number; header: string; field: FieldName; confidence: Confidence; score: number }[] =
    [];
  const surnames: UnmappedColumn[] = [];
  const forenames: UnmappedColumn[] = [];

  headers.forEach((header, index) => {
    if (header === '') return;
    const column = index + 1;
    const key = normaliseHeader(header);
    if (SURNAME.has(key)) {
      surnames.push({ column, header });
      return;
    }
    if (FORENAME.has(key)) forenames.push({ column, header });
    const best = bestFor(header);
    if (best === null) return;
    if ('tied' in best) {
      ambiguities.push({
        kind: 'header',
        column,
        header,
        fields: best.tied,
        message: `Column ${columnLetter(column)} "${header}" could be ${best.tied
          .map((f) => `${label(f)} (${f})`)
          .join(' or ')}: choose one in the column mapping.`,
      });
      return;
    }
    picks.push({ column, header, ...best });
  });

  // Forename + surname: the forename column is the name; the surname is joined to it.
  let surname: UnmappedColumn | undefined = surnames[0];
  if (surname && !picks.some((p) => p.field === 'name')) {
    if (forenames.length === 0) {
      // only a surname column: it is the best name there is
      picks.push({
        column: surname.column,
        header: surname.header,
        field: 'name',
        confidence: 'partial',
        score: 1,
      });
      surname = undefined;
    }
  }

  // Strongest first, then leftmost: each field goes to one column.
  const ordered = [...picks].sort((a, b) => b.score - a.score || a.column - b.column);
  const chosen = new Map<FieldName, (typeof picks)[number]>();
  const losers = new Map<FieldName, (typeof picks)[number][]>();
  for (const pick of ordered) {
    if (!chosen.has(pick.field)) chosen.set(pick.field, pick);
    else losers.set(pick.field, [...(losers.get(pick.field) ?? []), pick]);
  }
  for (const [field, lost] of losers) {
    const winner = chosen.get(field)!;
    const all = [winner, ...lost].sort((a, b) => a.column - b.column);
    ambiguities.push({
      kind: 'duplicate',
      field,
      columns: all.map((p) => p.column),
      headers: all.map((p) => p.header),
      chosen: winner.column,
      message: `${all.length} columns look like ${label(field)} (${field}): ${all
        .map((p) => `${columnLetter(p.column)} "${p.header}"`)
        .join(', ')}. Using column ${columnLetter(winner.column)}; change the mapping if another is right.`,
    });
  }

  const columns = [...chosen.values()]
    .sort((a, b) => a.column - b.column)
    .map(({ field, column, header, confidence }) => ({ field, column, header, confidence }));
  const used = new Set(columns.map((c) => c.column));
  if (surname && isForename(chosen.get('name')?.header)) used.add(surname.column);
  else surname = undefined;
  const unmapped = headers.flatMap((header, index) =>
    header !== '' && !used.has(index + 1) ? [{ column: index + 1, header }] : [],
  );
  ambiguities.sort((a, b) => firstColumn(a) - firstColumn(b));
  return { columns, mapping: toMapping(columns), unmapped, ambiguities, ...(surname ? { surname } : {}) };
}

function firstColumn(a: Ambiguity): number {
  return a.kind === 'header' ? a.column : a.columns[0];
}

function toMapping(columns: readonly ColumnMatch[]): Mapping {
  const mapping: Mapping = {};
  for (const c of columns) mapping[c.field] = c.column;
  return mapping;
}

// ---------------------------------------------------------------------------------------
// Finding the header row

export interface HeaderRow {
  /** 0-based index into the rows given */
  readonly index: number;
  /** the worksheet row number the user sees */
  readonly rowNumber: number;
  /** how many fields the row's headers matched */
  readonly matches: number;
}

/**
 * Finds the header row: trackers often have a title, a date and blank rows above it. The
 * row whose cells match the most fields wins (a date-of-birth header counts double, as
 * every rule needs it; ties go to the higher row). A row needs at least two matched fields
 * including the date of birth, or three without it; otherwise null.
 *
 * `firstRowNumber` is the worksheet row number of `rows[0]`.
 */
export function findHeaderRow(
  rows: readonly (readonly unknown[])[],
  maxScan = 30,
  firstRowNumber = 1,
): HeaderRow | null {
  let best: HeaderRow | null = null;
  let bestScore = 0;
  const limit = Math.min(rows.length, maxScan);
  for (let index = 0; index < limit; index++) {
    const fields = new Set<FieldName>();
    for (const cell of rows[index] ?? []) {
      const header = headerText(cell);
      if (header === '') continue;
      const found = bestFor(header);
      if (found && !('tied' in found)) fields.add(found.field);
      else if (SURNAME.has(normaliseHeader(header))) fields.add('name');
    }
    const hasDob = fields.has('dateOfBirth');
    if (fields.size < (hasDob ? 2 : 3)) continue;
    const score = fields.size + (hasDob ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { index, rowNumber: firstRowNumber + index, matches: fields.size };
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Explicit mappings

function fieldList(): string {
  return FIELD_NAMES.join(', ');
}

/**
 * Applies the user's explicit mapping (`{ "<canonical field>": "<header text>" }`) over the
 * proposal: explicit entries win, the rest of the proposal stays. A header is found by its
 * text (case and spacing ignored), then by its normalised form. An empty header text
 * ("") un-maps the field. Throws a MappingError naming every unknown field and every header
 * the sheet does not have.
 */
export function applyExplicitMapping(
  headerCells: readonly unknown[],
  explicit: Readonly<Record<string, string>>,
): ProposedMapping {
  const proposal = proposeMapping(headerCells);
  const headers = headerCells.map(headerText);
  const problems: string[] = [];
  const assigned = new Map<FieldName, number | null>();
  const byColumn = new Map<number, FieldName>();

  for (const [field, wanted] of Object.entries(explicit)) {
    if (!isFieldName(field)) {
      const guess = bestFor(field);
      problems.push(
        guess && !('tied' in guess)
          ? `"${field}" is not a tracker field (did you mean ${guess.field}?)`
          : `"${field}" is not a tracker field (the fields are: ${fieldList()})`,
      );
      continue;
    }
    if (typeof wanted !== 'string') {
      problems.push(`the header for ${field} must be text`);
      continue;
    }
    if (wanted.trim() === '') {
      assigned.set(field, null);
      continue;
    }
    const column = findHeader(headers, wanted);
    if (column === null) {
      const present = headers.filter((h) => h !== '');
      problems.push(
        `there is no column headed "${wanted}" for ${field} (the headers are: ${present.map((h) => `"${h}"`).join(', ')})`,
      );
      continue;
    }
    const other = byColumn.get(column);
    if (other) {
      problems.push(
        `column ${columnLetter(column)} "${headers[column - 1]}" is given for both ${other} and ${field}`,
      );
      continue;
    }
    byColumn.set(column, field);
    assigned.set(field, column);
  }
  if (problems.length > 0) {
    throw new MappingError(`The column mapping cannot be used: ${problems.join('; ')}.`);
  }

  const columns: ColumnMatch[] = [];
  for (const match of proposal.columns) {
    // a proposal loses its column when the user gave the field, or the column, to something else
    if (assigned.has(match.field) || byColumn.has(match.column)) continue;
    columns.push(match);
  }
  for (const [field, column] of assigned) {
    if (column !== null) columns.push({ field, column, header: headers[column - 1], confidence: 'exact' });
  }
  columns.sort((a, b) => a.column - b.column);
  const used = new Set(columns.map((c) => c.column));
  const surname =
    proposal.surname &&
    !used.has(proposal.surname.column) &&
    isForename(columns.find((c) => c.field === 'name')?.header)
      ? proposal.surname
      : undefined;
  if (surname) used.add(surname.column);
  const unmapped = headers.flatMap((header, index) =>
    header !== '' && !used.has(index + 1) ? [{ column: index + 1, header }] : [],
  );
  // ambiguities the user has settled are dropped
  const ambiguities = proposal.ambiguities.filter((a) =>
    a.kind === 'duplicate'
      ? !assigned.has(a.field)
      : !byColumn.has(a.column) && !a.fields.some((f) => assigned.has(f)),
  );
  return { columns, mapping: toMapping(columns), unmapped, ambiguities, ...(surname ? { surname } : {}) };
}

function findHeader(headers: readonly string[], wanted: string): number | null {
  const text = wanted.replace(/\s+/g, ' ').trim().toLowerCase();
  let index = headers.findIndex((h) => h.toLowerCase() === text);
  if (index < 0) {
    const key = normaliseHeader(wanted);
    if (key !== '') index = headers.findIndex((h) => normaliseHeader(h) === key);
  }
  return index < 0 ? null : index + 1;
}

/**
 * `{ field: header text }` in the order of the fields, for the result's `mapping` key
 * (RULES.md section 8).
 */
export function describeMapping(mapping: Mapping, headerCells: readonly unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of FIELD_NAMES) {
    const column = mapping[field];
    if (column !== undefined) out[field] = headerText(headerCells[column - 1]);
  }
  return out;
}

/** Column letters (A, B, ..., AA) for messages. */
export { columnLetter };

/** Re-exported so callers of the mapper need one import. */
export type { RawCell };
