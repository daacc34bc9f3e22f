import { edate } from '../../dates/calendar';
import { dueFrom, duesBy, notLookedAfterReason } from '../common';
import type { Rule } from '../types';

/** Dental checks (SSDA903 OC2 TEETH_CHECK; LCC: the health passport records the last one). */
export const dentalCheck: Rule = {
  id: 'dental-check',
  label: 'Dental check',
  source: '903 OC2 TEETH_CHECK; LCC',
  reads: ['lastDentalCheckDate', 'careStartDate', 'careEndDate'],
  active: { allOf: ['lastDentalCheckDate'] },
  applies: (ctx) => notLookedAfterReason(ctx) ?? true,
  due(ctx) {
    const last = ctx.date('lastDentalCheckDate');
    if (last !== null) return nextCheckDue(ctx.policy.dentalCheckMonths, last);
    return firstCheckDue(ctx.requireCareStart('The first dental check'));
  },
};

const nextCheckDue = duesBy(
  (months: number, last) => edate(last, months),
  (months, last) => `Dental check due ${months} months after the last on ${last}`,
);
const firstCheckDue = dueFrom(
  (start) => edate(start, 12),
  (start) => `No dental check recorded: due 12 months after becoming looked after on ${start}`,
);
