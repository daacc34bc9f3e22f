import { edate } from '../../dates/calendar';
import { workday } from '../../dates/workingDays';
import { dueFrom, notLookedAfterReason } from '../common';
import type { Day } from '../../dates/calendar';
import type { Rule, RuleContext } from '../types';

/**
 * Looked-after reviews: the first within 20 working days of becoming looked after, the
 * second within 3 months of the first, then every 6 months (CPPCR 2010 reg 33).
 */
export const claReview: Rule = {
  id: 'cla-review',
  label: 'Looked-after review',
  source: 'CPPCR reg 33',
  reads: ['lastReviewDate', 'firstReviewDate', 'reviewsHeld', 'careStartDate', 'careEndDate'],
  active: { allOf: ['lastReviewDate'] },
  applies: (ctx) => notLookedAfterReason(ctx) ?? true,
  due(ctx) {
    const careStart = ctx.careStart();
    const last = ctx.date('lastReviewDate');
    // Reviews before careStart belong to an earlier period of care.
    if (last === null || (careStart !== null && last < careStart)) {
      return firstReviewDue(ctx.requireCareStart('The first review'));
    }
    return isFirstReview(ctx, last, careStart) ? secondReviewDue(last) : nextReviewDue(last);
  },
};

const firstReviewDue = dueFrom(
  (start) => workday(start, 20),
  (start) => `First review due within 20 working days of becoming looked after on ${start}`,
);
const secondReviewDue = dueFrom(
  (first) => edate(first, 3),
  (first) => `Second review due 3 months after first review on ${first}`,
);
const nextReviewDue = dueFrom(
  (last) => edate(last, 6),
  (last) => `Next review due 6 months after last review on ${last}`,
);

/**
 * Whether the last review was the first: decided by the first of reviewsHeld,
 * firstReviewDate and the care start date that has a value in the row.
 */
function isFirstReview(ctx: RuleContext, last: Day, careStart: Day | null): boolean {
  const held = ctx.integer('reviewsHeld');
  if (held !== null) return held <= 1;
  const first = ctx.date('firstReviewDate');
  if (first !== null) return first === last;
  return careStart !== null && last <= edate(careStart, 3);
}
