/**
 * housing-options: housing options meeting (RULES.md §5, LCC). Leaving-care cohort, from 17,
 * under 21. Due: 17y6m. Done: housingOptionsMeetingDate.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('housing-options', {
  dob: '2009-06-01',
  careStartDate: '2020-01-01',
  housingOptionsMeetingDate: null,
});

describe('housing-options: active / inactive', () => {
  it('is inactive without a housingOptionsMeetingDate column', () => {
    expectInactive(
      { dob: '2009-06-01', careStartDate: '2020-01-01' },
      'housing-options',
      'housingOptionsMeetingDate',
    );
  });
});

describe('housing-options', () => {
  t('17y6m on 01/12/2026: Due soon', {}, { status: 'Due soon', due: '2026-12-01' });
  t('17y6m on 01/02/2027: On track', { dob: '2009-08-01' }, { status: 'On track', due: '2027-02-01' });
  t('17y6m on 01/09/2026: Overdue', { dob: '2009-03-01' }, { status: 'Overdue', due: '2026-09-01' });
  t('17y6m today: Due soon', { dob: '2009-05-23' }, { status: 'Due soon', due: '2026-11-23' });
  t('17y6m yesterday: Overdue', { dob: '2009-05-22' }, { status: 'Overdue', due: '2026-11-22' });
  t(
    'EDATE clamps: born 31/05/2009 → 17y6m on 30/11/2026',
    { dob: '2009-05-31' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t('17 today: applies, due 23/05/2027', { dob: '2009-11-23' }, { status: 'On track', due: '2027-05-23' });
  t('17 tomorrow: Not applicable', { dob: '2009-11-24' }, { status: 'Not applicable', due: null });
  t('meeting held: Done', { housingOptionsMeetingDate: '2026-10-01' }, { status: 'Done' });
  t(
    'former relevant 19: Overdue since 17y6m',
    { dob: '2007-06-01', careStartDate: '2015-01-01' },
    { status: 'Overdue', due: '2024-12-01' },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01' },
    { status: 'Not applicable' },
  );
  t('relevant 17: applies', { careEndDate: '2026-09-01' }, { status: 'Due soon', due: '2026-12-01' });
  t(
    'left care at 15 (not eligible): Not applicable',
    { careStartDate: '2024-01-01', careEndDate: '2024-09-01' },
    { status: 'Not applicable' },
  );
  t(
    'meeting after the as-of date: Check data',
    { housingOptionsMeetingDate: '2026-12-01' },
    { status: 'Check data' },
  );
  t(
    'meeting unreadable "N/A": Check data, quoted',
    { housingOptionsMeetingDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
});

describe('housing-options: leap-day birthday and policy leapDayBirthdays (§7: 17 on 28/02/2029 or 01/03/2029)', () => {
  const leap = { dob: '2012-02-29', careStartDate: '2020-01-01' };
  t(
    'feb28 (default): 17 on 28/02/2029, applies; due 17y6m 29/08/2029',
    leap,
    { status: 'On track', due: '2029-08-29' },
    { asOf: '2029-02-28' },
  );
  t(
    'mar1: still 16 on 28/02/2029, Not applicable',
    leap,
    { status: 'Not applicable' },
    { asOf: '2029-02-28', policy: { leapDayBirthdays: 'mar1' } },
  );
  t(
    'mar1: 17 on 01/03/2029, applies',
    leap,
    { status: 'On track', due: '2029-08-29' },
    { asOf: '2029-03-01', policy: { leapDayBirthdays: 'mar1' } },
  );
});

describe('housing-options: mar1 only moves 29 February birthdays', () => {
  t(
    'born 28/02/2012, mar1: 17 on 28/02/2029, applies',
    { dob: '2012-02-28', careStartDate: '2020-01-01' },
    { status: 'On track', due: '2029-08-28' },
    { asOf: '2029-02-28', policy: { leapDayBirthdays: 'mar1' } },
  );
});
