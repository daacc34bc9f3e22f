import {
  ageBand,
  appliesWhen,
  type Condition,
  doneWhenRecorded,
  dueOn,
  notLookedAfterReason,
  outsideAgeBand,
} from '../common';
import type { Rule } from '../types';

const FROM_15 = ageBand({ years: 15 }, null);

const CONDITIONS: readonly Condition[] = [
  (ctx) => outsideAgeBand(ctx, FROM_15),
  notLookedAfterReason,
  (ctx) => (ctx.placementType() === 'foster' ? null : 'Not in a foster placement'),
];

/** The Staying Put conversation with the foster carers, by the 16th birthday (LCC). */
export const stayingPut: Rule = {
  id: 'staying-put',
  label: 'Staying Put conversation',
  source: 'LCC',
  reads: ['stayingPutDiscussedDate', 'placementType', 'careStartDate', 'careEndDate'],
  active: { allOf: ['stayingPutDiscussedDate', 'placementType'] },
  applies: (ctx) => appliesWhen(ctx, CONDITIONS),
  due: (ctx) => conversationDue(ctx.ageDate(16)),
  done: doneWhenRecorded('stayingPutDiscussedDate'),
};

const conversationDue = dueOn('Staying Put conversation due by the 16th birthday');
