/**
 * The row as the rules see it (see `RuleContext`): lazy, cached reads that raise a
 * `DataProblem` for a value a rule needs but cannot use (RULES.md section 2, Check data).
 */
import {
  readDate,
  readDocument,
  readEetStatus,
  readInteger,
  readLeavingCareStatus,
  readPlacementType,
  readPresence,
  readYesNo,
  type CellReading,
  type RawCell,
} from '../cells';
import { type Day, toUk } from '../dates/calendar';
import { ageDate } from '../dates/age';
import {
  FIELD_BY_NAME,
  RULE_FIELD_NAMES,
  type EetStatus,
  type LeavingCareStatus,
  type PlacementType,
  type RuleFieldName,
} from '../fields';
import type { Policy } from '../policy';
import { DataProblem, type RuleContext } from './types';

/** Dates that may not lie after the as-of date: things done, and the starts of care and placement. */
const NOT_IN_FUTURE: ReadonlySet<RuleFieldName> = new Set<RuleFieldName>([
  ...(Object.values(FIELD_BY_NAME)
    .filter((spec) => spec.completion)
    .map((spec) => spec.name) as RuleFieldName[]),
  'careStartDate',
  'placementStartDate',
]);

/** Each rule field's position, for the row's array of readings. */
const FIELD_INDEX = Object.fromEntries(RULE_FIELD_NAMES.map((field, index) => [field, index])) as Record<
  RuleFieldName,
  number
>;

/** The few ages the rules ask about (15, 15y9m, 16...), numbered as they are first asked for. */
const AGE_SLOTS = new Map<number, number>();
function ageSlot(ageInMonths: number): number {
  let slot = AGE_SLOTS.get(ageInMonths);
  if (slot === undefined) {
    slot = AGE_SLOTS.size;
    AGE_SLOTS.set(ageInMonths, slot);
  }
  return slot;
}

const COHORT_STATUSES: ReadonlySet<LeavingCareStatus> = new Set(['Eligible', 'Relevant', 'Former relevant']);

export interface RowInput {
  readonly values: Partial<Record<RuleFieldName, RawCell>>;
  readonly tracked: ReadonlySet<RuleFieldName>;
  readonly asOf: Day;
  readonly policy: Policy;
  readonly dateOfBirth: Day;
}

export class RowContext implements RuleContext {
  readonly asOf: Day;
  readonly policy: Policy;
  readonly dateOfBirth: Day;
  private readonly values: Partial<Record<RuleFieldName, RawCell>>;
  private readonly tracked: ReadonlySet<RuleFieldName>;
  /** facts already worked out for this row: rule after rule asks for them again */
  private readonly memo: {
    careEnd?: Day | DataProblem;
    lookedAfter?: boolean | DataProblem;
    eligibleFrom?: Day | DataProblem;
    leavingCareStatus?: LeavingCareStatus | DataProblem;
  } = {};
  /**
   * Each field's reading once read: its value, null for blank, or the problem with it;
   * indexed by the field's position (an array, not a Map: one allocation per row, no rehashing).
   */
  private readonly readings: unknown[] = new Array(RULE_FIELD_NAMES.length);
  /** the birthdays worked out so far, by `ageSlot` */
  private readonly ageDates: (Day | undefined)[] = [];

  constructor(input: RowInput) {
    this.values = input.values;
    this.tracked = input.tracked;
    this.asOf = input.asOf;
    this.policy = input.policy;
    this.dateOfBirth = input.dateOfBirth;
  }

  has(field: RuleFieldName): boolean {
    return this.tracked.has(field);
  }

  uk(day: Day): string {
    return toUk(day);
  }

  date(field: RuleFieldName): Day | null {
    const known = this.readings[FIELD_INDEX[field]];
    if (known !== undefined) return settled(known) as Day | null;
    return settled(this.remember(field, this.checkedDate(field))) as Day | null;
  }

