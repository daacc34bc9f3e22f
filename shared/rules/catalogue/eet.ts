import { ageBand, pathwayApplies } from '../common';
import type { Rule } from '../types';

const FROM_16_UNDER_21 = ageBand({ years: 16 }, { years: 21 });

/** In education, employment or training from 16 (LCC: social housing needs EET). */
export const eet: Rule = {
  id: 'eet',
  label: 'Education, employment or training',
  source: 'LCC',
  reads: ['eetStatus', 'careStartDate', 'careEndDate', 'leavingCareStatus', 'supportTo25'],
  active: { allOf: ['eetStatus'] },
  applies: (ctx) => pathwayApplies(ctx, FROM_16_UNDER_21),
  requirement(ctx) {
    const status = ctx.eetStatus();
    if (status === null) return { met: null, why: 'EET status is blank: record EET or NEET' };
    return status === 'EET'
      ? { met: true, why: 'In education, employment or training' }
      : { met: false, why: 'Not in education, employment or training (NEET)' };
  },
};
