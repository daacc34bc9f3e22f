import { appliesWhen, type Condition, notLookedAfterReason, reasonBy, sentenceOn } from '../common';
import type { Rule, RuleContext } from '../types';

const NEEDS_APPROVAL = new Set(['supported', 'unregulated']);

const CONDITIONS: readonly Condition[] = [notLookedAfterReason, notNeedingApproval];

/** A move to supported or unregulated accommodation needs a senior manager's approval (LCC). */
export const unregulatedApproval: Rule = {
  id: 'unregulated-approval',
  label: 'Senior manager approval',
  source: 'LCC',
  reads: ['unregulatedApprovalDate', 'placementType', 'careStartDate', 'careEndDate'],
  active: { allOf: ['unregulatedApprovalDate', 'placementType'] },
  applies: (ctx) => appliesWhen(ctx, CONDITIONS),
  requirement(ctx) {
    const approved = ctx.date('unregulatedApprovalDate');
    return approved === null
      ? { met: false, why: noApprovalFor(ctx.placementType() ?? '') }
      : { met: true, why: approvedOn(approved) };
  },
};

const noApprovalFor = reasonBy(
  (type: string) => `No senior manager approval recorded for the ${type} placement`,
);
const approvedOn = sentenceOn((day) => `Senior manager approval recorded on ${day}`);

function notNeedingApproval(ctx: RuleContext): string | null {
  const type = ctx.placementType();
  return type !== null && NEEDS_APPROVAL.has(type) ? null : 'Not in supported or unregulated accommodation';
}
