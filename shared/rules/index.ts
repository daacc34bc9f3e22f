/**
 * The rule catalogue, in the order of RULES.md section 5 (that order breaks ties for the
 * next action). To add a rule, write its module in catalogue/ and list it here.
 */
import type { RuleFieldName } from '../fields';
import type { InactiveRule } from '../results';
import { adultTransitions } from './catalogue/adultTransitions';
import { claReview } from './catalogue/claReview';
import { dentalCheck } from './catalogue/dentalCheck';
import { eet } from './catalogue/eet';
import { healthAssessment } from './catalogue/healthAssessment';
import { healthPassport } from './catalogue/healthPassport';
import { dentistRegistered, gpRegistered, immunisations } from './catalogue/healthRegistrations';
import { housingOptions, housingRegister } from './catalogue/housing';
import { initialHealthAssessment } from './catalogue/initialHealthAssessment';
import { leavingCareDocuments } from './catalogue/leavingCareDocuments';
import { leavingCareTransfer } from './catalogue/leavingCareTransfer';
import { paContact } from './catalogue/paContact';
import { paReferral } from './catalogue/paReferral';
import { pathwayPlan } from './catalogue/pathwayPlan';
import { pathwayReview } from './catalogue/pathwayReview';
import { pep } from './catalogue/pep';
import { sdq } from './catalogue/sdq';
import { sdqFollowUp } from './catalogue/sdqFollowUp';
import { secureReview } from './catalogue/secureReview';
import { statutoryVisit } from './catalogue/statutoryVisit';
import { stayingPut } from './catalogue/stayingPut';
import { unregulatedApproval } from './catalogue/unregulatedApproval';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  // Care planning and reviews
  claReview,
  statutoryVisit,
  secureReview,
  unregulatedApproval,
  // Health
  initialHealthAssessment,
  healthAssessment,
  dentalCheck,
  immunisations,
  gpRegistered,
  dentistRegistered,
  sdq,
  sdqFollowUp,
  // Education
  pep,
  // Pathway to adulthood
  pathwayPlan,
  pathwayReview,
  paReferral,
  adultTransitions,
  housingRegister,
  housingOptions,
  stayingPut,
  leavingCareDocuments,
  healthPassport,
  leavingCareTransfer,
  paContact,
  eet,
];

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/**
 * The ids a policy, as written, gives warning windows for that are not rules ("cla-reveiw"):
 * a window for no rule would be silently unused. (Read from the policy as written: a
 * "__proto__" key does not survive into a parsed record.)
 */
export function unknownWindowRules(policy: unknown): string[] {
  const windows = (policy as { windows?: unknown } | null)?.windows;
  if (windows === null || typeof windows !== 'object') return [];
  return Object.keys(windows).filter((id) => !RULE_BY_ID.has(id));
}

/**
 * Which rules the tracker can support: a rule whose Active columns are not all there is
 * not tracked at all (RULES.md section 2), and is listed with the reason. The reason is
 * what section 8's JSON shows ("no column for lastPepDate", beside the id); section 2's
 * "pep: no column for lastPepDate" is how a report lists it.
 */
export function activeRules(tracked: ReadonlySet<RuleFieldName> | readonly RuleFieldName[]): {
  active: Rule[];
  inactive: InactiveRule[];
} {
  const columns = tracked instanceof Set ? tracked : new Set(tracked as readonly RuleFieldName[]);
  const active: Rule[] = [];
  const inactive: InactiveRule[] = [];
  for (const rule of RULES) {
    const missing = missingColumns(rule, columns);
    if (missing === null) active.push(rule);
    else inactive.push({ id: rule.id, reason: `no column for ${missing}` });
  }
  if (!columns.has('dateOfBirth')) {
    // Every rule needs the date of birth.
    return {
      active: [],
      inactive: RULES.map((rule) => ({ id: rule.id, reason: 'no column for dateOfBirth' })),
    };
  }
  return { active, inactive };
}

function missingColumns(rule: Rule, columns: ReadonlySet<RuleFieldName>): string | null {
  if ('allOf' in rule.active) {
    const missing = rule.active.allOf.filter((field) => !columns.has(field));
    return missing.length ? missing.join(', ') : null;
  }
  return rule.active.anyOf.some((field) => columns.has(field)) ? null : rule.active.anyOf.join(' or ');
}