  private checkedDate(field: RuleFieldName): Day | null | DataProblem {
    const day = this.read(field, readDate, 'a date');
    if (day === null || day instanceof DataProblem) return day;
    const label = FIELD_BY_NAME[field].label;
    if (NOT_IN_FUTURE.has(field) && day > this.asOf) {
      return new DataProblem(
        `${label} ${toUk(day)} is after the as-of date ${toUk(this.asOf)}: is it a planned date in the wrong column?`,
      );
    }
    if (day < this.dateOfBirth) {
      return new DataProblem(`${label} ${toUk(day)} is before the date of birth ${toUk(this.dateOfBirth)}`);
    }
    return day;
  }

  requireDate(field: RuleFieldName, what?: string): Day {
    const day = this.date(field);
    if (day === null) {
      throw new DataProblem(`No ${what ?? FIELD_BY_NAME[field].label.toLowerCase()} recorded`);
    }
    return day;
  }

  yesNo(field: RuleFieldName): boolean | null {
    const kind = FIELD_BY_NAME[field].kind;
    const reader = kind === 'document' ? readDocument : kind === 'presence' ? readPresence : readYesNo;
    const known = this.readings[FIELD_INDEX[field]];
    if (known !== undefined) return settled(known) as boolean | null;
    return settled(this.remember(field, this.read(field, reader, 'yes or no'))) as boolean | null;
  }

  integer(field: RuleFieldName): number | null {
    const known = this.readings[FIELD_INDEX[field]];
    if (known !== undefined) return settled(known) as number | null;
    let value = this.read(field, readInteger, 'a whole number');
    const spec = FIELD_BY_NAME[field];
    if (
      typeof value === 'number' &&
      ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
    ) {
      value = new DataProblem(`${spec.label} ${value} is outside ${spec.min ?? '…'}–${spec.max ?? '…'}`);
    }
    return settled(this.remember(field, value)) as number | null;
  }

  placementType(): PlacementType | null {
    const known = this.readings[FIELD_INDEX.placementType];
    if (known !== undefined) return settled(known) as PlacementType | null;
    const value = this.read('placementType', readPlacementType, 'a placement type');
    return settled(this.remember('placementType', value)) as PlacementType | null;
  }

  eetStatus(): EetStatus | null {
    const known = this.readings[FIELD_INDEX.eetStatus];
    if (known !== undefined) return settled(known) as EetStatus | null;
    return settled(
      this.remember('eetStatus', this.read('eetStatus', readEetStatus, 'EET or NEET')),
    ) as EetStatus | null;
  }

  ageDate(years: number, months = 0): Day {
    // Several rules ask for the same birthdays (15, 16, 18...): work each out once per row.
    const slot = ageSlot(years * 12 + months);
    let day = this.ageDates[slot];
    if (day === undefined) {
      day = ageDate(this.dateOfBirth, years, months, this.policy.leapDayBirthdays);
      this.ageDates[slot] = day;
    }
    return day;
  }

  isAtLeast(years: number, months = 0): boolean {
    return this.asOf >= this.ageDate(years, months);
  }

  careStart(): Day | null {
    return this.has('careStartDate') ? this.date('careStartDate') : null;
  }

  requireCareStart(forWhat: string): Day {
    const start = this.careStart();
    if (start === null) {
      const why = this.has('careStartDate')
        ? 'no date became looked after is recorded'
        : 'the tracker has no column for the date became looked after';
      throw new DataProblem(`${forWhat} is counted from the date became looked after, but ${why}`);
    }
    return start;
  }

  /** When care ended or ends: the recorded careEnd, and at the latest the 18th birthday (RULES.md section 4). */
  careEnd(): Day {
    this.memo.careEnd ??= attempt(() => {
      const eighteenth = this.ageDate(18);
      const recorded = this.has('careEndDate') ? this.date('careEndDate') : null;
      const start = this.careStart();
      if (recorded !== null && start !== null && recorded < start) {
        throw new DataProblem(`Care ended ${toUk(recorded)} before it started ${toUk(start)}`);
      }
      return recorded === null ? eighteenth : Math.min(recorded, eighteenth);
    });
    return settled(this.memo.careEnd);
  }

