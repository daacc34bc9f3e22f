import { workday } from '../../dates/workingDays';
import { endOfNextTerm, ncYear } from '../../dates/school';
import { appliesWhen, type Condition, dueFrom, duesBy, notInCohortReason, reasonBy } from '../common';
import type { Policy } from '../../policy';
import type { Rule, RuleContext } from '../types';

const CONDITIONS: readonly Condition[] = [outsideSchoolYears, notInCohortReason];

/**
 * Personal Education Plan, reviewed every term, for children looked after and care
 * leavers from Reception to the end of Year 13 (LCC; statutory guidance on promoting the
 * education of looked-after children, 2018). The first is ready for the first review.
 */
export const pep: Rule = {
  id: 'pep',
  label: 'PEP',
  source: 'LCC; statutory guidance on the education of looked-after children (2018)',
  reads: [
    'lastPepDate',
    'ncYearOverride',
    'careStartDate',
    'careEndDate',
    'leavingCareStatus',
    'supportTo25',
  ],
  active: { allOf: ['lastPepDate'] },
  applies: (ctx) => appliesWhen(ctx, CONDITIONS),
  due(ctx) {
    const last = ctx.date('lastPepDate');
    const start = ctx.careStart();
    if (last === null || (start !== null && last < start)) {
      return firstPepDue(ctx.requireCareStart('The first PEP'));
    }
    return nextPepDue(ctx.policy.terms, last);
  },
};

/** Term dates (policies) whose PEP due dates are kept. */
const TERM_DATES_KEPT = 8;

const firstPepDue = dueFrom(
  (careStart) => workday(careStart, 20),
  (careStart) => `First PEP due within 20 working days of becoming looked after on ${careStart}`,
);
/**
 * By the policy's term dates. Keyed by the terms themselves: a service request that sends
 * its own policy brings its own, so only a few sets are kept.
 */
const nextPepDue = duesBy(
  (terms: Policy['terms'], last) => endOfNextTerm(last, terms),
  (_terms, last) => `PEP due by the end of the term after the PEP on ${last}`,
  TERM_DATES_KEPT,
);

const notInSchoolYears = reasonBy((year: number) => `Not in Reception to Year 13 (NC year ${year})`);

function outsideSchoolYears(ctx: RuleContext): string | null {
  const year = schoolYear(ctx);
  return year >= 0 && year <= 13 ? null : notInSchoolYears(year);
}

function schoolYear(ctx: RuleContext): number {
  const override = ctx.integer('ncYearOverride');
  return override ?? ncYear(ctx.dateOfBirth, ctx.asOf);
}
