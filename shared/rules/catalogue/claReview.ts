import { edate } from '../../dates/calendar';
import { workday } from '../../dates/workingDays';
import { dateOrProblem, dueFrom, notLookedAfterReason } from '../common';
import type { Day } from '../../dates/calendar';
import { DataProblem, type DueDate, type Rule, type RuleContext } from '../types';

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
    // "No review on or after careStart" counts every review the row records, the first too.
    const latest = last ?? firstReviewIfReadable(ctx);
    // Reviews before careStart belong to an earlier period of care.
    if (latest === null || (careStart !== null && latest < careStart)) {
      return firstReviewDue(ctx.requireCareStart('The first review'));
    }
    if (last === null) return afterFirstReviewOnly(ctx, latest);
    return isFirstReview(ctx, last, careStart) ? secondReviewDue(last) : nextReviewDue(last);
  },
};

/**
 * The first review's date when the row has one that can be read. Otherwise it is left
 * aside: "N/A" or "TBC" there before the first review is usual, and the first review is
 * then due from the care start.
 */
function firstReviewIfReadable(ctx: RuleContext): Day | null {
  const first = dateOrProblem(ctx, 'firstReviewDate');
  return typeof first === 'number' ? first : null;
}

/**
 * A first review recorded with no last review: it is the last review so far, so the second
 * is due 3 months after it. If reviewsHeld says more have been held, the last one's date is
 * needed.
 */
function afterFirstReviewOnly(ctx: RuleContext, first: Day): DueDate {
  const held = ctx.integer('reviewsHeld');
  if (held !== null && held > 1) {
    throw new DataProblem(`No last review recorded, though ${held} reviews have been held`);
  }
  return secondReviewDue(first);
}

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