  lookedAfter(): boolean {
    this.memo.lookedAfter ??= attempt(() => {
      const start = this.careStart();
      const end = this.careEnd();
      return this.asOf < end && (start === null || start <= this.asOf);
    });
    return settled(this.memo.lookedAfter);
  }

  /**
   * The day from which a looked-after young person is eligible: 13 weeks looked after
   * since the 14th birthday, ending at or after the 16th birthday (CPPCR reg 40), with only
   * the current period of care known.
   */
  eligibleFrom(): Day {
    this.memo.eligibleFrom ??= attempt(() => {
      const fourteenth = this.ageDate(14);
      const start = this.careStart();
      return Math.max(this.ageDate(16), Math.max(start ?? fourteenth, fourteenth) + 91);
    });
    return settled(this.memo.eligibleFrom);
  }

  leavingCareStatus(): LeavingCareStatus {
    this.memo.leavingCareStatus ??= attempt(() => {
      if (this.has('leavingCareStatus')) {
        const supplied = settled(
          this.read('leavingCareStatus', readLeavingCareStatus, 'a leaving-care status'),
        );
        if (supplied !== null) return supplied;
      }
      return this.computedLeavingCareStatus();
    });
    return settled(this.memo.leavingCareStatus);
  }

  inLeavingCareCohort(): boolean {
    return this.lookedAfter() || COHORT_STATUSES.has(this.leavingCareStatus());
  }

  underCareLeaverUpperAge(): boolean {
    if (!this.isAtLeast(21)) return true;
    return this.supportTo25() && !this.isAtLeast(25);
  }

  private supportTo25(): boolean {
    return this.has('supportTo25') && this.yesNo('supportTo25') === true;
  }

  private computedLeavingCareStatus(): LeavingCareStatus {
    const lookedAfter = this.lookedAfter();
    const eligibleFrom = this.eligibleFrom();
    if (lookedAfter) return this.asOf >= eligibleFrom ? 'Eligible' : 'Not yet eligible';
    const wasEligible = eligibleFrom < this.careEnd();
    if (!wasEligible) return 'Not eligible';
    if (this.isAtLeast(16) && !this.isAtLeast(18)) return 'Relevant';
    const upper = this.supportTo25() ? 25 : 21;
    if (this.isAtLeast(18) && !this.isAtLeast(upper)) return 'Former relevant';
    return 'Not eligible';
  }

  private remember<T>(field: RuleFieldName, value: T | null | DataProblem): T | null | DataProblem {
    this.readings[FIELD_INDEX[field]] = value;
    return value;
  }

  /** The cell read by its kind's reader: its value, null when blank, or the problem with it. */
  private read<T>(
    field: RuleFieldName,
    reader: (raw: RawCell) => CellReading<T>,
    expected: string,
  ): T | null | DataProblem {
    if (!this.tracked.has(field)) return null;
    const reading = reader(this.values[field]);
    if (reading.state === 'blank') return null;
    if (reading.state === 'value') return reading.value;
    const label = FIELD_BY_NAME[field].label;
    return new DataProblem(
      reading.text
        ? `${label} "${reading.text}" is not ${expected}: please check it`
        : `${label} could not be read as ${expected}: please check it`,
    );
  }
}

/** Works a fact out once; a problem is kept, to be raised again for every rule that asks. */
function attempt<T>(compute: () => T): T | DataProblem {
  try {
    return compute();
  } catch (error) {
    if (error instanceof DataProblem) return error;
    throw error;
  }
}

/** A remembered reading: the value, or the problem thrown again for the rule that asked. */
function settled<T>(reading: T | DataProblem): T {
  if (reading instanceof DataProblem) throw reading;
  return reading;
}
