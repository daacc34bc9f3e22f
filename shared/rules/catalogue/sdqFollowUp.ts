import { appliesWhen, type Condition, duesBy, notLookedAfterReason, reasonBy, sentenceOn } from '../common';
import { memoByKey } from '../../memo';
import { DataProblem, type Rule, type RuleContext } from '../types';

const CONDITIONS: readonly Condition[] = [notLookedAfterReason, noHighScore];

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
  applies: (ctx) => appliesWhen(ctx, CONDITIONS),
  due(ctx) {
    const sdqDate = ctx.date('lastSdqDate');
    if (sdqDate === null) throw new DataProblem('No SDQ date recorded with the score');
    // (the rule applies only to a recorded score at or over the threshold)
    return referralDueWithin(ctx.policy.sdqFollowUpDays)(ctx.integer('sdqScore') as number, sdqDate);
  },
  done(ctx) {
    // Without the SDQ date nothing is done yet; `due` says what is missing.
    const sdqDate = ctx.date('lastSdqDate');
    const referral = ctx.date('camhsReferralDate');
    return sdqDate !== null && referral !== null && referral >= sdqDate ? referralRecordedOn(referral) : null;
  },
};

/** Policy values of the days allowed kept (a bound, as for the other keyed tables). */
const DAYS_ALLOWED_KEPT = 100;

/** The referral due dates for the number of days the policy allows, by score and SDQ date. */
const referralDueWithin = memoByKey(
  (days: number) =>
    duesBy(
      (_score: number, sdqDate) => sdqDate + days,
      (score, sdqDate) => `Referral due ${days} days after the SDQ score of ${score} on ${sdqDate}`,
    ),
  DAYS_ALLOWED_KEPT,
);
const referralRecordedOn = sentenceOn((day) => `CAMHS referral recorded on ${day}`);

const noHighScoreOf = reasonBy((threshold: number) => `No SDQ score of ${threshold} or more recorded`);

function noHighScore(ctx: RuleContext): string | null {
  const score = ctx.integer('sdqScore');
  const threshold = ctx.policy.sdqFollowUpThreshold;
  return score !== null && score >= threshold ? null : noHighScoreOf(threshold);
}
