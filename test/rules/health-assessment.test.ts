/**
 * health-assessment: review health assessment (RULES.md §5, statutory guidance 2015).
 * Applies: looked after and the initial assessment is done. Base = the later of
 * initialHealthAssessmentDate and lastHealthAssessmentDate; due EDATE(base, 6) if under 5
 * on the base date, else EDATE(base, 12).
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('health-assessment', {
  dob: '2012-10-01',
  careStartDate: '2020-01-01',
  initialHealthAssessmentDate: '2020-01-20',
  lastHealthAssessmentDate: null,
});

describe('health-assessment: active / inactive', () => {
  it('is inactive without a lastHealthAssessmentDate column', () => {
    expectInactive(
      { dob: '2012-10-01', initialHealthAssessmentDate: '2020-01-20' },
      'health-assessment',
      'lastHealthAssessmentDate',
    );
  });
});

describe('health-assessment: yearly from age 5', () => {
  t(
    'last 10/02/2026 → 10/02/2027',
    { lastHealthAssessmentDate: '2026-02-10' },
    { status: 'On track', due: '2027-02-10', explains: ['10/02/2026'] },
  );
  t(
    'last 10/12/2025 → 10/12/2026',
    { lastHealthAssessmentDate: '2025-12-10' },
    { status: 'Due soon', due: '2026-12-10' },
  );
  t(
    'last 20/11/2025 → 20/11/2026',
    { lastHealthAssessmentDate: '2025-11-20' },
    { status: 'Overdue', due: '2026-11-20' },
  );
  t(
    'due date itself: Due soon',
    { lastHealthAssessmentDate: '2025-11-23' },
    { status: 'Due soon', due: '2026-11-23' },
  );
  t(
    'the day after: Overdue',
    { lastHealthAssessmentDate: '2025-11-22' },
    { status: 'Overdue', due: '2026-11-22' },
  );
  t(
    'first day of the window (28 days before): Due soon',
    { lastHealthAssessmentDate: '2025-12-21' },
    { status: 'Due soon', due: '2026-12-21' },
  );
  t(
    'the day before the window: On track',
    { lastHealthAssessmentDate: '2025-12-22' },
    { status: 'On track', due: '2026-12-22' },
  );
  t(
    'only an IHA (review column blank): base is the IHA',
    { careStartDate: '2026-05-10', initialHealthAssessmentDate: '2026-06-01' },
    { status: 'On track', due: '2027-06-01' },
  );
  t(
    'the IHA is later than the last review assessment: base is the IHA',
    {
      careStartDate: '2026-05-10',
      initialHealthAssessmentDate: '2026-06-01',
      lastHealthAssessmentDate: '2025-01-01',
    },
    { status: 'On track', due: '2027-06-01' },
  );
  t(
    'no IHA column: the review assessment is the base',
    { lastHealthAssessmentDate: '2026-02-10' },
    { status: 'On track', due: '2027-02-10' },
    { drop: ['initialHealthAssessmentDate'] },
  );
});

describe('health-assessment: six-monthly under 5', () => {
  const under5 = {
    dob: '2022-06-01',
    careStartDate: '2024-01-01',
    initialHealthAssessmentDate: '2024-01-15',
  };
  t(
    'aged 4 on the base date 10/06/2026 → 10/12/2026',
    { ...under5, lastHealthAssessmentDate: '2026-06-10' },
    { status: 'Due soon', due: '2026-12-10' },
  );
  t(
    '5th birthday on the base date → 12 months',
    { ...under5, dob: '2021-06-10', lastHealthAssessmentDate: '2026-06-10' },
    { status: 'On track', due: '2027-06-10' },
  );
  t(
    'the day before the 5th birthday → 6 months',
    { ...under5, dob: '2021-06-10', lastHealthAssessmentDate: '2026-06-09' },
    { status: 'Due soon', due: '2026-12-09' },
  );
  t(
    'EDATE clamps: 31/05/2026 + 6 months = 30/11/2026',
    {
      dob: '2023-01-01',
      careStartDate: '2023-06-01',
      initialHealthAssessmentDate: '2023-06-20',
      lastHealthAssessmentDate: '2026-05-31',
    },
    { status: 'Due soon', due: '2026-11-30' },
  );
});

describe('health-assessment: Not applicable / Check data', () => {
  t(
    'initial assessment not done: Not applicable',
    { careStartDate: '2026-11-02', initialHealthAssessmentDate: null },
    { status: 'Not applicable', due: null },
  );
  t(
    'only assessments from before EDATE(careStart, -3): initial not done → Not applicable',
    {
      careStartDate: '2026-11-02',
      initialHealthAssessmentDate: null,
      lastHealthAssessmentDate: '2025-12-01',
    },
    { status: 'Not applicable' },
  );
  t(
    'not looked after: Not applicable',
    { careEndDate: '2026-10-01', lastHealthAssessmentDate: '2025-01-01' },
    { status: 'Not applicable' },
  );
  // SPEC: without a careStart column any recorded assessment counts as the initial one being done.
  t(
    'no careStart column: recorded assessments count',
    { initialHealthAssessmentDate: null, lastHealthAssessmentDate: '2026-02-10' },
    { status: 'On track', due: '2027-02-10' },
    { drop: ['careStartDate'] },
  );
  t(
    'last assessment after the as-of date',
    { lastHealthAssessmentDate: '2026-12-01' },
    { status: 'Check data' },
  );
  t(
    'last assessment unreadable "N/A" is quoted',
    { lastHealthAssessmentDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
});
