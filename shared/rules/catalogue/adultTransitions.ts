import {
  ageBand,
  appliesWhen,
  type Condition,
  doneWhenRecorded,
  dueOn,
  notInCohortReason,
  outsideAgeBand,
} from '../common';
import type { Rule } from '../types';

const FROM_15_UNDER_21 = ageBand({ years: 15 }, { years: 21 });

const CONDITIONS: readonly Condition[] = [
  (ctx) => outsideAgeBand(ctx, FROM_15_UNDER_21),
  notInCohortReason,
  (ctx) => (ctx.yesNo('additionalNeeds') === true ? null : 'No additional needs recorded'),
];

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
  applies: (ctx) => appliesWhen(ctx, CONDITIONS),
  due: (ctx) => referralDue(ctx.ageDate(16)),
  done: doneWhenRecorded('adultTransitionsReferralDate'),
};

const referralDue = dueOn('Adult transitions referral due by the 16th birthday');
