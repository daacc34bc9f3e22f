/**
 * What a rule is. One rule = one small module exporting a `Rule`; the engine knows
 * nothing about any particular rule, so adding one touches no engine code.
 */
import type { Day } from '../dates/calendar';
import type { LeavingCareStatus, PlacementType, EetStatus, RuleFieldName } from '../fields';
import type { Policy, Window } from '../policy';

/**
 * Which tracker columns a rule needs in order to be evaluated at all (besides the date of
 * birth, which every rule needs). Without them the rule is inactive for the whole tracker.
 */
export type ActiveWhen =
  { readonly allOf: readonly RuleFieldName[] } | { readonly anyOf: readonly RuleFieldName[] };

/**
 * A due date and the sentence that says how it was worked out ("... after ... on dd/mm/yyyy").
 * Rules make them with `dueFrom`, `duesBy` or `dueOn` (rules/common.ts), once per day they
 * count from: rows counting from the same day then share the due date and its sentence, and
 * the engine shares their result.
 */
export interface DueDate {
  readonly day: Day;
  readonly why: string;
}

/** A yes/no requirement: met gives Done, not met Action needed, not recorded (null) Check data. */
export interface Requirement {
  readonly met: boolean | null;
  readonly why: string;
}

export interface Rule {
  readonly id: string;
  readonly label: string;
  /** where the requirement comes from (regulation, guidance), cited in every explanation */
  readonly source: string;
  /** every field the rule may read (for the catalogue and the wire schema) */
  readonly reads: readonly RuleFieldName[];
  readonly active: ActiveWhen;
  /** its own warning window; otherwise policy.windows[id] or policy.defaultWindow */
  readonly window?: (policy: Policy) => Window;
  /** `true`, or the reason the rule does not apply to this young person */
  applies(ctx: RuleContext): true | string;
  /** the due date, when the rule has one */
  due?(ctx: RuleContext): DueDate;
  /** one-off rules: the sentence saying it was done, or null while it is outstanding */
  done?(ctx: RuleContext, due: DueDate | null): string | null;
  /** yes/no requirements (no due date): Done or Action needed */
  requirement?(ctx: RuleContext): Requirement;
}

/**
 * A row as the rules see it. Values are read lazily: a rule reads only what it needs, so
 * an unreadable value in a column the rule does not use never affects it. Every accessor
 * throws a `DataProblem` (which the engine turns into "Check data" with its message) for a
 * value that is unreadable or impossible; blank cells come back as null, and so does a
 * field the tracker has no column for (`has` tells the two apart where that matters).
 */
export interface RuleContext {
  readonly asOf: Day;
  readonly policy: Policy;
  /** whether the tracker has a column for the field */
  has(field: RuleFieldName): boolean;

  /** a date; null when blank. Throws for unreadable, after the as-of date (completion dates), before the DOB. */
  date(field: RuleFieldName): Day | null;
  /** a date that must be there: blank throws too ("no last review recorded") */
  requireDate(field: RuleFieldName, what?: string): Day;
  /** yes/no (also the document columns and whether a personal adviser is named); null when blank */
  yesNo(field: RuleFieldName): boolean | null;
  integer(field: RuleFieldName): number | null;
  placementType(): PlacementType | null;
  eetStatus(): EetStatus | null;

  readonly dateOfBirth: Day;
  /** the day the young person reaches this age (policy leapDayBirthdays applies) */
  ageDate(years: number, months?: number): Day;
  /** reached this age on or before the as-of date */
  isAtLeast(years: number, months?: number): boolean;

  /**
   * The start of the current period of care, or null when the tracker has no careStart
   * column or the cell is blank (then due dates that need it are Check data).
   */
  careStart(): Day | null;
  /** careStart, or throws a DataProblem saying which due date needed it */
  requireCareStart(forWhat: string): Day;
  lookedAfter(): boolean;
  /** the day the young person became (or becomes) eligible if looked after: RULES.md section 4 */
  eligibleFrom(): Day;
  leavingCareStatus(): LeavingCareStatus;
  /** looked after, or Eligible, Relevant or Former relevant */
  inLeavingCareCohort(): boolean;
  /** under 21, or under 25 when supportTo25 is yes */
  underCareLeaverUpperAge(): boolean;
}

/**
 * A value a rule needs is missing, unreadable or impossible: the result is "Check data".
 * Thrown from the row's accessors and caught by the engine. It is deliberately not an
 * `Error`: a messy tracker raises thousands of these, and capturing a stack trace for each
 * would cost more than evaluating the row.
 */
export class DataProblem {
  constructor(readonly message: string) {}
}
