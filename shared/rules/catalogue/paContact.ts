import { LEAVING_CARE_STATUSES, type LeavingCareStatus } from '../../fields';
import { duesBy } from '../common';
import type { Rule } from '../types';

const NOT_FORMER_RELEVANT = Object.fromEntries(
  LEAVING_CARE_STATUSES.map((status) => [status, `Not former relevant (leaving-care status: ${status})`]),
) as Record<LeavingCareStatus, string>;

/**
 * The personal adviser keeps in touch with a former relevant young person (policy: every
 * 56 days; where the authority provides accommodation the statutory maximum is 2 months,
 * CLR reg 8).
 */
export const paContact: Rule = {
  id: 'pa-contact',
  label: 'Personal adviser contact',
  source: 'CLR reg 8',
  reads: ['lastPaContactDate', 'careStartDate', 'careEndDate', 'leavingCareStatus', 'supportTo25'],
  active: { allOf: ['lastPaContactDate'] },
  applies: (ctx) =>
    ctx.leavingCareStatus() === 'Former relevant' ? true : NOT_FORMER_RELEVANT[ctx.leavingCareStatus()],
  due(ctx) {
    const days = ctx.policy.paContactDays;
    const last = ctx.date('lastPaContactDate');
    return last !== null ? nextContactDue(days, last) : firstContactDue(days, ctx.ageDate(18));
  },
};

const nextContactDue = duesBy(
  (days: number, last) => last + days,
  (days, last) => `PA contact due ${days} days after the last on ${last}`,
);
const firstContactDue = duesBy(
  (days: number, eighteenth) => eighteenth + days,
  (days, eighteenth) => `No PA contact recorded: due ${days} days after the 18th birthday on ${eighteenth}`,
);
