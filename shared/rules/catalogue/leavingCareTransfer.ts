import { ageBand, doneWhenRecorded, dueOn, pathwayApplies } from '../common';
import type { Rule } from '../types';

const FROM_17Y6M_UNDER_21 = ageBand({ years: 17, months: 6 }, { years: 21 });

/** The leaving care team is invited to the last review before 18; transfer at 18 (PfI). */
export const leavingCareTransfer: Rule = {
  id: 'leaving-care-transfer',
  label: 'Transfer to leaving care team',
  source: 'PfI',
  reads: ['leavingCareTransferDate', 'careStartDate', 'careEndDate', 'leavingCareStatus', 'supportTo25'],
  active: { allOf: ['leavingCareTransferDate'] },
  applies: (ctx) => pathwayApplies(ctx, FROM_17Y6M_UNDER_21),
  due: (ctx) => transferDue(ctx.ageDate(18)),
  done: doneWhenRecorded('leavingCareTransferDate'),
};

const transferDue = dueOn('Transfer to the leaving care team due by the 18th birthday');
