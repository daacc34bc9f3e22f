import { workday } from '../../dates/workingDays';
import { duesBy, latest, sentenceOn } from '../common';
import type { Rule, RuleContext } from '../types';
import type { Day } from '../../dates/calendar';

/**
 * A review after a young person enters or leaves secure accommodation or custody
 * (NICE PH28 rec 14), within a number of working days set by policy.
 */
export const secureReview: Rule = {
  id: 'secure-review',
  label: 'Review after secure or custody',
  source: 'NICE rec 14',
  reads: ['secureStartDate', 'secureEndDate', 'lastReviewDate'],
  active: { anyOf: ['secureStartDate', 'secureEndDate'] },
  applies: (ctx) =>
    secureEvent(ctx) === null ? 'No secure or custody start or end on or before the as-of date' : true,
  due(ctx) {
    return reviewDue(ctx.policy.secureReviewWorkingDays, secureEvent(ctx) as Day);
  },
  done(ctx) {
    const event = secureEvent(ctx) as Day;
    const review = ctx.date('lastReviewDate');
    return review !== null && review >= event ? reviewHeldOn(review) : null;
  },
};

const reviewDue = duesBy(
  (days: number, event) => workday(event, days),
  (days, event) => `Review due within ${days} working days of the secure/custody move on ${event}`,
);
const reviewHeldOn = sentenceOn((day) => `Review held on ${day}`);

/** The later of the secure start and end dates that have happened (a future end date is a plan). */
function secureEvent(ctx: RuleContext): Day | null {
  const happened = (day: Day | null) => (day !== null && day <= ctx.asOf ? day : null);
  return latest(happened(ctx.date('secureStartDate')), happened(ctx.date('secureEndDate')));
}
