import { ageBand, doneWhenRecorded, dueOn, pathwayApplies } from '../common';
import type { Rule } from '../types';

const FROM_17_UNDER_21 = ageBand({ years: 17 }, { years: 21 });

/** Health passport and final health assessment by 18 (LCC; NICE PH28 rec 48). */
export const healthPassport: Rule = {
  id: 'health-passport',
  label: 'Health passport',
  source: 'LCC; NICE rec 48',
  reads: ['healthPassportDate', 'careStartDate', 'careEndDate', 'leavingCareStatus', 'supportTo25'],
  active: { allOf: ['healthPassportDate'] },
  applies: (ctx) => pathwayApplies(ctx, FROM_17_UNDER_21),
  due: (ctx) => passportDue(ctx.ageDate(18)),
  done: doneWhenRecorded('healthPassportDate'),
};

const passportDue = dueOn('Health passport due by the 18th birthday');
