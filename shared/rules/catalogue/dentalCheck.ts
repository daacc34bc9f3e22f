import { edate } from '../../dates/calendar';
import { notLookedAfterReason, sentenceOn, sentencesBy } from '../common';
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
    if (last !== null) {
      const months = ctx.policy.dentalCheckMonths;
      return {
        day: edate(last, months),
        why: nextCheckWhy(months, last),
      };
    }
    const start = ctx.requireCareStart('The first dental check');
    return {
      day: edate(start, 12),
      why: firstCheckWhy(start),
    };
  },
};

const nextCheckWhy = sentencesBy(
  (months: number, last) => `Dental check due ${months} months after the last on ${last}`,
);
const firstCheckWhy = sentenceOn(
  (start) => `No dental check recorded: due 12 months after becoming looked after on ${start}`,
);
