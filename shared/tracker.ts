/**
 * From a tracker sheet's rows to the canonical rows the rules read (DESIGN.md "The one
 * flow"), and from canonical rows to what may travel to the service.
 *
 * Privacy: the canonical row holds only the rule fields. Names, IDs, workers and teams go
 * into `local`, which stays in the workbook (summary and review-pack sheets). The personal
 * adviser's name is read by one rule only as "is someone named", so it is in both: the raw
 * cell in the row (for the engine running locally) and the text in `local`; `toWireRow`
 * turns it into true/false before anything leaves the pane.
 */
import {
  type CellReading,
  type RawCell,
  cellText,
  isBlankCell,
  readDate,
  readDateOfBirth,
  readDocument,
  readEetStatus,
  readInteger,
  readLeavingCareStatus,
  readPlacementType,
  readPresence,
  readYesNo,
} from './cells';
import { toIso, toYmd } from './dates/calendar';
import { FIELD_BY_NAME, FIELD_NAMES, type FieldKind, type RuleFieldName, isRuleField } from './fields';
import type { CanonicalRow } from './engine';
import type { Mapping } from './mapping';
import type { WireRow, WireValue } from './wire';

export type { CanonicalRow };

/** One worksheet row as read from the sheet: its row number and cells (column 1 first). */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly RawCell[];
}

/** What identifies a young person on the summary sheets: never sent to the service. */
export interface LocalDetails {
  name?: string;
  childId?: string;
  socialWorker?: string;
  team?: string;
  personalAdviser?: string;
}

export interface SkippedRow {
  readonly row: number;
  readonly reason: string;
}

export interface TrackerRows {
  /** the rule fields the tracker has a column for, in the order of the fields */
  readonly tracked: RuleFieldName[];
  readonly rows: CanonicalRow[];
  /** worksheet row number → the local details of that row */
  readonly local: Map<number, LocalDetails>;
  /** rows below the header that were left out, and why (blank rows are not listed) */
  readonly skipped: SkippedRow[];
}

export interface ReadTrackerOptions {
  /** the surname column of a tracker that splits names (mapping.ts `ProposedMapping.surname`) */
  readonly surnameColumn?: number;
  /** stop after this worksheet row (e.g. the end of the sheet's used range); default: all rows */
  readonly lastRowNumber?: number;
}

const LOCAL_FIELDS = ['name', 'childId', 'socialWorker', 'team'] as const;

/**
 * Labels that mark a row as a footer or a summary rather than a young person ("Total",
 * "Count: 42", "Key", "Notes"): left out when the row has no date of birth.
 */
const NOT_A_PERSON = /^(grand\s+)?(totals?|count|sum|average|key|notes?|legend|summary)\b/i;

/**
 * Reads the rows below the header row. A row is kept when it has anything in a mapped
 * column, except a row with no date of birth whose name/ID cell is a label such as
 * "Total" or "Key", or that has neither a name nor an ID although the tracker has such a
 * column (a totals or notes line): those are listed in `skipped`. A row with a name but no
 * date of birth is kept: the rules will ask for the date of birth (Check data).
 */
