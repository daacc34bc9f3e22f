/**
 * pa-referral: referral for a personal adviser (RULES.md §5, LCC "from the age of 15 3/4").
 * Leaving-care cohort, from 15, under 21. Due: 15y9m. Done: paReferralDate or a named
 * personal adviser.
 */
import { expectActive, expectInactive, ruleTable } from './harness';

const t = ruleTable('pa-referral', {
  dob: '2011-02-01',
  careStartDate: '2020-01-01',
  paReferralDate: null,
  personalAdviser: null,
});

describe('pa-referral: active / inactive', () => {
  it('is inactive with neither paReferralDate nor personalAdviser', () => {
    expectInactive(
      { dob: '2011-02-01', careStartDate: '2020-01-01' },
      'pa-referral',
      /paReferralDate|personalAdviser/,
    );
  });
  it('is active with only personalAdviser', () => {
    expectActive({ dob: '2011-02-01', personalAdviser: null }, 'pa-referral');
  });
  it('is active with only paReferralDate', () => {
    expectActive({ dob: '2011-02-01', paReferralDate: null }, 'pa-referral');
  });
});

describe('pa-referral: due at 15y9m', () => {
  t('15y9m on 01/11/2026: Overdue', {}, { status: 'Overdue', due: '2026-11-01' });
  t('15y9m on 01/12/2026: Due soon', { dob: '2011-03-01' }, { status: 'Due soon', due: '2026-12-01' });
  t('15y9m on 01/02/2027: On track', { dob: '2011-05-01' }, { status: 'On track', due: '2027-02-01' });
  t('15y9m today: Due soon', { dob: '2011-02-23' }, { status: 'Due soon', due: '2026-11-23' });
  t('15y9m yesterday: Overdue', { dob: '2011-02-22' }, { status: 'Overdue', due: '2026-11-22' });
  t(
    '15y9m on 21/12/2026 (first day of the window today): Due soon',
    { dob: '2011-03-21' },
    { status: 'Due soon', due: '2026-12-21' },
  );
  t(
    '15y9m on 22/12/2026 (window opens tomorrow): On track',
    { dob: '2011-03-22' },
    { status: 'On track', due: '2026-12-22' },
  );
  t('15 today: applies, due 23/08/2027', { dob: '2011-11-23' }, { status: 'On track', due: '2027-08-23' });
  t('15 tomorrow: Not applicable', { dob: '2011-11-24' }, { status: 'Not applicable', due: null });
  t(
    'EDATE clamps: born 31/05/2011 → 15y9m on 28/02/2027',
    { dob: '2011-05-31' },
    { status: 'On track', due: '2027-02-28' },
  );
  t(
    'only the paReferralDate column',
    {},
    { status: 'Overdue', due: '2026-11-01' },
    { drop: ['personalAdviser'] },
  );
  t(
    'former relevant, 20, never referred: Overdue',
    { dob: '2005-11-24', careStartDate: '2015-01-01' },
    { status: 'Overdue', due: '2021-08-24' },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'not in the cohort (left care at 12): Not applicable',
    { careEndDate: '2023-06-01' },
    { status: 'Not applicable' },
  );
});

describe('pa-referral: Done', () => {
  t('referral recorded', { paReferralDate: '2026-10-01' }, { status: 'Done' });
  t('a personal adviser is named (yes on the wire)', { personalAdviser: true }, { status: 'Done' });
  t('a personal adviser is named (text)', { personalAdviser: 'A. Adviser' }, { status: 'Done' });
  t(
    'only the personalAdviser column, named',
    { personalAdviser: 'Y' },
    { status: 'Done' },
    { drop: ['paReferralDate'] },
  );
  t(
    'leap-day DOB: 15y9m on 29/11/2027, Due soon from 01/11/2027',
    { dob: '2012-02-29' },
    { status: 'Due soon', due: '2027-11-29' },
    { asOf: '2027-11-01' },
  );
  t(
    'leap-day DOB: On track on 31/10/2027',
    { dob: '2012-02-29' },
    { status: 'On track', due: '2027-11-29' },
    { asOf: '2027-10-31' },
  );
});

describe('pa-referral: Check data', () => {
  t('referral after the as-of date', { paReferralDate: '2026-11-30' }, { status: 'Check data' });
  t(
    'referral unreadable "TBC" is quoted',
    { paReferralDate: 'TBC' },
    { status: 'Check data', explains: ['TBC'] },
  );
  t('referral before the date of birth', { paReferralDate: '2010-01-01' }, { status: 'Check data' });
  // Whether the rule applies is unknown: no due date is given, though 15y9m needs only the
  // date of birth (docs/rules-readings.md, due on Check data).
  t(
    'care end unreadable: Check data without a due date',
    { careEndDate: 'TBC' },
    { status: 'Check data', due: null, explains: ['TBC'] },
  );
  t(
    'care dates contradict each other: Check data without a due date',
    { careStartDate: '2026-01-01', careEndDate: '2025-12-01' },
    { status: 'Check data', due: null, explains: ['before it started'] },
  );
  t(
    'adviser "N/A" is unreadable, not nobody (RULES.md §3), and quoted',
    { personalAdviser: 'N/A' },
    { status: 'Check data', due: '2026-11-01', explains: ['N/A'] },
  );
  // Done needs the referral date or a named adviser: with an adviser named, the date is not used.
  t(
    'a named adviser with a referral after the as-of date: Done',
    { personalAdviser: 'Sam Jones', paReferralDate: '2026-12-01' },
    { status: 'Done', explains: ['adviser is named'] },
  );
  t(
    'a named adviser with an unreadable referral: Done',
    { personalAdviser: 'Sam Jones', paReferralDate: 'TBC' },
    { status: 'Done' },
  );
  t(
    'no adviser and an unreadable referral: Check data',
    { personalAdviser: 'None', paReferralDate: 'TBC' },
    { status: 'Check data', explains: ['TBC'] },
  );
});
