/**
 * The row as the rules see it (see `RuleContext`): lazy, cached reads that raise a
 * `DataProblem` for a value a rule needs but cannot use (RULES.md section 2, Check data).
 */
import {
  dayOf,
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
import { type Day, type Ymd, toUk, toYmd } from '../dates/calendar';
import { ageDateOf } from '../dates/age';
import {
  FIELD_BY_NAME,
  RULE_FIELD_NAMES,
  type EetStatus,
  type FieldSpec,
  type LeavingCareStatus,
  type PlacementType,
  type RuleFieldName,
} from '../fields';
import type { Policy } from '../policy';
import { dateOrProblem } from './common';
import { DataProblem, type RuleContext } from './types';

/**
 * Each rule field's position in a row's arrays of cells and readings. A row arrives as an
 * object whose keys are whichever cells are filled, so rows have many different shapes;
 * reading such an object by field name is slow (a megamorphic lookup), so each row is
 * copied into an array once, and the rules read the array.
 */
const FIELD_INDEX: ReadonlyMap<string, number> = new Map(
  RULE_FIELD_NAMES.map((field, index) => [field, index]),
);
const FIELD_COUNT = RULE_FIELD_NAMES.length;

/** Each rule field's description, by position. */
const SPEC_AT: readonly FieldSpec[] = RULE_FIELD_NAMES.map((field) => FIELD_BY_NAME[field]);

/**
 * Whether each date, by position, may not lie after the as-of date: things done, and the
 * starts of care and placement.
 */
const NOT_IN_FUTURE_AT: readonly boolean[] = SPEC_AT.map(
  (spec) => spec.completion === true || spec.name === 'careStartDate' || spec.name === 'placementStartDate',
);

function fieldIndex(field: RuleFieldName): number {
  return FIELD_INDEX.get(field) as number;
}

/**
 * Positions of the fields the context reads itself, found once: the care start alone is
 * asked for seven times a row, by the rules and by the facts worked out from it.
 */
const AT = {
  careStartDate: fieldIndex('careStartDate'),
  careEndDate: fieldIndex('careEndDate'),
  leavingCareStatus: fieldIndex('leavingCareStatus'),
  placementType: fieldIndex('placementType'),
  eetStatus: fieldIndex('eetStatus'),
} as const;

/** Birthdays are remembered per row by slot: the few ages the rules ask about (15, 15y9m, 16...). */
const AGE_SLOT_LIMIT_MONTHS = 30 * 12;
const AGE_SLOTS = 32;
const ageSlotByMonths: number[] = new Array<number>(AGE_SLOT_LIMIT_MONTHS).fill(-1);
let ageSlotsInUse = 0;
function ageSlot(ageInMonths: number): number {
  if (ageInMonths < 0 || ageInMonths >= AGE_SLOT_LIMIT_MONTHS) return -1;
  let slot = ageSlotByMonths[ageInMonths];
  if (slot < 0) {
    if (ageSlotsInUse === AGE_SLOTS) return -1;
    slot = ageSlotsInUse;
    ageSlotsInUse += 1;
    ageSlotByMonths[ageInMonths] = slot;
  }
  return slot;
}

const NO_BIRTH: Ymd = Object.freeze({ year: NaN, month: NaN, day: NaN });

const COHORT_STATUSES: ReadonlySet<LeavingCareStatus> = new Set(['Eligible', 'Relevant', 'Former relevant']);

/** Whether the tracker has a column for each rule field, by its position in a context's arrays. */
export function trackedByPosition(tracked: ReadonlySet<RuleFieldName>): readonly boolean[] {
  return RULE_FIELD_NAMES.map((field) => tracked.has(field));
}

/** What stays the same for every row of one evaluation. */
export interface RunInput {
  readonly tracked: ReadonlySet<RuleFieldName>;
  readonly asOf: Day;
  readonly policy: Policy;
}

/**
 * A context is used for row after row: `startRow` loads the next row and forgets everything
 * worked out for the previous one. The engine keeps one per row of its batch (engine.ts),
 * not one per row of the tracker: a context per row cost more to allocate than most rules
 * cost to run.
 */
export class RowContext implements RuleContext {
  readonly asOf: Day;
  readonly policy: Policy;
  dateOfBirth: Day = NaN;
  /** the date of birth as year, month and day: each birthday is worked out from it */
  private born: Ymd = NO_BIRTH;
  /** whether the tracker has a column for each field, by field position */
  private readonly tracked: readonly boolean[];
  /** the row's raw cells, by field position */
  private readonly cells: RawCell[] = new Array<RawCell>(FIELD_COUNT).fill(undefined);
  /**
   * Each field's reading once read: its value, null for blank, or the problem with it;
   * undefined while not yet read. Rule after rule asks for the same fields.
   */
  private readonly readings: unknown[] = new Array<unknown>(FIELD_COUNT).fill(undefined);
  /** the birthdays worked out for this row, by `ageSlot` (NaN: not yet) */
  private readonly ageDates = new Float64Array(AGE_SLOTS).fill(NaN);
  /** facts worked out for this row, or the problem met working them out */
  private careEndFact: Day | DataProblem | undefined = undefined;
  private lookedAfterFact: boolean | DataProblem | undefined = undefined;
  private eligibleFromFact: Day | DataProblem | undefined = undefined;
  private leavingCareStatusFact: LeavingCareStatus | DataProblem | undefined = undefined;

  /** `tracked`: whether the tracker has a column for each field, by position (see `trackedByPosition`) */
  constructor(run: RunInput, tracked: readonly boolean[] = trackedByPosition(run.tracked)) {
    this.asOf = run.asOf;
    this.policy = run.policy;
    this.tracked = tracked;
  }

  /** Loads a row's cells; the date of birth is set once it has been read (`setDateOfBirth`). */
  startRow(values: Partial<Record<RuleFieldName, RawCell>>): void {
    // Loops rather than `fill`, which runs in the engine's runtime rather than in the
    // compiled code: on 20,000 rows, clearing with it was about 9% of what an evaluation
    // executed.
    for (let k = 0; k < FIELD_COUNT; k += 1) {
      this.cells[k] = undefined;
      this.readings[k] = undefined;
    }
    for (let slot = 0; slot < ageSlotsInUse; slot += 1) this.ageDates[slot] = NaN;
    this.careEndFact = undefined;
    this.lookedAfterFact = undefined;
    this.eligibleFromFact = undefined;
    this.leavingCareStatusFact = undefined;
    this.dateOfBirth = NaN;
    this.born = NO_BIRTH;
    // for-in reads each filled cell by its position in the object (fast for any shape)
    for (const field in values) {
      const index = FIELD_INDEX.get(field);
      if (index !== undefined && this.tracked[index]) this.cells[index] = values[field as RuleFieldName];
    }
  }

  setDateOfBirth(day: Day): void {
    this.dateOfBirth = day;
    this.born = toYmd(day);
  }

  /** The raw cell of a tracked field (undefined when blank or not tracked). */
  cell(field: RuleFieldName): RawCell {
    return this.cells[fieldIndex(field)];
  }

  has(field: RuleFieldName): boolean {
    return this.tracked[fieldIndex(field)];
  }

  date(field: RuleFieldName): Day | null {
    return this.dateAt(fieldIndex(field), field);
  }

  private dateAt(index: number, field: RuleFieldName): Day | null {
    let reading = this.readings[index];
    if (reading === undefined) {
      reading = this.checkedDate(field, index);
      this.readings[index] = reading;
    }
    return settled(reading as Day | null | DataProblem);
  }

  private checkedDate(field: RuleFieldName, index: number): Day | null | DataProblem {
    const raw = this.cells[index];
    if (raw === undefined) return null;
    const day = dayOf(raw);
    // no day: blank or unreadable, which the reading says
    if (Number.isNaN(day)) return this.read(field, index, readDate, 'a date') as null | DataProblem;
    if (day > this.asOf && NOT_IN_FUTURE_AT[index]) {
      return new DataProblem(
        `${FIELD_BY_NAME[field].label} ${toUk(day)} is after the as-of date ${toUk(this.asOf)}: is it a planned date in the wrong column?`,
      );
    }
    if (day < this.dateOfBirth) {
      return new DataProblem(
        `${FIELD_BY_NAME[field].label} ${toUk(day)} is before the date of birth ${toUk(this.dateOfBirth)}`,
      );
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
    const index = fieldIndex(field);
    let reading = this.readings[index];
    if (reading === undefined) {
      const { kind } = SPEC_AT[index];
      const reader = kind === 'document' ? readDocument : kind === 'presence' ? readPresence : readYesNo;
      reading = this.read(field, index, reader, 'yes or no');
      this.readings[index] = reading;
    }
    return settled(reading as boolean | null | DataProblem);
  }

  integer(field: RuleFieldName): number | null {
    const index = fieldIndex(field);
    let reading = this.readings[index];
    if (reading === undefined) {
      reading = this.read(field, index, readInteger, 'a whole number');
      const spec = SPEC_AT[index];
      if (
        typeof reading === 'number' &&
        ((spec.min !== undefined && reading < spec.min) || (spec.max !== undefined && reading > spec.max))
      ) {
        reading = new DataProblem(
          `${spec.label} ${reading} is outside ${spec.min ?? '…'}–${spec.max ?? '…'}`,
        );
      }
      this.readings[index] = reading;
    }
    return settled(reading as number | null | DataProblem);
  }

  placementType(): PlacementType | null {
    return this.readEnum(AT.placementType, 'placementType', readPlacementType, 'a placement type');
  }

  eetStatus(): EetStatus | null {
    return this.readEnum(AT.eetStatus, 'eetStatus', readEetStatus, 'EET or NEET');
  }

  private readEnum<T>(
    index: number,
    field: RuleFieldName,
    reader: (raw: RawCell) => CellReading<T>,
    expected: string,
  ): T | null {
    let reading = this.readings[index];
    if (reading === undefined) {
      reading = this.read(field, index, reader, expected);
      this.readings[index] = reading;
    }
    return settled(reading as T | null | DataProblem);
  }

  ageDate(years: number, months = 0): Day {
    // Several rules ask for the same birthdays (15, 16, 18...): work each out once per row.
    const slot = ageSlot(years * 12 + months);
    if (slot < 0) return ageDateOf(this.born, years, months, this.policy.leapDayBirthdays);
    let day = this.ageDates[slot];
    if (Number.isNaN(day)) {
      day = ageDateOf(this.born, years, months, this.policy.leapDayBirthdays);
      this.ageDates[slot] = day;
    }
    return day;
  }

  isAtLeast(years: number, months = 0): boolean {
    return this.asOf >= this.ageDate(years, months);
  }

  /**
   * The recorded care start. Care dates that contradict each other (care ended before it
   * started) make "looked after" Check data (`careEnd`), and with it every rule that needs
   * it; a rule that only counts from the start, for a young person whose supplied status
   * brings them into the cohort, counts from it as recorded.
   */
  careStart(): Day | null {
    return this.dateAt(AT.careStartDate, 'careStartDate');
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
    if (this.careEndFact === undefined) this.careEndFact = attempt(this, this.workOutCareEnd);
    return settled(this.careEndFact);
  }

  private workOutCareEnd(): Day {
    const eighteenth = this.ageDate(18);
    const recorded = this.dateAt(AT.careEndDate, 'careEndDate');
    // (an unusable care start is reported where the care start is needed, not here)
    const start = dateOrProblem(this, 'careStartDate');
    if (recorded !== null && typeof start === 'number' && recorded < start) {
      throw new DataProblem(`Care ended ${toUk(recorded)} before it started ${toUk(start)}`);
    }
    return recorded === null ? eighteenth : Math.min(recorded, eighteenth);
  }

  lookedAfter(): boolean {
    if (this.lookedAfterFact === undefined) this.lookedAfterFact = attempt(this, this.workOutLookedAfter);
    return settled(this.lookedAfterFact);
  }

  private workOutLookedAfter(): boolean {
    // Care ends at the 18th birthday at the latest (RULES.md section 4): from then on the
    // young person is not looked after, whatever the care dates say or fail to say.
    if (this.isAtLeast(18)) return false;
    // Once care has ended, the young person is not looked after whenever it started.
    if (this.asOf >= this.careEnd()) return false;
    const start = this.careStart();
    return start === null || start <= this.asOf;
  }

  /**
   * The day from which a looked-after young person is eligible: 13 weeks looked after
   * since the 14th birthday, ending at or after the 16th birthday (CPPCR reg 40), with only
   * the current period of care known.
   */
  eligibleFrom(): Day {
    if (this.eligibleFromFact === undefined) this.eligibleFromFact = attempt(this, this.workOutEligibleFrom);
    return settled(this.eligibleFromFact);
  }

  private workOutEligibleFrom(): Day {
    const fourteenth = this.ageDate(14);
    const start = this.careStart();
    return Math.max(this.ageDate(16), Math.max(start ?? fourteenth, fourteenth) + 91);
  }

  leavingCareStatus(): LeavingCareStatus {
    if (this.leavingCareStatusFact === undefined) {
      this.leavingCareStatusFact = attempt(this, this.workOutLeavingCareStatus);
    }
    return settled(this.leavingCareStatusFact);
  }

  private workOutLeavingCareStatus(): LeavingCareStatus {
    return this.suppliedStatus() ?? this.computedLeavingCareStatus();
  }

  /**
   * The leaving-care status the tracker supplies, if it has one (a problem when unreadable).
   * "Unknown" there says the team does not know it ("unknown" is unreadable, RULES.md
   * section 3), so it is a problem too: the rules that need the status are Check data
   * rather than taking the young person out of the cohort.
   */
  suppliedStatus(): LeavingCareStatus | null {
    const status = this.readEnum(
      AT.leavingCareStatus,
      'leavingCareStatus',
      readLeavingCareStatus,
      'a leaving-care status',
    );
    if (status === 'Unknown') {
      throw new DataProblem(
        'Leaving care status is recorded as "Unknown": record it, or clear the cell to have it worked out from the care dates',
      );
    }
    return status;
  }

  inLeavingCareCohort(): boolean {
    // A status the tracker supplies is used as given (RULES.md section 4): eligible, relevant
    // or former relevant puts the young person in the cohort without the care dates, so
    // unusable care dates are not used and not Check data for them.
    return this.suppliedCohortStatus() || this.lookedAfter() || COHORT_STATUSES.has(this.leavingCareStatus());
  }

  /** Whether the tracker supplies a readable status in the cohort. */
  private suppliedCohortStatus(): boolean {
    const supplied = attempt(this, this.suppliedStatus);
    return typeof supplied === 'string' && COHORT_STATUSES.has(supplied);
  }

  underCareLeaverUpperAge(): boolean {
    if (!this.isAtLeast(21)) return true;
    // (from 25, supportTo25 makes no difference, so it is not asked)
    return !this.isAtLeast(25) && this.supportTo25();
  }

  private supportTo25(): boolean {
    return this.yesNo('supportTo25') === true;
  }

  /**
   * RULES.md section 4. Out of care, under 16 or past the upper age the young person is
   * not eligible however their care dates read, and supportTo25 is only asked from 21.
   */
  private computedLeavingCareStatus(): LeavingCareStatus {
    if (this.lookedAfter()) return this.asOf >= this.eligibleFrom() ? 'Eligible' : 'Not yet eligible';
    if (!this.isAtLeast(16)) return 'Not eligible';
    // Either one failing is enough for Not eligible, so the other's unusable value is not used.
    const withinAge = attempt(this, this.underCareLeaverUpperAge);
    if (withinAge === false) return 'Not eligible';
    const wasEligible = attempt(this, this.wasEligible);
    if (wasEligible === false) return 'Not eligible';
    settled(withinAge);
    settled(wasEligible);
    return this.isAtLeast(18) ? 'Former relevant' : 'Relevant';
  }

  /** Whether the young person was eligible when care ended (RULES.md section 4). */
  private wasEligible(): boolean {
    return this.eligibleFrom() < this.careEnd();
  }

  /** The cell read by its kind's reader: its value, null when blank, or the problem with it. */
  private read<T>(
    field: RuleFieldName,
    index: number,
    reader: (raw: RawCell) => CellReading<T>,
    expected: string,
  ): T | null | DataProblem {
    const raw = this.cells[index];
    if (raw === undefined) return null;
    const reading = reader(raw);
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

/**
 * Works a fact out once (`workOut` is a method of the context, called on it); a problem is
 * kept, to be raised again for every rule that asks, and anything else is a bug and goes
 * on up. (A method rather than a closure: a closure per fact per row was a measurable share
 * of what the engine allocated.)
 */
function attempt<T>(ctx: RowContext, workOut: (this: RowContext) => T): T | DataProblem {
  try {
    return workOut.call(ctx);
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