export function readTracker(
  grid: readonly SheetRow[],
  mapping: Mapping,
  headerRowIndex: number,
  options: ReadTrackerOptions = {},
): TrackerRows {
  const tracked = FIELD_NAMES.filter((f): f is RuleFieldName => isRuleField(f) && mapping[f] !== undefined);
  const ruleColumns = tracked.map((field) => [field, mapping[field]! - 1] as const);
  const localColumns = LOCAL_FIELDS.flatMap((field) =>
    mapping[field] !== undefined ? [[field, mapping[field]! - 1] as const] : [],
  );
  const surnameIndex = options.surnameColumn !== undefined ? options.surnameColumn - 1 : -1;
  const hasIdentity = mapping.name !== undefined || mapping.childId !== undefined || surnameIndex >= 0;
  const paIndex = mapping.personalAdviser !== undefined ? mapping.personalAdviser - 1 : -1;

  const rows: CanonicalRow[] = [];
  const local = new Map<number, LocalDetails>();
  const skipped: SkippedRow[] = [];

  for (let i = headerRowIndex + 1; i < grid.length; i++) {
    const { rowNumber, cells } = grid[i];
    if (options.lastRowNumber !== undefined && rowNumber > options.lastRowNumber) break;

    const values: Partial<Record<RuleFieldName, RawCell>> = {};
    let filled = false;
    for (const [field, index] of ruleColumns) {
      const raw = cells[index];
      if (isBlankCell(raw)) continue;
      values[field] = raw;
      filled = true;
    }
    const details: LocalDetails = {};
    for (const [field, index] of localColumns) {
      const text = cellText(cells[index]);
      if (text !== '') details[field] = text;
    }
    if (surnameIndex >= 0) {
      const surname = cellText(cells[surnameIndex]);
      if (surname !== '') details.name = details.name ? `${details.name} ${surname}` : surname;
    }
    if (paIndex >= 0) {
      const pa = cellText(cells[paIndex]);
      if (pa !== '') details.personalAdviser = pa;
    }
    const hasDetails = details.name !== undefined || details.childId !== undefined;
    if (!filled && !hasDetails && details.socialWorker === undefined && details.team === undefined) continue;

    if (values.dateOfBirth === undefined) {
      const label = [details.name, details.childId].find((t) => t !== undefined && NOT_A_PERSON.test(t));
      if (label !== undefined) {
        skipped.push({
          row: rowNumber,
          reason: `it looks like a "${label.slice(0, 20)}" line, not a young person`,
        });
        continue;
      }
      if (hasIdentity && !hasDetails) {
        skipped.push({ row: rowNumber, reason: 'it has no name, ID or date of birth' });
        continue;
      }
    }
    rows.push({ row: rowNumber, values });
    local.set(rowNumber, details);
  }
  return { tracked, rows, local, skipped };
}

// ---------------------------------------------------------------------------------------
// The wire format

export type { WireRow, WireValue };

/** a wire value that is not blank */
type WireReading = Exclude<WireValue, null>;

const UNREADABLE = Object.freeze({ unreadable: true as const });

function wire<T>(reading: CellReading<T>, encode: (v: T) => WireReading): WireReading | undefined {
  if (reading.state === 'blank') return undefined;
  if (reading.state === 'unreadable') return UNREADABLE;
  return encode(reading.value);
}

const same = <T extends WireReading>(v: T): WireReading => v;

/** yyyy-mm: how a date of birth known only to the month travels */
function isoMonth(day: number): string {
  const { year, month } = toYmd(day);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/**
 * One cell as it may travel: dates as ISO `YYYY-MM-DD` (a date of birth known only to the
 * month as `YYYY-MM`), yes/no, document and presence columns as booleans, integers as
 * numbers, enums as their canonical strings, unreadable as `{ unreadable: true }` (the
 * text stays in the workbook), blank as undefined (left out).
 */
export function toWireValue(kind: FieldKind, raw: RawCell): WireReading | undefined {
  switch (kind) {
    case 'date':
      return wire(readDate(raw), toIso);
    case 'dateOfBirth':
      return wire(readDateOfBirth(raw), (b) => (b.monthOnly ? isoMonth(b.day) : toIso(b.day)));
    case 'yesNo':
      return wire(readYesNo(raw), same);
    case 'document':
      return wire(readDocument(raw), same);
    case 'presence':
      return wire(readPresence(raw), same);
    case 'integer':
      return wire(readInteger(raw), same);
    case 'placementType':
      return wire(readPlacementType(raw), same);
    case 'eetStatus':
      return wire(readEetStatus(raw), same);
    case 'leavingCareStatus':
      return wire(readLeavingCareStatus(raw), same);
    case 'text':
      return undefined; // names, IDs and workers never travel
  }
}

/**
 * A canonical row as it may be sent to the service (`wire.ts` WireRow): only dates,
 * booleans, numbers and enum strings; blank cells are left out (absent = blank); a field
 * that is not a rule field is dropped.
 */
export function toWireRow(row: CanonicalRow): WireRow {
  const fields: Record<string, WireReading> = {};
  for (const key of Object.keys(row.values)) {
    if (!isRuleField(key)) continue;
    const v = toWireValue(FIELD_BY_NAME[key].kind, row.values[key]);
    if (v !== undefined) fields[key] = v;
  }
  return { row: row.row, fields: fields as WireRow['fields'] };
}
