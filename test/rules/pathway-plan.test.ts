/**
 * pathway-plan: needs assessment and pathway plan (RULES.md §5; PfI, LCC, WSCC, CPPCR reg 42).
 * Leaving-care cohort, from 15y9m, under 21. Due: the 16th birthday (policy
 * pathwayPlanDueAge); when eligibleFrom is after the 16th birthday, EDATE(eligibleFrom, 3).
 * Window: 3 months. Done: pathwayPlanDate.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('pathway-plan', {
  dob: '2011-02-01',
  careStartDate: '2020-01-01',
  pathwayPlanDate: null,
});

describe('pathway-plan: active / inactive', () => {
  it('is inactive without a pathwayPlanDate column', () => {
    expectInactive({ dob: '2011-02-01', careStartDate: '2020-01-01' }, 'pathway-plan', 'pathwayPlanDate');
  });
});

describe('pathway-plan: due on the 16th birthday, 3-month window', () => {
  t('15y9m on 01/11/2026: due 01/02/2027, Due soon', {}, { status: 'Due soon', due: '2027-02-01' });
  t(
    '15y9m today (born 23/02/2011): applies, first day of the window',
    { dob: '2011-02-23' },
    { status: 'Due soon', due: '2027-02-23' },
  );
  t(
    '15y9m tomorrow (born 24/02/2011): Not applicable',
    { dob: '2011-02-24' },
    { status: 'Not applicable', due: null },
  );
  t('16 today: due date itself, Due soon', { dob: '2010-11-23' }, { status: 'Due soon', due: '2026-11-23' });
  t('16 yesterday: Overdue', { dob: '2010-11-22' }, { status: 'Overdue', due: '2026-11-22' });
  t('16 on 01/06/2026, no plan: Overdue', { dob: '2010-06-01' }, { status: 'Overdue', due: '2026-06-01' });
  t(
    'former relevant, 20, no plan: Overdue since the 16th birthday',
    { dob: '2005-11-24', careStartDate: '2015-01-01' },
    { status: 'Overdue', due: '2021-11-24' },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'no careStart column: eligibleFrom is the 16th birthday',
    {},
    { status: 'Due soon', due: '2027-02-01' },
    { drop: ['careStartDate'] },
  );
  t(
    'blank careStart: eligibleFrom is the 16th birthday',
    { careStartDate: null },
    { status: 'Due soon', due: '2027-02-01' },
  );
});

describe('pathway-plan: eligibleFrom after the 16th birthday', () => {
  // born 01/10/2010; careStart 01/09/2026 → eligibleFrom 01/12/2026 → due 01/03/2027
  t(
    'due EDATE(eligibleFrom, 3) = 01/03/2027, On track',
    { dob: '2010-10-01', careStartDate: '2026-09-01' },
    { status: 'On track', due: '2027-03-01' },
  );
  // careStart 31/08/2026 → eligibleFrom 30/11/2026 → due EDATE(30/11/2026, 3) = 28/02/2027; window from 28/11/2026
  t(
    'EDATE clamps to 28/02/2027; 27/11/2026 is before the window',
    { dob: '2010-10-01', careStartDate: '2026-08-31' },
    { status: 'On track', due: '2027-02-28' },
    { asOf: '2026-11-27' },
  );
  t(
    'window opens on EDATE(28/02/2027, -3) = 28/11/2026',
    { dob: '2010-10-01', careStartDate: '2026-08-31' },
    { status: 'Due soon', due: '2027-02-28' },
    { asOf: '2026-11-28' },
  );
  t(
    'eligibleFrom on the 16th birthday itself: due the 16th birthday',
    { dob: '2010-11-23', careStartDate: '2026-08-24' },
    { status: 'Due soon', due: '2026-11-23' },
  );
});

describe('pathway-plan: Done / cohort / policy', () => {
  t('plan recorded: Done', { pathwayPlanDate: '2026-11-01' }, { status: 'Done' });
  t(
    'plan recorded for a former relevant 19-year-old: Done',
    { dob: '2007-01-01', careStartDate: '2015-01-01', pathwayPlanDate: '2022-12-01' },
    { status: 'Done' },
  );
  t(
    'not in the cohort (left care at 13): Not applicable',
    { dob: '2010-06-01', careEndDate: '2024-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'policy pathwayPlanDueAge 16y3m: born 01/09/2010 → due 01/12/2026, Due soon',
    { dob: '2010-09-01' },
    { status: 'Due soon', due: '2026-12-01' },
    { policy: { pathwayPlanDueAge: { years: 16, months: 3 } } },
  );
  t(
    'same row under the default: due 01/09/2026, Overdue',
    { dob: '2010-09-01' },
    { status: 'Overdue', due: '2026-09-01' },
  );
  t(
    'policy window 1 month: due 01/02/2027 is On track',
    {},
    { status: 'On track', due: '2027-02-01' },
    { policy: { windows: { 'pathway-plan': { months: 1 } } } },
  );
  t(
    'policy window 1 month: Due soon from 01/01/2027',
    {},
    { status: 'Due soon', due: '2027-02-01' },
    { asOf: '2027-01-01', policy: { windows: { 'pathway-plan': { months: 1 } } } },
  );
  t(
    'policy window 1 month: 31/12/2026 is On track',
    {},
    { status: 'On track', due: '2027-02-01' },
    { asOf: '2026-12-31', policy: { windows: { 'pathway-plan': { months: 1 } } } },
  );
});

describe('pathway-plan: leap-day birthday (§7: 15y9m on 29/11/2027, 16 on 29/02/2028)', () => {
  const leap = { dob: '2012-02-29', careStartDate: '2020-01-01' };
  t(
    'applies from 29/11/2027, due 29/02/2028, Due soon',
    leap,
    { status: 'Due soon', due: '2028-02-29' },
    { asOf: '2027-11-29' },
  );
  t('Not applicable on 28/11/2027', leap, { status: 'Not applicable' }, { asOf: '2027-11-28' });
  t('Overdue on 01/03/2028', leap, { status: 'Overdue', due: '2028-02-29' }, { asOf: '2028-03-01' });
});

describe('pathway-plan: Check data', () => {
  t('plan after the as-of date', { pathwayPlanDate: '2026-12-01' }, { status: 'Check data' });
  t(
    'plan unreadable "N/A" is quoted',
    { pathwayPlanDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t('plan before the date of birth', { pathwayPlanDate: '2010-01-01' }, { status: 'Check data' });
  t(
    'careEnd before careStart',
    { careStartDate: '2020-01-01', careEndDate: '2019-01-01' },
    { status: 'Check data' },
  );
});

describe('pathway-plan: under 21 even with supportTo25', () => {
  t(
    '22 with supportTo25, no plan: Not applicable',
    { dob: '2004-05-01', careStartDate: '2015-01-01', supportTo25: 'Y' },
    { status: 'Not applicable' },
  );
});
