/**
 * adult-transitions: referral to adult transitions for additional needs (RULES.md §5, LCC).
 * Leaving-care cohort; additionalNeeds yes, from 15, under 21. Due: 16th birthday.
 * Done: adultTransitionsReferralDate.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('adult-transitions', {
  dob: '2011-06-01',
  careStartDate: '2020-01-01',
  additionalNeeds: 'Y',
  adultTransitionsReferralDate: null,
});

describe('adult-transitions: active / inactive', () => {
  it('needs the additionalNeeds column', () => {
    expectInactive(
      { dob: '2011-06-01', adultTransitionsReferralDate: null },
      'adult-transitions',
      'additionalNeeds',
    );
  });
  it('needs the adultTransitionsReferralDate column', () => {
    expectInactive(
      { dob: '2011-06-01', additionalNeeds: 'Y' },
      'adult-transitions',
      'adultTransitionsReferralDate',
    );
  });
});

describe('adult-transitions', () => {
  t('15, needs yes: due 16th birthday 01/06/2027', {}, { status: 'On track', due: '2027-06-01' });
  t('16 on 10/12/2026: Due soon', { dob: '2010-12-10' }, { status: 'Due soon', due: '2026-12-10' });
  t('16 on 01/06/2026: Overdue', { dob: '2010-06-01' }, { status: 'Overdue', due: '2026-06-01' });
  t('16 today: Due soon', { dob: '2010-11-23' }, { status: 'Due soon', due: '2026-11-23' });
  t('15 today: applies', { dob: '2011-11-23' }, { status: 'On track', due: '2027-11-23' });
  t('15 tomorrow: Not applicable', { dob: '2011-11-24' }, { status: 'Not applicable', due: null });
  t('"EHCP"-style yes: "Yes"', { additionalNeeds: 'Yes' }, { status: 'On track', due: '2027-06-01' });
  t('additionalNeeds no: Not applicable', { additionalNeeds: 'N' }, { status: 'Not applicable' });
  t(
    'additionalNeeds blank (a condition column): Not applicable',
    { additionalNeeds: null },
    { status: 'Not applicable' },
  );
  t(
    'referral recorded: Done',
    { dob: '2010-06-01', adultTransitionsReferralDate: '2026-05-01' },
    { status: 'Done' },
  );
  t(
    'former relevant, 19, no referral: Overdue',
    { dob: '2007-01-01', careStartDate: '2015-01-01' },
    { status: 'Overdue', due: '2023-01-01' },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'not in the cohort: Not applicable',
    { dob: '2010-06-01', careEndDate: '2024-01-01' },
    { status: 'Not applicable' },
  );
  // SPEC: an unreadable condition value (unlike a blank one) is Check data, quoted.
  t(
    'additionalNeeds unreadable "maybe": Check data',
    { additionalNeeds: 'maybe' },
    { status: 'Check data', explains: ['maybe'] },
  );
  t(
    'additionalNeeds "maybe" outside the cohort: Not applicable, the value is not used',
    { dob: '2010-06-01', careEndDate: '2024-01-01', additionalNeeds: 'maybe' },
    { status: 'Not applicable', due: null },
  );
  t(
    'referral after the as-of date: Check data',
    { adultTransitionsReferralDate: '2026-12-01' },
    { status: 'Check data' },
  );
  t(
    'referral unreadable "N/A": Check data, quoted',
    { adultTransitionsReferralDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
});
