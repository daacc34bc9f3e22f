/**
 * leaving-care-transfer: leaving care team invited to the last review before 18, transfer at
 * 18 (RULES.md §5, PfI). Leaving-care cohort, from 17y6m, under 21. Due: 18th birthday.
 * Done: leavingCareTransferDate.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('leaving-care-transfer', {
  dob: '2009-03-01',
  careStartDate: '2020-01-01',
  leavingCareTransferDate: null,
});

describe('leaving-care-transfer: active / inactive', () => {
  it('is inactive without a leavingCareTransferDate column', () => {
    expectInactive(
      { dob: '2009-03-01', careStartDate: '2020-01-01' },
      'leaving-care-transfer',
      'leavingCareTransferDate',
    );
  });
});

describe('leaving-care-transfer', () => {
  t('17y6m reached on 01/09/2026: due 01/03/2027, On track', {}, { status: 'On track', due: '2027-03-01' });
  t('17y6m today: applies', { dob: '2009-05-23' }, { status: 'On track', due: '2027-05-23' });
  t('17y6m tomorrow: Not applicable', { dob: '2009-05-24' }, { status: 'Not applicable', due: null });
  t('17 but under 17y6m: Not applicable', { dob: '2009-06-01' }, { status: 'Not applicable' });
  t('18 on 10/12/2026: Due soon', { dob: '2008-12-10' }, { status: 'Due soon', due: '2026-12-10' });
  t('18 today: Due soon', { dob: '2008-11-23' }, { status: 'Due soon', due: '2026-11-23' });
  t('18 yesterday: Overdue', { dob: '2008-11-22' }, { status: 'Overdue', due: '2026-11-22' });
  t(
    'former relevant 18, not transferred: Overdue',
    { dob: '2008-06-01' },
    { status: 'Overdue', due: '2026-06-01' },
  );
  t('transferred: Done', { leavingCareTransferDate: '2026-11-01' }, { status: 'Done' });
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'EDATE clamps: born 31/05/2009 reaches 17y6m on 30/11/2026, Not applicable before',
    { dob: '2009-05-31' },
    { status: 'Not applicable' },
  );
  t(
    'EDATE clamps: born 31/05/2009, applies from 30/11/2026',
    { dob: '2009-05-31' },
    { status: 'On track', due: '2027-05-31' },
    { asOf: '2026-11-30' },
  );
  t(
    'not in the cohort (short care after 17): Not applicable',
    { dob: '2008-02-01', careStartDate: '2025-06-01', careEndDate: '2025-08-01' },
    { status: 'Not applicable' },
  );
  t(
    'transfer after the as-of date: Check data',
    { leavingCareTransferDate: '2026-12-01' },
    { status: 'Check data' },
  );
  t(
    'transfer unreadable "N/A": Check data, quoted',
    { leavingCareTransferDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
});
