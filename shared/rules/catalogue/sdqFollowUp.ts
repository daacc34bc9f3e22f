import { dateIfTracked, notLookedAfterReason, reasonBy } from '../common';
import type { Rule, RuleContext } from '../types';

/**
 * A CAMHS referral or SCAYT+ consultation after a high SDQ score (LCC; scores 14–16 are
 * borderline, 17–40 abnormal; the threshold and the days allowed are policy).
 */
export const sdqFollowUp: Rule = {
  id: 'sdq-follow-up',
  label: 'CAMHS referral after high SDQ',
  source: 'LCC',
  reads: ['sdqScore', 'lastSdqDate', 'camhsReferralDate', 'careStartDate', 'careEndDate'],
  active: { allOf: ['sdqScore', 'lastSdqDate'] },
  applies: (ctx) => noHighScore(ctx) ?? notLookedAfterReason(ctx) ?? true,
  due(ctx) {
    const sdqDate = ctx.requireDate('lastSdqDate', 'SDQ date recorded with the score');
    const days = ctx.policy.sdqFollowUpDays;
    return {
      day: sdqDate + days,
      why: `Referral due ${days} days after the SDQ score of ${ctx.integer('sdqScore')} on ${ctx.uk(sdqDate)}`,
    };
  },
  done(ctx) {
    const sdqDate = ctx.requireDate('lastSdqDate');
    const referral = dateIfTracked(ctx, 'camhsReferralDate');
    return referral !== null && referral >= sdqDate ? `CAMHS referral recorded on ${ctx.uk(referral)}` : null;
  },
};

const noHighScoreOf = reasonBy((threshold: number) => `No SDQ score of ${threshold} or more recorded`);

function noHighScore(ctx: RuleContext): string | null {
  const score = ctx.integer('sdqScore');
  const threshold = ctx.policy.sdqFollowUpThreshold;
  return score !== null && score >= threshold ? null : noHighScoreOf(threshold);
}
