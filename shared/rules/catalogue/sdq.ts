import { edate } from '../../dates/calendar';
import { ageBand, notLookedAfterReason, outsideAgeBand } from '../common';
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
    if (last !== null)
      return { day: edate(last, 12), why: `SDQ due 12 months after the last on ${ctx.uk(last)}` };
    const start = ctx.requireCareStart('The first SDQ');
    const fourth = ctx.ageDate(4);
    const from = Math.max(start, fourth);
    const since =
      from === start ? `becoming looked after on ${ctx.uk(start)}` : `the 4th birthday on ${ctx.uk(fourth)}`;
    return { day: edate(from, 12), why: `No SDQ recorded: due 12 months after ${since}` };
  },
};
