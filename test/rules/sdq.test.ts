/**
 * sdq: Strengths and Difficulties Questionnaire (RULES.md §5, LCC; 903 OC2). Applies:
 * looked after, from age 4, under 17. Due EDATE(lastSdq, 12); none →
 * EDATE(max(careStart, 4th birthday), 12).
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('sdq', { dob: '2012-10-01', careStartDate: '2020-01-01', lastSdqDate: null });

describe('sdq: active / inactive', () => {
  it('is inactive without a lastSdqDate column', () => {
    expectInactive({ dob: '2012-10-01', careStartDate: '2020-01-01', sdqScore: 10 }, 'sdq', 'lastSdqDate');
  });
});

describe('sdq: due dates', () => {
  t(
    'last 01/02/2026 → 01/02/2027',
    { lastSdqDate: '2026-02-01' },
    { status: 'On track', due: '2027-02-01', explains: ['01/02/2026'] },
  );
  t('last 01/12/2025 → 01/12/2026', { lastSdqDate: '2025-12-01' }, { status: 'Due soon', due: '2026-12-01' });
  t('last 01/11/2025 → 01/11/2026', { lastSdqDate: '2025-11-01' }, { status: 'Overdue', due: '2026-11-01' });
  t('due date itself: Due soon', { lastSdqDate: '2025-11-23' }, { status: 'Due soon', due: '2026-11-23' });
  t('day after: Overdue', { lastSdqDate: '2025-11-22' }, { status: 'Overdue', due: '2026-11-22' });
  t(
    'none: careStart 20/12/2025 (after the 4th birthday) → 20/12/2026',
    { careStartDate: '2025-12-20' },
    { status: 'Due soon', due: '2026-12-20' },
  );
  t(
    'none: 4th birthday 01/12/2025 after careStart → 01/12/2026',
    { dob: '2021-12-01', careStartDate: '2024-01-01' },
    { status: 'Due soon', due: '2026-12-01' },
  );
  t(
    'none: 4th birthday 29/02/2024 (leap) after careStart → 28/02/2025',
    { dob: '2020-02-29', careStartDate: '2022-01-01' },
    { status: 'Overdue', due: '2025-02-28' },
  );
  t(
    'none recorded and no careStart column: Check data',
    {},
    { status: 'Check data' },
    { drop: ['careStartDate'] },
  );
  t('none recorded and careStart blank: Check data', { careStartDate: null }, { status: 'Check data' });
  t(
    'a recorded SDQ with no careStart column',
    { lastSdqDate: '2026-02-01' },
    { status: 'On track', due: '2027-02-01' },
    { drop: ['careStartDate'] },
  );
});

describe('sdq: ages 4 to 16', () => {
  t(
    '4 today: applies',
    { dob: '2022-11-23', careStartDate: '2024-01-01', lastSdqDate: null },
    { status: 'On track', due: '2027-11-23' },
  );
  t(
    '4 tomorrow: Not applicable',
    { dob: '2022-11-24', careStartDate: '2024-01-01' },
    { status: 'Not applicable', due: null },
  );
  t(
    '16, 17 tomorrow: applies',
    { dob: '2009-11-24', lastSdqDate: '2026-02-01' },
    { status: 'On track', due: '2027-02-01' },
  );
  t(
    '17 today: Not applicable',
    { dob: '2009-11-23', lastSdqDate: '2026-02-01' },
    { status: 'Not applicable' },
  );
  t(
    'not looked after: Not applicable',
    { careEndDate: '2026-06-01', lastSdqDate: '2025-01-01' },
    { status: 'Not applicable' },
  );
});

describe('sdq: Check data', () => {
  t('SDQ after the as-of date', { lastSdqDate: '2026-12-01' }, { status: 'Check data' });
  t('SDQ unreadable "N/A" is quoted', { lastSdqDate: 'N/A' }, { status: 'Check data', explains: ['N/A'] });
  t('SDQ before the date of birth', { lastSdqDate: '2011-01-01' }, { status: 'Check data' });
  t(
    'an impossible SDQ score does not affect the sdq rule (it does not use it)',
    { lastSdqDate: '2026-02-01', sdqScore: 55 },
    { status: 'On track', due: '2027-02-01' },
  );
});

describe('sdq: an SDQ before careStart still counts (no earlier-period rule for sdq)', () => {
  t(
    'SDQ 01/03/2026, careStart 01/06/2026 → 01/03/2027',
    { careStartDate: '2026-06-01', lastSdqDate: '2026-03-01' },
    { status: 'On track', due: '2027-03-01' },
  );
});
