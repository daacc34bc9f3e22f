/**
 * housing-register (RULES.md §5, LCC). Leaving-care cohort, from 15, under 21.
 * Due: 16th birthday. Done: housingRegisterDate.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('housing-register', {
  dob: '2011-06-01',
  careStartDate: '2020-01-01',
  housingRegisterDate: null,
});

describe('housing-register: active / inactive', () => {
  it('is inactive without a housingRegisterDate column', () => {
    expectInactive(
      { dob: '2011-06-01', careStartDate: '2020-01-01' },
      'housing-register',
      'housingRegisterDate',
    );
  });
});

describe('housing-register', () => {
  t('15: due 16th birthday 01/06/2027, On track', {}, { status: 'On track', due: '2027-06-01' });
  t('16 on 10/12/2026: Due soon', { dob: '2010-12-10' }, { status: 'Due soon', due: '2026-12-10' });
  t('16 today: Due soon', { dob: '2010-11-23' }, { status: 'Due soon', due: '2026-11-23' });
  t('16 yesterday: Overdue', { dob: '2010-11-22' }, { status: 'Overdue', due: '2026-11-22' });
  t(
    '16 on 21/12/2026 (window opens today): Due soon',
    { dob: '2010-12-21' },
    { status: 'Due soon', due: '2026-12-21' },
  );
  t(
    '16 on 22/12/2026 (window opens tomorrow): On track',
    { dob: '2010-12-22' },
    { status: 'On track', due: '2026-12-22' },
  );
  t('15 today: applies', { dob: '2011-11-23' }, { status: 'On track', due: '2027-11-23' });
  t('15 tomorrow: Not applicable', { dob: '2011-11-24' }, { status: 'Not applicable', due: null });
  t('registered: Done', { dob: '2010-06-01', housingRegisterDate: '2026-04-01' }, { status: 'Done' });
  t(
    'relevant 17, not registered: Overdue',
    { dob: '2009-06-01', careEndDate: '2026-09-01' },
    { status: 'Overdue', due: '2025-06-01' },
  );
  t(
    'former relevant 20, not registered: Overdue',
    { dob: '2006-01-01', careStartDate: '2015-01-01' },
    { status: 'Overdue', due: '2022-01-01' },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'not eligible (left care at 13): Not applicable',
    { dob: '2010-06-01', careEndDate: '2023-09-01' },
    { status: 'Not applicable' },
  );
  t(
    'leap-day DOB: due 29/02/2028, Due soon from 01/02/2028',
    { dob: '2012-02-29' },
    { status: 'Due soon', due: '2028-02-29' },
    { asOf: '2028-02-01' },
  );
  t(
    'leap-day DOB: On track on 31/01/2028',
    { dob: '2012-02-29' },
    { status: 'On track', due: '2028-02-29' },
    { asOf: '2028-01-31' },
  );
  t(
    'policy window 60 days: due 15/01/2027 is Due soon',
    { dob: '2011-01-15' },
    { status: 'Due soon', due: '2027-01-15' },
    { policy: { windows: { 'housing-register': { days: 60 } } } },
  );
  t(
    'default window: due 15/01/2027 is On track',
    { dob: '2011-01-15' },
    { status: 'On track', due: '2027-01-15' },
  );
  t(
    'registration after the as-of date: Check data',
    { housingRegisterDate: '2026-12-01' },
    { status: 'Check data' },
  );
  t(
    'registration unreadable "N/A": Check data, quoted',
    { housingRegisterDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t(
    'registration before the date of birth: Check data',
    { housingRegisterDate: '2011-05-01' },
    { status: 'Check data' },
  );
});

describe('housing-register: under 21 only (no supportTo25 extension)', () => {
  // SPEC: only pathway-review, pa-contact (via former relevant) and the status itself extend to 25 with supportTo25.
  t(
    '22 with supportTo25, never registered: Not applicable',
    { dob: '2004-05-01', careStartDate: '2015-01-01', supportTo25: 'Y' },
    { status: 'Not applicable' },
  );
});

describe('housing-register: due is kept on Done (RULES.md §8 "also for Done ... where known")', () => {
  // SPEC: a one-off rule's due date is known even once done, so `due` is still set.
  t(
    'Done with its due date',
    { dob: '2010-06-01', housingRegisterDate: '2026-04-01' },
    { status: 'Done', due: '2026-06-01' },
  );
});

describe('housing-register: mar1 leaves a 29 February that exists alone', () => {
  t(
    'born 29/02/2012, mar1: 16 on 29/02/2028 (a leap year)',
    { dob: '2012-02-29' },
    { status: 'Due soon', due: '2028-02-29' },
    { asOf: '2028-02-01', policy: { leapDayBirthdays: 'mar1' } },
  );
  t(
    'born 29/02/2012, mar1: 15 on 01/03/2027, Not applicable on 28/02/2027',
    { dob: '2012-02-29' },
    { status: 'Not applicable' },
    { asOf: '2027-02-28', policy: { leapDayBirthdays: 'mar1' } },
  );
  t(
    'born 29/02/2012, feb28: 15 on 28/02/2027, applies',
    { dob: '2012-02-29' },
    { status: 'On track', due: '2028-02-29' },
    { asOf: '2027-02-28' },
  );
});

describe('housing-register: a care date the status needs is unreadable', () => {
  // RULES.md §4: the status is Unknown; the rule depends on the cohort, so it is Check data (the text quoted).
  t(
    '17, careEnd "TBC": Check data',
    { dob: '2009-06-01', careEndDate: 'TBC' },
    { status: 'Check data', explains: ['TBC'] },
  );
});
