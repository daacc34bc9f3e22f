import { type Day, edate } from '../../dates/calendar';
import { ageBand, dueFrom, notLookedAfterReason, outsideAgeBand } from '../common';
import type { Rule } from '../types';

const FROM_4_UNDER_17 = ageBand({ years: 4 }, { years: 17 });

/** Strengths and Difficulties Questionnaire, yearly for looked-after children aged 4 to 16 (LCC; 903 OC2). */
export const sdq: Rule = {
  id: 'sdq',
  label: 'SDQ',
  source: 'LCC; 903 OC2',
  reads: ['lastSdqDate', 'careStartDate', 'careEndDate'],
  active: { allOf: ['lastSdqDate'] },
  applies: (ctx) => outsideAgeBand(ctx, FROM_4_UNDER_17) ?? notLookedAfterReason(ctx) ?? true,
  due(ctx) {
    const last = ctx.date('lastSdqDate');
    if (last !== null) return nextSdqDue(last);
    const start = ctx.requireCareStart('The first SDQ');
    const fourth = ctx.ageDate(4);
    return start >= fourth ? afterCareStartDue(start) : afterFourthDue(fourth);
  },
};

const inTwelveMonths = (from: Day) => edate(from, 12);
const nextSdqDue = dueFrom(inTwelveMonths, (last) => `SDQ due 12 months after the last on ${last}`);
const afterCareStartDue = dueFrom(
  inTwelveMonths,
  (start) => `No SDQ recorded: due 12 months after becoming looked after on ${start}`,
);
const afterFourthDue = dueFrom(
  inTwelveMonths,
  (fourth) => `No SDQ recorded: due 12 months after the 4th birthday on ${fourth}`,
);
