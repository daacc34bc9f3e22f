/**
 * Leaving-care status (RULES.md §4): computed from DOB, careStart and careEnd unless the
 * tracker supplies one. eligibleFrom = max(16th birthday, max(careStart, 14th birthday) + 91 days).
 */
import { check, leavingCareStatusOf, type Opts, type Values } from './harness';

// a rule column so the tracker has something to evaluate besides the status itself
const cols: Values = { lastReviewDate: null };

const cases: [string, Values, string, Opts?][] = [
  // Eligible / Not yet eligible
  ['17, in care since 2020: Eligible', { dob: '2009-06-01', careStartDate: '2020-01-01' }, 'Eligible'],
  [
    '16 today, in care since 2020: Eligible (eligibleFrom = 16th birthday)',
    { dob: '2010-11-23', careStartDate: '2020-01-01' },
    'Eligible',
  ],
  ['16 tomorrow: Not yet eligible', { dob: '2010-11-24', careStartDate: '2020-01-01' }, 'Not yet eligible'],
  [
    '14, looked after: Not yet eligible',
    { dob: '2012-10-01', careStartDate: '2020-01-01' },
    'Not yet eligible',
  ],
  [
    '16, careStart + 91 days = today: Eligible',
    { dob: '2010-01-01', careStartDate: '2026-08-24' },
    'Eligible',
  ],
  [
    '16, careStart + 91 days = tomorrow: Not yet eligible',
    { dob: '2010-01-01', careStartDate: '2026-08-25' },
    'Not yet eligible',
  ],
  [
    '16, came into care at 15y9m: 16th birthday is later than careStart + 91',
    { dob: '2010-09-01', careStartDate: '2026-06-01' },
    'Eligible',
  ],
  [
    'no careStart column: eligibleFrom is the 16th birthday (16 today → Eligible)',
    { dob: '2010-11-23' },
    'Eligible',
  ],
  ['no careStart column: 16 tomorrow → Not yet eligible', { dob: '2010-11-24' }, 'Not yet eligible'],
  [
    'blank careStart: eligibleFrom is the 16th birthday',
    { dob: '2010-11-23', careStartDate: null },
    'Eligible',
  ],
  [
    'careEnd planned after the as-of date: still looked after, Eligible',
    { dob: '2009-06-01', careStartDate: '2020-01-01', careEndDate: '2026-11-24' },
    'Eligible',
  ],
  // Relevant
  [
    '17, left care on 01/09/2026 after being eligible: Relevant',
    { dob: '2009-06-01', careStartDate: '2020-01-01', careEndDate: '2026-09-01' },
    'Relevant',
  ],
  [
    '17, careEnd today: no longer looked after → Relevant',
    { dob: '2009-06-01', careStartDate: '2020-01-01', careEndDate: '2026-11-23' },
    'Relevant',
  ],
  [
    '16, careEnd = eligibleFrom (16th birthday): not eligible for a day → Not eligible',
    { dob: '2010-06-01', careStartDate: '2020-01-01', careEndDate: '2026-06-01' },
    'Not eligible',
  ],
  [
    '16, careEnd the day after eligibleFrom: Relevant',
    { dob: '2010-06-01', careStartDate: '2020-01-01', careEndDate: '2026-06-02' },
    'Relevant',
  ],
  [
    '17, left care at 15: Not eligible',
    { dob: '2009-06-01', careStartDate: '2024-01-01', careEndDate: '2024-09-01' },
    'Not eligible',
  ],
  [
    '14, left care: Not eligible',
    { dob: '2012-10-01', careStartDate: '2020-01-01', careEndDate: '2025-01-01' },
    'Not eligible',
  ],
  // Former relevant
  [
    '19, in care from 2015, no careEnd (ended at 18): Former relevant',
    { dob: '2007-01-01', careStartDate: '2015-01-01' },
    'Former relevant',
  ],
  [
    '19, careEnd after the 18th birthday (ended at 18): Former relevant',
    { dob: '2007-01-01', careStartDate: '2015-01-01', careEndDate: '2025-06-01' },
    'Former relevant',
  ],
  [
    '19, left care at 17 after being eligible: Former relevant',
    { dob: '2007-01-01', careStartDate: '2015-01-01', careEndDate: '2024-06-01' },
    'Former relevant',
  ],
  ['18 today: Former relevant', { dob: '2008-11-23', careStartDate: '2015-01-01' }, 'Former relevant'],
  [
    '20 (21 tomorrow): Former relevant',
    { dob: '2005-11-24', careStartDate: '2015-01-01' },
    'Former relevant',
  ],
  ['21 today: Not eligible', { dob: '2005-11-23', careStartDate: '2015-01-01' }, 'Not eligible'],
  [
    '21 today with supportTo25 yes: Former relevant',
    { dob: '2005-11-23', careStartDate: '2015-01-01', supportTo25: 'Y' },
    'Former relevant',
  ],
  [
    '24 (25 tomorrow) with supportTo25: Former relevant',
    { dob: '2001-11-24', careStartDate: '2012-01-01', supportTo25: 'Yes' },
    'Former relevant',
  ],
  [
    '25 today with supportTo25: Not eligible',
    { dob: '2001-11-23', careStartDate: '2012-01-01', supportTo25: 'Y' },
    'Not eligible',
  ],
  [
    '22 with supportTo25 no: Not eligible',
    { dob: '2004-05-01', careStartDate: '2015-01-01', supportTo25: 'N' },
    'Not eligible',
  ],
  [
    '19, came into care at 17y10m (ended at 18 before eligibleFrom): Not eligible',
    { dob: '2007-01-01', careStartDate: '2024-11-01' },
    'Not eligible',
  ],
  [
    '19, no careStart column: eligibleFrom 16th birthday → Former relevant',
    { dob: '2007-01-01' },
    'Former relevant',
  ],
  [
    '19, no careEnd column: care ended at 18 → Former relevant',
    { dob: '2007-01-01', careStartDate: '2015-01-01' },
    'Former relevant',
    { drop: ['careEndDate'] },
  ],
  [
    '17, no careStart column, left care 01/09/2026: Relevant',
    { dob: '2009-06-01', careEndDate: '2026-09-01' },
    'Relevant',
    { drop: ['careStartDate'] },
  ],
  [
    '17, no careStart column, left care on the 16th birthday: Not eligible',
    { dob: '2009-06-01', careEndDate: '2025-06-01' },
    'Not eligible',
    { drop: ['careStartDate'] },
  ],
  // Unknown
  [
    'careEnd before careStart: Unknown',
    { dob: '2009-06-01', careStartDate: '2020-01-01', careEndDate: '2019-01-01' },
    'Unknown',
  ],
  ['careStart unreadable: Unknown', { dob: '2009-06-01', careStartDate: 'N/A' }, 'Unknown'],
  [
    'careEnd unreadable: Unknown',
    { dob: '2009-06-01', careStartDate: '2020-01-01', careEndDate: 'TBC' },
    'Unknown',
  ],
  ['DOB blank: Unknown', { dob: null, careStartDate: '2020-01-01' }, 'Unknown'],
  ['DOB unreadable: Unknown', { dob: 'unknown', careStartDate: '2020-01-01' }, 'Unknown'],
  ['DOB after the as-of date: Unknown', { dob: '2026-11-24', careStartDate: null }, 'Unknown'],
  ['aged 26: Unknown', { dob: '2000-11-23', careStartDate: '2010-01-01' }, 'Unknown'],
  // supplied by the tracker
  [
    'tracker says Relevant for a looked-after 17-year-old: Relevant',
    { dob: '2009-06-01', careStartDate: '2020-01-01', leavingCareStatus: 'Relevant' },
    'Relevant',
  ],
  [
    'tracker says Not eligible for a computed former relevant: Not eligible',
    { dob: '2007-01-01', careStartDate: '2015-01-01', leavingCareStatus: 'Not eligible' },
    'Not eligible',
  ],
  [
    'tracker says Former relevant with a blank DOB: shown as given',
    { dob: null, leavingCareStatus: 'Former relevant' },
    'Former relevant',
  ],
  [
    'tracker says Eligible with careEnd before careStart: shown as given',
    {
      dob: '2009-06-01',
      careStartDate: '2020-01-01',
      careEndDate: '2019-01-01',
      leavingCareStatus: 'Eligible',
    },
    'Eligible',
  ],
  [
    'tracker status cell blank: computed',
    { dob: '2009-06-01', careStartDate: '2020-01-01', leavingCareStatus: null },
    'Eligible',
  ],
];

