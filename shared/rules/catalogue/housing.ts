import { ageBand, doneWhenRecorded, dueOn, pathwayApplies } from '../common';
import type { Rule } from '../types';

const COHORT_READS = ['careStartDate', 'careEndDate', 'leavingCareStatus', 'supportTo25'] as const;

const FROM_15_UNDER_21 = ageBand({ years: 15 }, { years: 21 });
const FROM_17_UNDER_21 = ageBand({ years: 17 }, { years: 21 });

/** Registered with the district council's housing advice by 16 (LCC). */
export const housingRegister: Rule = {
  id: 'housing-register',
  label: 'Housing register',
  source: 'LCC',
  reads: ['housingRegisterDate', ...COHORT_READS],
  active: { allOf: ['housingRegisterDate'] },
  applies: (ctx) => pathwayApplies(ctx, FROM_15_UNDER_21),
  due: (ctx) => registerDue(ctx.ageDate(16)),
  done: doneWhenRecorded('housingRegisterDate'),
};

/** A housing options meeting by 17½ (LCC). */
export const housingOptions: Rule = {
  id: 'housing-options',
  label: 'Housing options meeting',
  source: 'LCC',
  reads: ['housingOptionsMeetingDate', ...COHORT_READS],
  active: { allOf: ['housingOptionsMeetingDate'] },
  applies: (ctx) => pathwayApplies(ctx, FROM_17_UNDER_21),
  due: (ctx) => optionsMeetingDue(ctx.ageDate(17, 6)),
  done: doneWhenRecorded('housingOptionsMeetingDate'),
};

const registerDue = dueOn('Housing register due by the 16th birthday');
const optionsMeetingDue = dueOn('Housing options meeting due at age 17y 6m');
