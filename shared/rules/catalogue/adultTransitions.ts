import { ageBand, doneWhenRecorded, notInCohortReason, outsideAgeBand } from '../common';
import type { Rule } from '../types';

const FROM_15_UNDER_21 = ageBand({ years: 15 }, { years: 21 });

/** Referral to adult transitions for a young person with additional or mental health needs (LCC). */
export const adultTransitions: Rule = {
  id: 'adult-transitions',
  label: 'Adult transitions referral',
  source: 'LCC',
  reads: [
    'adultTransitionsReferralDate',
    'additionalNeeds',
    'careStartDate',
    'careEndDate',
    'leavingCareStatus',
    'supportTo25',
  ],
  active: { allOf: ['adultTransitionsReferralDate', 'additionalNeeds'] },
  // Age, then the cohort, then the rule's own condition, as in every rule: additionalNeeds
  // is not used for a young person outside the cohort (RULES.md section 2).
  applies: (ctx) =>
    outsideAgeBand(ctx, FROM_15_UNDER_21) ??
    notInCohortReason(ctx) ??
    (ctx.yesNo('additionalNeeds') === true ? null : 'No additional needs recorded') ??
    true,
  due: (ctx) => ({ day: ctx.ageDate(16), why: 'Adult transitions referral due by the 16th birthday' }),
  done: doneWhenRecorded('adultTransitionsReferralDate'),
};
