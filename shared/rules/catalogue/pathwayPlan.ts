import { edate } from '../../dates/calendar';
import { ageBand, ageText, doneWhenRecorded, dueFrom, duesBy, pathwayApplies } from '../common';
import type { Rule } from '../types';

const FROM_15Y9M_UNDER_21 = ageBand({ years: 15, months: 9 }, { years: 21 });

/**
 * Needs assessment and pathway plan: started at 15y9m, due by the 16th birthday (policy;
 * WSCC "prior to their 16th birthday"; the statutory latest is 16y3m, CPPCR reg 42), or 3
 * months after becoming eligible when that is later.
 */
export const pathwayPlan: Rule = {
  id: 'pathway-plan',
  label: 'Pathway plan',
  source: 'PfI; LCC; WSCC; CPPCR reg 42',
  reads: ['pathwayPlanDate', 'careStartDate', 'careEndDate', 'leavingCareStatus', 'supportTo25'],
  active: { allOf: ['pathwayPlanDate'] },
  applies: (ctx) => pathwayApplies(ctx, FROM_15Y9M_UNDER_21),
  due(ctx) {
    const eligibleFrom = ctx.eligibleFrom();
    if (eligibleFrom > ctx.ageDate(16)) return afterEligibleDue(eligibleFrom);
    const { years, months } = ctx.policy.pathwayPlanDueAge;
    return atAgeDue(years * 12 + months, ctx.ageDate(years, months));
  },
  done: doneWhenRecorded('pathwayPlanDate'),
};

const afterEligibleDue = dueFrom(
  (eligibleFrom) => edate(eligibleFrom, 3),
  (eligibleFrom) => `Pathway plan due 3 months after becoming eligible on ${eligibleFrom}`,
);
/** due on the day the young person reaches the policy's age (in months) */
const atAgeDue = duesBy(
  (_ageInMonths: number, birthday) => birthday,
  (ageInMonths) =>
    `Pathway plan due at age ${ageText({ years: Math.floor(ageInMonths / 12), months: ageInMonths % 12 })}`,
);