describe('leaving-care status (RULES.md §4), as of 23/11/2026', () => {
  // rows as objects: a test function with more parameters than a row has columns would be
  // taken by Jest for a `done` callback
  const rows = cases.map(([name, values, expected, opts]) => ({ name, values, expected, opts: opts ?? {} }));
  it.each(rows)('$name', ({ values, expected, opts }) => {
    const merged: Values = { careEndDate: null, ...cols, ...values };
    expect(leavingCareStatusOf(merged, opts)).toBe(expected);
  });

  it('the leap-day DOB: 16 on 29/02/2028 → Eligible that day, Not yet eligible the day before', () => {
    const v: Values = { dob: '2012-02-29', careStartDate: '2020-01-01', careEndDate: null, ...cols };
    expect(leavingCareStatusOf(v, { asOf: '2028-02-29' })).toBe('Eligible');
    expect(leavingCareStatusOf(v, { asOf: '2028-02-28' })).toBe('Not yet eligible');
  });
  it('the leap-day DOB: 18 on 28/02/2030 (feb28) or 01/03/2030 (mar1)', () => {
    const v: Values = { dob: '2012-02-29', careStartDate: '2020-01-01', careEndDate: null, ...cols };
    expect(leavingCareStatusOf(v, { asOf: '2030-02-28' })).toBe('Former relevant');
    expect(leavingCareStatusOf(v, { asOf: '2030-02-28', policy: { leapDayBirthdays: 'mar1' } })).toBe(
      'Eligible',
    );
  });
});

