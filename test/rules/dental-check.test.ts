/**
 * dental-check (RULES.md §5, 903 OC2). Applies: looked after. Due: EDATE(lastDentalCheck, 12)
 * (policy dentalCheckMonths); none recorded → EDATE(careStart, 12).
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('dental-check', {
  dob: '2012-10-01',
  careStartDate: '2020-01-01',
  lastDentalCheckDate: null,
});

describe('dental-check: active / inactive', () => {
  it('is inactive without a lastDentalCheckDate column', () => {
    expectInactive({ dob: '2012-10-01', careStartDate: '2020-01-01' }, 'dental-check', 'lastDentalCheckDate');
  });
});

describe('dental-check: due dates', () => {
  t(
    'last 10/02/2026 → 10/02/2027',
    { lastDentalCheckDate: '2026-02-10' },
    { status: 'On track', due: '2027-02-10', explains: ['10/02/2026'] },
  );
  t(
    'last 15/12/2025 → 15/12/2026',
    { lastDentalCheckDate: '2025-12-15' },
    { status: 'Due soon', due: '2026-12-15' },
  );
  t(
    'last 01/11/2025 → 01/11/2026',
    { lastDentalCheckDate: '2025-11-01' },
    { status: 'Overdue', due: '2026-11-01' },
  );
  t(
    'due date itself: Due soon',
    { lastDentalCheckDate: '2025-11-23' },
    { status: 'Due soon', due: '2026-11-23' },
  );
  t(
    'the day after: Overdue',
    { lastDentalCheckDate: '2025-11-22' },
    { status: 'Overdue', due: '2026-11-22' },
  );
  t(
    'first day of the window: Due soon',
    { lastDentalCheckDate: '2025-12-21' },
    { status: 'Due soon', due: '2026-12-21' },
  );
  t(
    'the day before the window: On track',
    { lastDentalCheckDate: '2025-12-22' },
    { status: 'On track', due: '2026-12-22' },
  );
  t(
    'none recorded: EDATE(careStart 10/01/2026, 12)',
    { careStartDate: '2026-01-10' },
    { status: 'On track', due: '2027-01-10' },
  );
  t(
    'none recorded: careStart 01/12/2025 → 01/12/2026',
    { careStartDate: '2025-12-01' },
    { status: 'Due soon', due: '2026-12-01' },
  );
  t(
    'none recorded: careStart 22/11/2025 → 22/11/2026',
    { careStartDate: '2025-11-22' },
    { status: 'Overdue', due: '2026-11-22' },
  );
  t(
    'a check before careStart still counts',
    { careStartDate: '2026-06-01', lastDentalCheckDate: '2026-03-01' },
    { status: 'On track', due: '2027-03-01' },
  );
  t(
    'leap day: check 29/02/2024 + 12 months = 28/02/2025',
    { lastDentalCheckDate: '2024-02-29' },
    { status: 'Overdue', due: '2025-02-28' },
  );
  t(
    'no careStart column, a check recorded',
    { lastDentalCheckDate: '2026-02-10' },
    { status: 'On track', due: '2027-02-10' },
    { drop: ['careStartDate'] },
  );
});

describe('dental-check: policy dentalCheckMonths 6', () => {
  const six = { policy: { dentalCheckMonths: 6 } };
  t(
    'last 10/06/2026 → 10/12/2026',
    { lastDentalCheckDate: '2026-06-10' },
    { status: 'Due soon', due: '2026-12-10' },
    six,
  );
  t(
    'same row under the default (12): On track 10/06/2027',
    { lastDentalCheckDate: '2026-06-10' },
    { status: 'On track', due: '2027-06-10' },
  );
  t(
    'EDATE clamps: 31/05/2026 + 6 = 30/11/2026',
    { lastDentalCheckDate: '2026-05-31' },
    { status: 'Due soon', due: '2026-11-30' },
    six,
  );
  // SPEC: "none recorded → EDATE(careStart, 12)" is read literally: the policy changes the interval
  // between checks, not the 12 months allowed for the first check after coming into care.
  t(
    'none recorded: careStart 01/06/2026 + 12 = 01/06/2027 (not the policy interval)',
    { careStartDate: '2026-06-01' },
    { status: 'On track', due: '2027-06-01' },
    six,
  );
});

describe('dental-check: Not applicable / Check data', () => {
  t(
    'not looked after: Not applicable',
    { careEndDate: '2026-11-01', lastDentalCheckDate: '2025-01-01' },
    { status: 'Not applicable', due: null },
  );
  t(
    'aged 18: Not applicable',
    { dob: '2008-11-23', lastDentalCheckDate: '2025-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'none recorded and no careStart column: Check data',
    {},
    { status: 'Check data' },
    { drop: ['careStartDate'] },
  );
  t('none recorded and careStart blank: Check data', { careStartDate: null }, { status: 'Check data' });
  t('check after the as-of date', { lastDentalCheckDate: '2026-11-24' }, { status: 'Check data' });
  t(
    'check unreadable "unknown" is quoted',
    { lastDentalCheckDate: 'unknown' },
    { status: 'Check data', explains: ['unknown'] },
  );
  t('check before the date of birth', { lastDentalCheckDate: '2012-09-01' }, { status: 'Check data' });
  t(
    'a month without a day is unreadable outside the DOB',
    { lastDentalCheckDate: '2026-05' },
    { status: 'Check data' },
  );
});
