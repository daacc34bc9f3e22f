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

const COHORT_STATUSES: ReadonlySet<LeavingCareStatus> = new Set(['Eligible', 'Relevant', 'Former relevant']);

type Cached<T> = { ok: true; value: T } | { ok: false; problem: DataProblem };

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
  private readonly cache = new Map<string, Cached<unknown>>();

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
    return this.cached(`date:${field}`, () => {
      const day = this.read(field, readDate, 'a date');
      if (day === null) return null;
      const label = FIELD_BY_NAME[field].label;
      if (NOT_IN_FUTURE.has(field) && day > this.asOf) {
        throw new DataProblem(
          `${label} ${toUk(day)} is after the as-of date ${toUk(this.asOf)}: is it a planned date in the wrong column?`,
        );
      }
      if (day < this.dateOfBirth) {
        throw new DataProblem(`${label} ${toUk(day)} is before the date of birth ${toUk(this.dateOfBirth)}`);
      }
      return day;
    });
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
    return this.cached(`yesNo:${field}`, () => this.read(field, reader, 'yes or no'));
  }

  integer(field: RuleFieldName): number | null {
    return this.cached(`integer:${field}`, () => {
      const value = this.read(field, readInteger, 'a whole number');
      if (value === null) return null;
      const spec = FIELD_BY_NAME[field];
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        throw new DataProblem(`${spec.label} ${value} is outside ${spec.min ?? '…'}–${spec.max ?? '…'}`);
      }
      return value;
    });
  }

  placementType(): PlacementType | null {
    return this.cached('placementType', () => this.read('placementType', readPlacementType, 'a placement type'));
  }

  eetStatus(): EetStatus | null {
    return this.cached('eetStatus', () => this.read('eetStatus', readEetStatus, 'EET or NEET'));
  }

  ageDate(years: number, months = 0): Day {
    return ageDate(this.dateOfBirth, years, months, this.policy.leapDayBirthdays);
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
      const why = this.has('careStartDate') ? 'no date became looked after is recorded' : 'the tracker has no column for the date became looked after';
      throw new DataProblem(`${forWhat} is counted from the date became looked after, but ${why}`);
    }
    return start;
  }

  /** When care ended or ends: the recorded careEnd, and at the latest the 18th birthday (RULES.md section 4). */
  careEnd(): Day {
    return this.cached('careEnd', () => {
      const eighteenth = this.ageDate(18);
      const recorded = this.has('careEndDate') ? this.date('careEndDate') : null;
      const start = this.careStart();
      if (recorded !== null && start !== null && recorded < start) {
        throw new DataProblem(`Care ended ${toUk(recorded)} before it started ${toUk(start)}`);
      }
      return recorded === null ? eighteenth : Math.min(recorded, eighteenth);
    });
  }

  lookedAfter(): boolean {
    return this.cached('lookedAfter', () => {
      const start = this.careStart();
      const end = this.careEnd();
      return this.asOf < end && (start === null || start <= this.asOf);
    });
  }

  /**
   * The day from which a looked-after young person is eligible: 13 weeks looked after
   * since the 14th birthday, ending at or after the 16th birthday (CPPCR reg 40), with only
   * the current period of care known.
   */
  eligibleFrom(): Day {
    return this.cached('eligibleFrom', () => {
      const fourteenth = this.ageDate(14);
      const start = this.careStart();
      return Math.max(this.ageDate(16), Math.max(start ?? fourteenth, fourteenth) + 91);
    });
  }

  leavingCareStatus(): LeavingCareStatus {
    return this.cached('leavingCareStatus', () => {
      if (this.has('leavingCareStatus')) {
        const supplied = this.read('leavingCareStatus', readLeavingCareStatus, 'a leaving-care status');
        if (supplied !== null) return supplied;
      }
      return this.computedLeavingCareStatus();
    });
  }

  inLeavingCareCohort(): boolean {
    return this.lookedAfter() || COHORT_STATUSES.has(this.leavingCareStatus());
  }

  underCareLeaverUpperAge(): boolean {
    if (!this.isAtLeast(21)) return true;
    return this.supportTo25() && !this.isAtLeast(25);
  }

  /** A leaving-care status the tracker supplied, as given, even when the care dates are unusable. */
  suppliedLeavingCareStatus(): LeavingCareStatus | null {
    if (!this.has('leavingCareStatus')) return null;
    const reading = readLeavingCareStatus(this.values.leavingCareStatus);
    return reading.state === 'value' ? reading.value : null;
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

  private read<T>(field: RuleFieldName, reader: (raw: RawCell) => CellReading<T>, expected: string): T | null {
    if (!this.tracked.has(field)) return null;
    const reading = reader(this.values[field]);
    if (reading.state === 'blank') return null;
    if (reading.state === 'value') return reading.value;
    const label = FIELD_BY_NAME[field].label;
    throw new DataProblem(
      reading.text
        ? `${label} "${reading.text}" is not ${expected}: please check it`
        : `${label} could not be read as ${expected}: please check it`,
    );
  }

  private cached<T>(key: string, compute: () => T): T {
    const hit = this.cache.get(key) as Cached<T> | undefined;
    if (hit) {
      if (hit.ok) return hit.value;
      throw hit.problem;
    }
    try {
      const value = compute();
      this.cache.set(key, { ok: true, value });
      return value;
    } catch (error) {
      if (error instanceof DataProblem) this.cache.set(key, { ok: false, problem: error });
      throw error;
    }
  }
}
