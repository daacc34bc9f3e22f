import { doneWhenRecorded, pathwayApplies } from '../common';
import type { Rule } from '../types';

/** The leaving care team is invited to the last review before 18; transfer at 18 (PfI). */
export const leavingCareTransfer: Rule = {
  id: 'leaving-care-transfer',
  label: 'Transfer to leaving care team',
  source: 'PfI',
  reads: ['leavingCareTransferDate', 'careStartDate', 'careEndDate', 'leavingCareStatus', 'supportTo25'],
  active: { allOf: ['leavingCareTransferDate'] },
  applies: (ctx) => pathwayApplies(ctx, { years: 17, months: 6 }, { years: 21 }),
  due: (ctx) => ({ day: ctx.ageDate(18), why: 'Transfer to the leaving care team due by the 18th birthday' }),
  done: doneWhenRecorded('leavingCareTransferDate'),
};
