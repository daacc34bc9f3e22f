/**
 * sdq-follow-up: CAMHS referral / SCAYT+ consultation after a high SDQ score (RULES.md §5,
 * LCC). Applies: looked after and sdqScore >= 14 (policy). Done: camhsReferralDate on or
 * after lastSdq. Due: lastSdq + 28 days (policy).
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('sdq-follow-up', {
  dob: '2012-10-01',
  careStartDate: '2020-01-01',
  sdqScore: 17,
  lastSdqDate: '2026-10-01',
  camhsReferralDate: null,
});

describe('sdq-follow-up: active / inactive', () => {
  it('needs the sdqScore column', () => {
    expectInactive({ dob: '2012-10-01', lastSdqDate: '2026-10-01' }, 'sdq-follow-up', 'sdqScore');
  });
  it('needs the lastSdqDate column', () => {
    expectInactive({ dob: '2012-10-01', sdqScore: 17 }, 'sdq-follow-up', 'lastSdqDate');
  });
});

describe('sdq-follow-up: due 28 days after the SDQ', () => {
  t(
    '§7 SDQ high: score 17, SDQ 01/10/2026, no referral → 29/10/2026',
    {},
    { status: 'Overdue', due: '2026-10-29', explains: ['01/10/2026'] },
  );
  t(
    'score 14 (the threshold), SDQ 01/11/2026 → 29/11/2026',
    { sdqScore: 14, lastSdqDate: '2026-11-01' },
    { status: 'Due soon', due: '2026-11-29' },
  );
  t(
    'score 40 applies',
    { sdqScore: 40, lastSdqDate: '2026-11-01' },
    { status: 'Due soon', due: '2026-11-29' },
  );
  t('score as text "17"', { sdqScore: '17' }, { status: 'Overdue', due: '2026-10-29' });
  t(
    'due date itself: Due soon (SDQ 26/10/2026)',
    { lastSdqDate: '2026-10-26' },
    { status: 'Due soon', due: '2026-11-23' },
  );
  t(
    'day after: Overdue (SDQ 25/10/2026)',
    { lastSdqDate: '2026-10-25' },
    { status: 'Overdue', due: '2026-11-22' },
  );
  t(
    'no camhsReferralDate column: goes by the due date',
    {},
    { status: 'Overdue', due: '2026-10-29' },
    { drop: ['camhsReferralDate'] },
  );
  t(
    'policy sdqFollowUpDays 14 → 15/10/2026',
    {},
    { status: 'Overdue', due: '2026-10-15' },
    { policy: { sdqFollowUpDays: 14 } },
  );
  t(
    'policy sdqFollowUpDays 60 → 30/11/2026',
    {},
    { status: 'Due soon', due: '2026-11-30' },
    { policy: { sdqFollowUpDays: 60 } },
  );
});

describe('sdq-follow-up: Done', () => {
  t('referral after the SDQ', { camhsReferralDate: '2026-10-05' }, { status: 'Done' });
  t('referral on the SDQ day', { camhsReferralDate: '2026-10-01' }, { status: 'Done' });
  t(
    'referral before the SDQ does not count',
    { camhsReferralDate: '2026-09-30' },
    { status: 'Overdue', due: '2026-10-29' },
  );
});

describe('sdq-follow-up: Not applicable', () => {
  t('score 13: Not applicable', { sdqScore: 13 }, { status: 'Not applicable', due: null });
  t('score 0: Not applicable', { sdqScore: 0 }, { status: 'Not applicable' });
  t('blank score (a condition column): Not applicable', { sdqScore: null }, { status: 'Not applicable' });
  t(
    'blank score and blank SDQ date: Not applicable',
    { sdqScore: null, lastSdqDate: null },
    { status: 'Not applicable' },
  );
  t('not looked after: Not applicable', { careEndDate: '2026-10-15' }, { status: 'Not applicable' });
  t(
    'not looked after, score 55 (outside 0–40): Not applicable, the score is not used',
    { careEndDate: '2025-01-01', sdqScore: 55 },
    { status: 'Not applicable', due: null },
  );
  t(
    'policy threshold 17: score 16 is Not applicable',
    { sdqScore: 16 },
    { status: 'Not applicable' },
    { policy: { sdqFollowUpThreshold: 17 } },
  );
  t(
    'policy threshold 17: score 17 applies',
    { sdqScore: 17 },
    { status: 'Overdue', due: '2026-10-29' },
    { policy: { sdqFollowUpThreshold: 17 } },
  );
  t(
    'policy threshold 10: score 12 applies',
    { sdqScore: 12 },
    { status: 'Overdue', due: '2026-10-29' },
    { policy: { sdqFollowUpThreshold: 10 } },
  );
});

describe('sdq-follow-up: Check data', () => {
  t(
    'a score without an SDQ date says which date is missing',
    { lastSdqDate: null },
    { status: 'Check data', explains: [/^Check data: No SDQ date recorded with the score$/] },
  );
  t(
    'a score without an SDQ date, even with a referral recorded',
    { lastSdqDate: null, camhsReferralDate: '2026-10-05' },
    { status: 'Check data', explains: ['No SDQ date recorded with the score'] },
  );
  t('score 41 is outside 0–40', { sdqScore: 41 }, { status: 'Check data', explains: ['41'] });
  t('score -1 is outside 0–40', { sdqScore: -1 }, { status: 'Check data' });
  t(
    'care ended before it started, low score: Not applicable (the score alone decides)',
    { careStartDate: '2026-07-10', careEndDate: '2026-06-22', sdqScore: 8 },
    { status: 'Not applicable' },
  );
  t(
    'care ended before it started, high score: Check data',
    { careStartDate: '2026-07-10', careEndDate: '2026-06-22', sdqScore: 20 },
    { status: 'Check data', explains: ['before it started'] },
  );
  t('score unreadable "high" is quoted', { sdqScore: 'high' }, { status: 'Check data', explains: ['high'] });
  t(
    'SDQ date unreadable "N/A" is quoted',
    { lastSdqDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t('SDQ date after the as-of date', { lastSdqDate: '2026-11-30' }, { status: 'Check data' });
  t('referral after the as-of date', { camhsReferralDate: '2026-12-01' }, { status: 'Check data' });
  t(
    'referral unreadable "TBC" is quoted',
    { camhsReferralDate: 'TBC' },
    { status: 'Check data', explains: ['TBC'] },
  );
});

describe('sdq-follow-up: due kept on Done', () => {
  // SPEC: RULES.md §8: "due is set whenever a due date was computed (also for Done ...)".
  t('Done, due still 29/10/2026', { camhsReferralDate: '2026-10-05' }, { status: 'Done', due: '2026-10-29' });
});
