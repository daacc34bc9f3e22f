import { ageBand, pathwayApplies, sentenceOn } from '../common';
import type { Rule } from '../types';

const FROM_15_UNDER_21 = ageBand({ years: 15 }, { years: 21 });
const referralRecordedOn = sentenceOn((day) => `PA referral recorded on ${day}`);

/** "From the age of 15 3/4 ... A referral needs to be made for a PA" (LCC). */
export const paReferral: Rule = {
  id: 'pa-referral',
  label: 'Personal adviser referral',
  source: 'LCC',
  reads: [
    'paReferralDate',
    'personalAdviser',
    'careStartDate',
    'careEndDate',
    'leavingCareStatus',
    'supportTo25',
  ],
  active: { anyOf: ['paReferralDate', 'personalAdviser'] },
  applies: (ctx) => pathwayApplies(ctx, FROM_15_UNDER_21),
  due: (ctx) => ({ day: ctx.ageDate(15, 9), why: 'PA referral due at age 15y 9m' }),
  done(ctx) {
    const referred = ctx.date('paReferralDate');
    if (referred !== null) return referralRecordedOn(referred);
    return ctx.yesNo('personalAdviser') === true ? 'A personal adviser is named' : null;
  },
};
