import { ageBand, dateOrProblem, dueOn, pathwayApplies, sentenceOn } from '../common';
import { DataProblem, type Rule } from '../types';

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
  due: (ctx) => referralDue(ctx.ageDate(15, 9)),
  // Either one is enough, so an unusable referral date does not matter once an adviser is
  // named (RULES.md section 2: only values the result depends on are Check data).
  done(ctx) {
    const referred = dateOrProblem(ctx, 'paReferralDate');
    if (typeof referred === 'number') return referralRecordedOn(referred);
    if (ctx.yesNo('personalAdviser') === true) return 'A personal adviser is named';
    if (referred instanceof DataProblem) throw referred;
    return null;
  },
};

const referralDue = dueOn('PA referral due at age 15y 9m');
