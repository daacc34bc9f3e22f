/**
 * pathway-review (RULES.md §5, CLR reg 7). Leaving-care cohort; applies when a
 * pathwayPlanDate is recorded, under 21 (under 25 with supportTo25).
 * Due: EDATE(later of lastPathwayReview and pathwayPlanDate, 6).
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('pathway-review', {
  dob: '2009-06-01',
  careStartDate: '2020-01-01',
  pathwayPlanDate: '2026-03-10',
  lastPathwayReviewDate: null,
});

describe('pathway-review: active / inactive', () => {
  it('is inactive without a lastPathwayReviewDate column', () => {
    expectInactive(
      { dob: '2009-06-01', pathwayPlanDate: '2026-03-10' },
      'pathway-review',
      'lastPathwayReviewDate',
    );
  });
});

describe('pathway-review: six-monthly', () => {
  t(
    'plan 10/03/2026, no review → 10/09/2026',
    {},
    { status: 'Overdue', due: '2026-09-10', explains: ['10/03/2026'] },
  );
  t(
    'review 10/06/2026 → 10/12/2026',
    { lastPathwayReviewDate: '2026-06-10' },
    { status: 'Due soon', due: '2026-12-10' },
  );
  t(
    'review 01/08/2026 → 01/02/2027',
    { lastPathwayReviewDate: '2026-08-01' },
    { status: 'On track', due: '2027-02-01' },
  );
  t(
    'plan later than the last review: from the plan',
    { pathwayPlanDate: '2026-06-01', lastPathwayReviewDate: '2026-05-01' },
    { status: 'Due soon', due: '2026-12-01' },
  );
  t(
    'EDATE clamps: review 31/05/2026 → 30/11/2026',
    { lastPathwayReviewDate: '2026-05-31' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'due date itself: Due soon',
    { lastPathwayReviewDate: '2026-05-23' },
    { status: 'Due soon', due: '2026-11-23' },
  );
  t(
    'the day after: Overdue',
    { lastPathwayReviewDate: '2026-05-22' },
    { status: 'Overdue', due: '2026-11-22' },
  );
  t(
    'first day of the window: Due soon',
    { lastPathwayReviewDate: '2026-06-21' },
    { status: 'Due soon', due: '2026-12-21' },
  );
  t(
    'the day before the window: On track',
    { lastPathwayReviewDate: '2026-06-22' },
    { status: 'On track', due: '2026-12-22' },
  );
});

describe('pathway-review: applies', () => {
  t(
    'no plan recorded: Not applicable',
    { pathwayPlanDate: null, lastPathwayReviewDate: '2026-06-10' },
    { status: 'Not applicable', due: null },
  );
  t(
    'no pathwayPlanDate column: Not applicable',
    { lastPathwayReviewDate: '2026-06-10' },
    { status: 'Not applicable' },
    { drop: ['pathwayPlanDate'] },
  );
  t(
    'former relevant, 20: applies',
    {
      dob: '2005-11-24',
      careStartDate: '2015-01-01',
      pathwayPlanDate: '2021-10-01',
      lastPathwayReviewDate: '2026-08-01',
    },
    { status: 'On track', due: '2027-02-01' },
  );
  t(
    '21 today: Not applicable',
    {
      dob: '2005-11-23',
      careStartDate: '2015-01-01',
      pathwayPlanDate: '2021-10-01',
      lastPathwayReviewDate: '2026-08-01',
    },
    { status: 'Not applicable' },
  );
  t(
    '23 with supportTo25 yes: applies',
    {
      dob: '2003-01-01',
      careStartDate: '2015-01-01',
      supportTo25: 'Y',
      pathwayPlanDate: '2020-06-01',
      lastPathwayReviewDate: '2026-08-01',
    },
    { status: 'On track', due: '2027-02-01' },
  );
  t(
    '23 with supportTo25 no: Not applicable',
    {
      dob: '2003-01-01',
      careStartDate: '2015-01-01',
      supportTo25: 'N',
      pathwayPlanDate: '2020-06-01',
      lastPathwayReviewDate: '2026-08-01',
    },
    { status: 'Not applicable' },
  );
  t(
    '24 (25 tomorrow) with supportTo25: applies',
    {
      dob: '2001-11-24',
      careStartDate: '2012-01-01',
      supportTo25: 'Yes',
      pathwayPlanDate: '2018-01-01',
      lastPathwayReviewDate: '2026-08-01',
    },
    { status: 'On track', due: '2027-02-01' },
  );
  t(
    'not in the cohort (left care at 12): Not applicable',
    { dob: '2009-06-01', careEndDate: '2021-07-01', pathwayPlanDate: '2021-06-01' },
    { status: 'Not applicable' },
  );
});

describe('pathway-review: Check data', () => {
  t('review after the as-of date', { lastPathwayReviewDate: '2026-12-01' }, { status: 'Check data' });
  t(
    'review unreadable "TBC" is quoted',
    { lastPathwayReviewDate: 'TBC' },
    { status: 'Check data', explains: ['TBC'] },
  );
  t(
    'plan unreadable "N/A" is quoted',
    { pathwayPlanDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t('plan after the as-of date', { pathwayPlanDate: '2026-12-01' }, { status: 'Check data' });
  t(
    'plan "unknown" for a young person outside the cohort (left care at 9): Not applicable, the plan is not used',
    { dob: '2010-02-16', careStartDate: '2013-07-31', careEndDate: '2019-07-04', pathwayPlanDate: 'unknown' },
    { status: 'Not applicable', due: null },
    { asOf: '2027-03-26' },
  );
});
