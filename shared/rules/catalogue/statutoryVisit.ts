import { edate } from '../../dates/calendar';
import { DataProblem, type Rule } from '../types';
import { dueFrom, notLookedAfterReason } from '../common';

/**
 * Social worker visits: within a week of a placement starting, then at least every six
 * weeks in the first year; every three months after that in a placement intended to last
 * until 18 (CPPCR 2010 reg 28).
 */
export const statutoryVisit: Rule = {
  id: 'statutory-visit',
  label: 'Social worker visit',
  source: 'CPPCR reg 28',
  reads: ['lastVisitDate', 'placementStartDate', 'placementUntil18', 'careStartDate', 'careEndDate'],
  active: { allOf: ['lastVisitDate'] },
  applies: (ctx) => notLookedAfterReason(ctx) ?? true,
  due(ctx) {
    const placementStart = ctx.date('placementStartDate') ?? ctx.careStart();
    const last = ctx.date('lastVisitDate');
    if (last === null || (placementStart !== null && last < placementStart)) {
      if (placementStart === null) {
        throw new DataProblem(
          'The first visit is counted from the placement start, but no placement start or date became looked after is recorded',
        );
      }
      return firstVisitDue(placementStart);
    }
    if (placementStart !== null && last < edate(placementStart, 12)) return firstYearVisitDue(last);
    const longTerm = ctx.yesNo('placementUntil18');
    if (longTerm !== true) return sixWeeklyVisitDue(last);
    if (placementStart === null) {
      throw new DataProblem(
        'Visits in a long-term placement depend on the placement start, but no placement start or date became looked after is recorded',
      );
    }
    return longTermVisitDue(last);
  },
};

const firstVisitDue = dueFrom(
  (start) => start + 7,
  (start) => `First visit due within 7 days of the placement starting on ${start}`,
);
const firstYearVisitDue = dueFrom(
  (last) => last + 42,
  (last) => `Visit due 6 weeks after last visit on ${last} (first year of placement)`,
);
const sixWeeklyVisitDue = dueFrom(
  (last) => last + 42,
  (last) => `Visit due 6 weeks after last visit on ${last}`,
);
const longTermVisitDue = dueFrom(
  (last) => edate(last, 3),
  (last) => `Visit due 3 months after last visit on ${last} (long-term placement)`,
);
