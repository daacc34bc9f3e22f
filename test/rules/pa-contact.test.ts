/**
 * pa-contact: the personal adviser keeps in touch (RULES.md §5, CLR reg 8). Applies: former
 * relevant. Due: lastPaContact + 56 days (policy); none recorded → 18th birthday + 56 days.
 */
import { expectInactive, ruleTable } from './harness';

// born 01/01/2007, in care from 2015: former relevant at 19
const t = ruleTable('pa-contact', {
  dob: '2007-01-01',
  careStartDate: '2015-01-01',
  lastPaContactDate: null,
});

describe('pa-contact: active / inactive', () => {
  it('is inactive without a lastPaContactDate column', () => {
    expectInactive({ dob: '2007-01-01', careStartDate: '2015-01-01' }, 'pa-contact', 'lastPaContactDate');
  });
});

describe('pa-contact: every 56 days', () => {
  t(
    'last 01/10/2026 → 26/11/2026',
    { lastPaContactDate: '2026-10-01' },
    { status: 'Due soon', due: '2026-11-26', explains: ['01/10/2026'] },
  );
  t(
    'last 01/09/2026 → 27/10/2026',
    { lastPaContactDate: '2026-09-01' },
    { status: 'Overdue', due: '2026-10-27' },
  );
  t(
    'last 01/11/2026 → 27/12/2026',
    { lastPaContactDate: '2026-11-01' },
    { status: 'On track', due: '2026-12-27' },
  );
  t(
    'due date itself: Due soon (last 28/09/2026)',
    { lastPaContactDate: '2026-09-28' },
    { status: 'Due soon', due: '2026-11-23' },
  );
  t(
    'the day after: Overdue (last 27/09/2026)',
    { lastPaContactDate: '2026-09-27' },
    { status: 'Overdue', due: '2026-11-22' },
  );
  t(
    'first day of the window (due 21/12/2026, last 26/10/2026)',
    { lastPaContactDate: '2026-10-26' },
    { status: 'Due soon', due: '2026-12-21' },
  );
  t(
    'the day before the window (due 22/12/2026, last 27/10/2026)',
    { lastPaContactDate: '2026-10-27' },
    { status: 'On track', due: '2026-12-22' },
  );
  t(
    'none recorded: 18th birthday 20/10/2026 + 56 = 15/12/2026',
    { dob: '2008-10-20' },
    { status: 'Due soon', due: '2026-12-15' },
  );
  t('none recorded, 19: long Overdue', {}, { status: 'Overdue', due: '2025-02-26' });
  t(
    'policy paContactDays 28: last 01/11/2026 → 29/11/2026',
    { lastPaContactDate: '2026-11-01' },
    { status: 'Due soon', due: '2026-11-29' },
    { policy: { paContactDays: 28 } },
  );
});

describe('pa-contact: former relevant only', () => {
  t('18 today: former relevant, applies', { dob: '2008-11-23' }, { status: 'On track', due: '2027-01-18' });
  t(
    'eligible (17, looked after): Not applicable',
    { dob: '2009-06-01', lastPaContactDate: '2026-09-01' },
    { status: 'Not applicable', due: null },
  );
  t(
    'relevant (17, left care): Not applicable',
    { dob: '2009-06-01', careEndDate: '2026-09-01', lastPaContactDate: '2026-09-01' },
    { status: 'Not applicable' },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', lastPaContactDate: '2026-09-01' },
    { status: 'Not applicable' },
  );
  t(
    '22 with supportTo25: applies',
    { dob: '2004-05-01', supportTo25: 'Y', lastPaContactDate: '2026-11-01' },
    { status: 'On track', due: '2026-12-27' },
  );
  t(
    '22 without supportTo25: Not applicable',
    { dob: '2004-05-01', supportTo25: null, lastPaContactDate: '2026-11-01' },
    { status: 'Not applicable' },
  );
  t(
    '19 but not eligible (came into care at 17y10m): Not applicable',
    { careStartDate: '2024-11-01', lastPaContactDate: '2026-11-01' },
    { status: 'Not applicable' },
  );
  t(
    'tracker says "Former relevant": applies whatever the dates',
    { careStartDate: '2024-11-01', leavingCareStatus: 'Former relevant', lastPaContactDate: '2026-11-01' },
    { status: 'On track', due: '2026-12-27' },
  );
});

describe('pa-contact: Check data', () => {
  t('contact after the as-of date', { lastPaContactDate: '2026-11-24' }, { status: 'Check data' });
  t(
    'contact unreadable "N/A" is quoted',
    { lastPaContactDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t('contact before the date of birth', { lastPaContactDate: '2006-01-01' }, { status: 'Check data' });
});

describe('pa-contact: leap-day birthday moves the dates derived from the 18th birthday', () => {
  const leap = { dob: '2012-02-29', careStartDate: '2020-01-01' };
  t(
    'feb28: 18 on 28/02/2030, none recorded → 25/04/2030',
    leap,
    { status: 'Due soon', due: '2030-04-25' },
    { asOf: '2030-04-01' },
  );
  t(
    'mar1: 18 on 01/03/2030, none recorded → 26/04/2030',
    leap,
    { status: 'Due soon', due: '2030-04-26' },
    { asOf: '2030-04-01', policy: { leapDayBirthdays: 'mar1' } },
  );
  t(
    'mar1: not yet former relevant on 28/02/2030 (still 17 and looked after)',
    leap,
    { status: 'Not applicable' },
    { asOf: '2030-02-28', policy: { leapDayBirthdays: 'mar1' } },
  );
});
