/**
 * health-passport: health passport and final health assessment (RULES.md §5; LCC, NICE rec 48).
 * Leaving-care cohort, from 17, under 21. Due: 18th birthday. Done: healthPassportDate.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('health-passport', {
  dob: '2009-06-01',
  careStartDate: '2020-01-01',
  healthPassportDate: null,
});

describe('health-passport: active / inactive', () => {
  it('is inactive without a healthPassportDate column', () => {
    expectInactive(
      { dob: '2009-06-01', careStartDate: '2020-01-01' },
      'health-passport',
      'healthPassportDate',
    );
  });
});

describe('health-passport', () => {
  t('17: due 18th birthday 01/06/2027, On track', {}, { status: 'On track', due: '2027-06-01' });
  t('18 on 10/12/2026: Due soon', { dob: '2008-12-10' }, { status: 'Due soon', due: '2026-12-10' });
  t('18 today: Due soon', { dob: '2008-11-23' }, { status: 'Due soon', due: '2026-11-23' });
  t('18 yesterday: Overdue', { dob: '2008-11-22' }, { status: 'Overdue', due: '2026-11-22' });
  t(
    '18 on 21/12/2026 (window opens today): Due soon',
    { dob: '2008-12-21' },
    { status: 'Due soon', due: '2026-12-21' },
  );
  t('18 on 22/12/2026: On track', { dob: '2008-12-22' }, { status: 'On track', due: '2026-12-22' });
  t('17 today: applies', { dob: '2009-11-23' }, { status: 'On track', due: '2027-11-23' });
  t('17 tomorrow: Not applicable', { dob: '2009-11-24' }, { status: 'Not applicable', due: null });
  t('passport recorded: Done', { healthPassportDate: '2026-09-01' }, { status: 'Done' });
  t(
    'former relevant 20: Overdue',
    { dob: '2006-03-01', careStartDate: '2015-01-01' },
    { status: 'Overdue', due: '2024-03-01' },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'not in the cohort: Not applicable',
    { careStartDate: '2024-01-01', careEndDate: '2024-09-01' },
    { status: 'Not applicable' },
  );
  t(
    'passport after the as-of date: Check data',
    { healthPassportDate: '2026-12-01' },
    { status: 'Check data' },
  );
  t(
    'passport unreadable "N/A": Check data, quoted',
    { healthPassportDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
});

describe('health-passport: leap-day birthday', () => {
  const leap = { dob: '2012-02-29', careStartDate: '2020-01-01' };
  t(
    'feb28: 18th birthday 28/02/2030',
    leap,
    { status: 'On track', due: '2030-02-28' },
    { asOf: '2029-12-01' },
  );
  t(
    'mar1: 18th birthday 01/03/2030',
    leap,
    { status: 'On track', due: '2030-03-01' },
    { asOf: '2029-12-01', policy: { leapDayBirthdays: 'mar1' } },
  );
});
