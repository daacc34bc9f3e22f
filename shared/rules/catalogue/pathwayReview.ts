import { edate } from '../../dates/calendar';
import { appliesWhen, type Condition, dueFrom, latest, notInCohortReason } from '../common';
import type { Rule } from '../types';
import type { Day } from '../../dates/calendar';

const CONDITIONS: readonly Condition[] = [
  (ctx) => (ctx.underCareLeaverUpperAge() ? null : 'Applies under age 21 (25 with support to 25)'),
  notInCohortReason,
  (ctx) => (ctx.date('pathwayPlanDate') === null ? 'No pathway plan recorded yet' : null),
];

/**
 * The pathway plan is reviewed at least every six months (CLR 2010 reg 7; "Caring for
 * Children Moving Alone": the plan is regularly monitored and reviewed).
 */
export const pathwayReview: Rule = {
  id: 'pathway-review',
  label: 'Pathway plan review',
  source: 'CLR reg 7; Caring for Children Moving Alone',
  reads: [
    'lastPathwayReviewDate',
    'pathwayPlanDate',
    'supportTo25',
    'careStartDate',
    'careEndDate',
    'leavingCareStatus',
  ],
  active: { allOf: ['lastPathwayReviewDate'] },
  applies: (ctx) => appliesWhen(ctx, CONDITIONS),
  due(ctx) {
    const plan = ctx.date('pathwayPlanDate') as Day;
    const review = ctx.date('lastPathwayReviewDate');
    const base = latest(plan, review) as Day;
    return base === review ? afterReviewDue(base) : afterPlanDue(base);
  },
};

const afterReviewDue = dueFrom(
  (day) => edate(day, 6),
  (day) => `Review due 6 months after the last pathway plan review on ${day}`,
);
const afterPlanDue = dueFrom(
  (day) => edate(day, 6),
  (day) => `Review due 6 months after the pathway plan on ${day}`,
);
