/**
 * Realistic wire rows for the API tests and the load benchmark: seeded, so every run sends
 * the same tracker. Each row is a plausible young person (date of birth, care dates,
 * reviews, health, education, pathway items), with some blanks and unreadable cells.
 */
import { addDays, type Day, fromIso, toIso } from '../../shared/dates/calendar';
import { EET_STATUSES, PLACEMENT_TYPES, RULE_FIELD_NAMES, type RuleFieldName } from '../../shared/fields';
import type { EvaluateRequest, WireFields, WireRow } from '../../shared/wire';

import { seededRandom as seeded } from '../support/seededRandom';

export { seeded };

export const BENCH_AS_OF = '2026-11-23';

export function wireRows(count: number, seed = 1, asOfIso = BENCH_AS_OF): WireRow[] {
  const random = seeded(seed);
  const asOf = fromIso(asOfIso) as Day;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const between = (from: Day, to: Day) => toIso(int(Math.min(from, to), Math.max(from, to)));
  /** now and then a blank or an unreadable cell, as in a real tracker */
  const maybe = <T>(value: T): T | null | { unreadable: true } => {
    const r = random();
    return r < 0.06 ? null : r < 0.08 ? { unreadable: true } : value;
  };

  const rows: WireRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const dob = addDays(asOf, -int(365, 365 * 22));
    const careStart = addDays(dob, int(0, 365 * 16));
    const left = random() < 0.3;
    const sinceStart = (days: number) => between(Math.min(careStart, asOf), Math.min(asOf, careStart + days));
    const fields: WireFields = {
      dateOfBirth: random() < 0.03 ? toIso(dob).slice(0, 7) : toIso(dob),
      careStartDate: maybe(toIso(Math.min(careStart, asOf))),
      careEndDate: left ? maybe(between(Math.min(careStart, asOf), asOf)) : null,
      placementType: maybe(pick(PLACEMENT_TYPES)),
      placementStartDate: maybe(sinceStart(3000)),
      placementUntil18: maybe(random() < 0.4),
      firstReviewDate: maybe(sinceStart(20)),
      reviewsHeld: maybe(int(0, 30)),
      lastReviewDate: maybe(sinceStart(4000)),
      lastVisitDate: maybe(between(asOf - 120, asOf)),
      initialHealthAssessmentDate: maybe(sinceStart(40)),
      lastHealthAssessmentDate: maybe(between(asOf - 500, asOf)),
      lastDentalCheckDate: maybe(between(asOf - 500, asOf)),
      immunisationsUpToDate: maybe(random() < 0.8),
      gpRegistered: maybe(random() < 0.9),
      dentistRegistered: maybe(random() < 0.8),
      lastSdqDate: maybe(between(asOf - 500, asOf)),
      sdqScore: maybe(int(0, 40)),
      camhsReferralDate: random() < 0.5 ? null : maybe(between(asOf - 300, asOf)),
      lastPepDate: maybe(between(asOf - 250, asOf)),
      ncYearOverride: random() < 0.9 ? null : int(-1, 13),
      pathwayPlanDate: random() < 0.5 ? null : maybe(between(asOf - 900, asOf)),
      lastPathwayReviewDate: random() < 0.5 ? null : maybe(between(asOf - 300, asOf)),
      paReferralDate: random() < 0.5 ? null : maybe(between(asOf - 900, asOf)),
      personalAdviser: maybe(random() < 0.5),
      additionalNeeds: maybe(random() < 0.2),
      adultTransitionsReferralDate: random() < 0.7 ? null : between(asOf - 900, asOf),
      housingRegisterDate: random() < 0.6 ? null : between(asOf - 900, asOf),
      housingOptionsMeetingDate: random() < 0.6 ? null : between(asOf - 900, asOf),
      stayingPutDiscussedDate: random() < 0.6 ? null : between(asOf - 900, asOf),
      niNumber: maybe(random() < 0.5),
      photoId: maybe(random() < 0.5),
      bankAccount: maybe(random() < 0.5),
      juniorIsaInfo: maybe(random() < 0.5),
      cicaConsidered: maybe(random() < 0.5),
      recordsAccessInfo: maybe(random() < 0.5),
      healthPassportDate: random() < 0.7 ? null : between(asOf - 900, asOf),
      leavingCareTransferDate: random() < 0.7 ? null : between(asOf - 900, asOf),
      secureStartDate: random() < 0.95 ? null : between(asOf - 60, asOf),
      secureEndDate: null,
      unregulatedApprovalDate: random() < 0.9 ? null : between(asOf - 60, asOf),
      lastPaContactDate: random() < 0.5 ? null : maybe(between(asOf - 120, asOf)),
      eetStatus: maybe(pick(EET_STATUSES)),
      leavingCareStatus: null,
      supportTo25: maybe(random() < 0.2),
    };
    rows.push({ row: i + 2, fields });
  }
  return rows;
}

/** A request over every rule field, as a tracker with all the columns would send. */
export function evaluateRequest(count: number, seed = 1): EvaluateRequest {
  return {
    asOf: BENCH_AS_OF,
    tracked: [...RULE_FIELD_NAMES] as RuleFieldName[],
    rows: wireRows(count, seed),
  };
}