describe('the leaving-care cohort with a status the tracker supplies (RULES.md §4)', () => {
  // Care ended before it started, so "looked after" cannot be worked out; the supplied status
  // alone puts the young person in the cohort, and the pathway rules go on without the care dates.
  const row: Values = {
    dob: '2006-10-29',
    careStartDate: '2026-11-11',
    careEndDate: '2024-10-29',
    leavingCareStatus: 'Former relevant',
    paReferralDate: '2023-05-06',
    housingRegisterDate: null,
    eetStatus: 'EET',
    lastPaContactDate: '2026-09-29',
  };

  it('pathway rules use the supplied Former relevant, as pa-contact does', () => {
    check(row, 'pa-referral', { status: 'Done', due: '2022-07-29' });
    check(row, 'housing-register', { status: 'Overdue', due: '2022-10-29' });
    check(row, 'eet', { status: 'Done' });
    check(row, 'pa-contact', { status: 'Due soon', due: '2026-11-24' });
  });

  it('a due date counted from the care start uses it as recorded (pathway plan from eligibility, first PEP)', () => {
    const eligible: Values = {
      dob: '2008-03-30',
      careStartDate: '2026-08-02',
      careEndDate: '2026-03-30',
      leavingCareStatus: 'Relevant',
      pathwayPlanDate: null,
      lastPepDate: null,
    };
    // eligible from 01/11/2026 (13 weeks from the care start): plan due 3 months later
    check(eligible, 'pathway-plan', { status: 'On track', due: '2027-02-01' }, { asOf: '2026-09-01' });
    // Year 12; no PEP since the care start: WORKDAY(02/08/2026, 20)
    check(
      { ...eligible, dob: '2009-12-01' },
      'pep',
      { status: 'Overdue', due: '2026-08-28' },
      { asOf: '2026-09-01' },
    );
  });

  // under 18, whether care has ended depends on the care dates that contradict each other
  const seventeen: Values = { ...row, dob: '2009-06-01', leavingCareStatus: 'Relevant' };

  it('rules that need "looked after" are still Check data', () => {
    check({ ...seventeen, lastReviewDate: '2026-06-01' }, 'cla-review', {
      status: 'Check data',
      explains: ['before it started'],
    });
  });

  it('a supplied status outside the cohort leaves it to the care dates: Check data', () => {
    check({ ...seventeen, leavingCareStatus: 'Not eligible' }, 'housing-register', {
      status: 'Check data',
      explains: ['before it started'],
    });
  });

  it('from 18, care has ended whatever the care dates say: not looked after', () => {
    // the 20-year-old's care dates contradict each other, but care ended at 18 at the latest
    check({ ...row, lastReviewDate: '2026-06-01' }, 'cla-review', { status: 'Not applicable' });
    check({ ...row, leavingCareStatus: 'Not eligible' }, 'housing-register', { status: 'Not applicable' });
  });

  it('a status recorded as "Unknown" is shown as given, and the rules that need it are Check data', () => {
    const unknown: Values = {
      ...row,
      careStartDate: '2015-01-01',
      careEndDate: null,
      leavingCareStatus: 'Unknown',
    };
    expect(leavingCareStatusOf(unknown)).toBe('Unknown');
    check(unknown, 'housing-register', { status: 'Check data', explains: ['recorded as "Unknown"'] });
    check(unknown, 'pa-contact', { status: 'Check data', explains: ['recorded as "Unknown"'] });
    // cleared, the status is worked out from the care dates: former relevant
    expect(leavingCareStatusOf({ ...unknown, leavingCareStatus: null })).toBe('Former relevant');
  });
});

describe('the 18th birthday ends care when the care end cannot be used (RULES.md §4)', () => {
  const leaver: Values = { dob: '2008-06-17', careStartDate: '2024-03-11', careEndDate: 'TBC' };

  it('staying-put, for the looked after only, is Not applicable at 18 with the care end "TBC"', () => {
    check({ ...leaver, placementType: 'Foster', stayingPutDiscussedDate: null }, 'staying-put', {
      status: 'Not applicable',
    });
  });

  it('past the upper age without support to 25: Not eligible, whatever the care end reads', () => {
    const older: Values = {
      dob: '2003-12-16',
      careStartDate: '2016-08-03',
      careEndDate: 'TBC',
      supportTo25: 'No',
    };
    expect(leavingCareStatusOf(older)).toBe('Not eligible');
    check({ ...older, lastPaContactDate: null }, 'pa-contact', { status: 'Not applicable' });
    // the care end is needed to tell former relevant from not eligible under 21: Unknown
    expect(leavingCareStatusOf(leaver)).toBe('Unknown');
  });
});
