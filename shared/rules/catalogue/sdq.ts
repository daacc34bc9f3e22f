import { edate } from '../../dates/calendar';
import { ageBand, notLookedAfterReason, outsideAgeBand, sentenceOn } from '../common';
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
    if (last !== null) return { day: edate(last, 12), why: nextSdqWhy(last) };
    const start = ctx.requireCareStart('The first SDQ');
    const fourth = ctx.ageDate(4);
    const from = Math.max(start, fourth);
    return { day: edate(from, 12), why: from === start ? afterCareStartWhy(start) : afterFourthWhy(fourth) };
  },
};

const nextSdqWhy = sentenceOn((last) => `SDQ due 12 months after the last on ${last}`);
const afterCareStartWhy = sentenceOn(
  (start) => `No SDQ recorded: due 12 months after becoming looked after on ${start}`,
);
const afterFourthWhy = sentenceOn(
  (fourth) => `No SDQ recorded: due 12 months after the 4th birthday on ${fourth}`,
);
