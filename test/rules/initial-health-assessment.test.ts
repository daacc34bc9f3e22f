/**
 * initial-health-assessment (RULES.md §5, CPPCR reg 7). Applies: looked after. Done: an
 * initialHealthAssessmentDate or lastHealthAssessmentDate on or after EDATE(careStart, -3).
 * Due: WORKDAY(careStart, 20).
 */
import { expectActive, expectInactive, ruleTable } from './harness';

const t = ruleTable('initial-health-assessment', {
  dob: '2012-10-01',
  careStartDate: '2026-11-02',
  initialHealthAssessmentDate: null,
  lastHealthAssessmentDate: null,
});

describe('initial-health-assessment: active / inactive', () => {
  it('is inactive with neither health assessment column', () => {
    expectInactive(
      { dob: '2012-10-01', careStartDate: '2026-11-02' },
      'initial-health-assessment',
      /(initial|last)HealthAssessmentDate/,
    );
  });
  it('is active with only initialHealthAssessmentDate', () => {
    expectActive({ dob: '2012-10-01', initialHealthAssessmentDate: null }, 'initial-health-assessment');
  });
  it('is active with only lastHealthAssessmentDate', () => {
    expectActive({ dob: '2012-10-01', lastHealthAssessmentDate: null }, 'initial-health-assessment');
  });
});

describe('initial-health-assessment: due 20 working days after careStart', () => {
  t(
    'careStart 02/11/2026 → 30/11/2026',
    {},
    { status: 'Due soon', due: '2026-11-30', explains: ['02/11/2026'] },
  );
  t(
    'careStart 01/10/2026 → 29/10/2026',
    { careStartDate: '2026-10-01' },
    { status: 'Overdue', due: '2026-10-29' },
  );
  t(
    'careStart 26/10/2026 → 23/11/2026: the due date itself is Due soon',
    { careStartDate: '2026-10-26' },
    { status: 'Due soon', due: '2026-11-23' },
  );
  t(
    'careStart 23/10/2026 → 20/11/2026: Overdue',
    { careStartDate: '2026-10-23' },
    { status: 'Overdue', due: '2026-11-20' },
  );
  t(
    'over Christmas: careStart 10/12/2026 → 12/01/2027',
    { careStartDate: '2026-12-10' },
    { status: 'On track', due: '2027-01-12' },
    { asOf: '2026-12-10' },
  );
  t(
    'only the lastHealthAssessmentDate column, blank',
    {},
    { status: 'Due soon', due: '2026-11-30' },
    { drop: ['initialHealthAssessmentDate'] },
  );
  t(
    'an assessment before EDATE(careStart, -3) does not count',
    { lastHealthAssessmentDate: '2026-01-01' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'no careStart column, nothing recorded: Check data',
    {},
    { status: 'Check data' },
    { drop: ['careStartDate'] },
  );
  t('blank careStart, nothing recorded: Check data', { careStartDate: null }, { status: 'Check data' });
});

describe('initial-health-assessment: Done', () => {
  t('IHA after careStart', { initialHealthAssessmentDate: '2026-11-10' }, { status: 'Done' });
  t(
    'IHA exactly EDATE(careStart, -3) = 02/08/2026',
    { initialHealthAssessmentDate: '2026-08-02' },
    { status: 'Done' },
  );
  t(
    'IHA the day before (01/08/2026): not done',
    { initialHealthAssessmentDate: '2026-08-01' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'only a review health assessment after careStart counts',
    { lastHealthAssessmentDate: '2026-11-15' },
    { status: 'Done' },
  );
  t(
    'EDATE clamps: careStart 31/05/2026 → window from 28/02/2026: IHA 28/02/2026 counts',
    { careStartDate: '2026-05-31', initialHealthAssessmentDate: '2026-02-28' },
    { status: 'Done' },
  );
  t(
    'careStart Sun 31/05/2026, IHA 27/02/2026 too early → due 26/06/2026',
    { careStartDate: '2026-05-31', initialHealthAssessmentDate: '2026-02-27' },
    { status: 'Overdue', due: '2026-06-26' },
  );
  // SPEC: without a careStart column "recorded events all belong to the current period of care", so any assessment is Done.
  t(
    'no careStart column, an IHA recorded: Done',
    { initialHealthAssessmentDate: '2020-05-01' },
    { status: 'Done' },
    { drop: ['careStartDate'] },
  );
});

describe('initial-health-assessment: Not applicable / Check data', () => {
  t(
    'not looked after: Not applicable',
    { careStartDate: '2020-01-01', careEndDate: '2026-11-01' },
    { status: 'Not applicable', due: null },
  );
  t('IHA after the as-of date', { initialHealthAssessmentDate: '2026-11-30' }, { status: 'Check data' });
  t(
    'IHA unreadable "N/A" is quoted',
    { initialHealthAssessmentDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t(
    'IHA "N/A" but a qualifying review assessment: Done (the unreadable date is not needed)',
    {
      careStartDate: '2023-05-20',
      initialHealthAssessmentDate: 'N/A',
      lastHealthAssessmentDate: '2026-02-22',
    },
    { status: 'Done', due: '2023-06-19', explains: ['22/02/2026'] },
  );
  t(
    'a qualifying IHA and a review assessment "N/A": Done',
    {
      careStartDate: '2023-05-20',
      initialHealthAssessmentDate: '2023-06-01',
      lastHealthAssessmentDate: 'N/A',
    },
    { status: 'Done', due: '2023-06-19', explains: ['01/06/2023'] },
  );
  t(
    'IHA "N/A" and a review assessment from before this period of care: Check data',
    {
      careStartDate: '2023-05-20',
      initialHealthAssessmentDate: 'N/A',
      lastHealthAssessmentDate: '2022-01-10',
    },
    { status: 'Check data', due: '2023-06-19', explains: ['N/A'] },
  );
  t(
    'IHA before the date of birth',
    { careStartDate: null, initialHealthAssessmentDate: '2012-01-01' },
    { status: 'Check data' },
  );
  t('careStart after the as-of date', { careStartDate: '2026-12-01' }, { status: 'Check data' });
});

describe('initial-health-assessment: the Done explanation quotes the assessment that counts', () => {
  t(
    'an initial assessment and a later review: the initial one is quoted',
    {
      careStartDate: '2025-01-06',
      initialHealthAssessmentDate: '2025-01-20',
      lastHealthAssessmentDate: '2026-01-15',
    },
    { status: 'Done', explains: ['Initial health assessment recorded on 20/01/2025'] },
  );
  t(
    'an initial assessment from an earlier period of care: the review in this period is quoted',
    {
      careStartDate: '2025-01-06',
      initialHealthAssessmentDate: '2019-03-01',
      lastHealthAssessmentDate: '2025-02-10',
    },
    { status: 'Done', explains: ['Health assessment recorded on 10/02/2025'] },
  );
});
