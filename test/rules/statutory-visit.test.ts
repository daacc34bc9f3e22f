/**
 * statutory-visit: social worker visit (RULES.md §5, CPPCR reg 28). Window: 7 days.
 * Due: no visit on/after placementStart → placementStart + 7 days; last visit before
 * EDATE(placementStart, 12) → lastVisit + 42 days; otherwise placementUntil18 yes →
 * EDATE(lastVisit, 3), else lastVisit + 42. placementStart defaults to careStart.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('statutory-visit', {
  dob: '2012-10-01',
  careStartDate: '2020-01-01',
  placementStartDate: '2024-01-10',
  placementUntil18: null,
  lastVisitDate: null,
});

describe('statutory-visit: active / inactive', () => {
  it('is inactive without a lastVisitDate column', () => {
    expectInactive({ dob: '2012-10-01', careStartDate: '2026-11-02' }, 'statutory-visit', 'lastVisitDate');
  });
});

describe('statutory-visit: first visit, 7 days after placementStart', () => {
  t(
    'placementStart 20/11/2026, no visit → 27/11/2026',
    { placementStartDate: '2026-11-20' },
    { status: 'Due soon', due: '2026-11-27' },
  );
  t(
    'placementStart 10/11/2026, no visit → 17/11/2026',
    { placementStartDate: '2026-11-10' },
    { status: 'Overdue', due: '2026-11-17' },
  );
  t(
    'placementStart today → due in 7 days, first day of the 7-day window',
    { placementStartDate: '2026-11-23' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'a visit before placementStart does not count',
    { placementStartDate: '2026-11-20', lastVisitDate: '2026-11-01' },
    { status: 'Due soon', due: '2026-11-27' },
  );
  t(
    'a visit on the placementStart day counts → +42 days',
    { placementStartDate: '2026-11-01', lastVisitDate: '2026-11-01' },
    { status: 'On track', due: '2026-12-13' },
  );
  t(
    'no placementStart column: careStart is used',
    { careStartDate: '2026-11-20' },
    { status: 'Due soon', due: '2026-11-27' },
    { drop: ['placementStartDate'] },
  );
  // SPEC: a blank placementStart cell defaults to careStart, as a missing column does.
  t(
    'blank placementStart: careStart is used',
    { careStartDate: '2026-11-20', placementStartDate: null },
    { status: 'Due soon', due: '2026-11-27' },
  );
  t(
    'no placementStart and no careStart, no visit: Check data',
    {},
    { status: 'Check data' },
    { drop: ['placementStartDate', 'careStartDate'] },
  );
});

describe('statutory-visit: six-weekly and three-monthly visits', () => {
  t(
    'first year of the placement: +42 days',
    { placementStartDate: '2026-01-10', placementUntil18: 'Y', lastVisitDate: '2026-11-01' },
    { status: 'On track', due: '2026-12-13' },
  );
  t(
    'after the first year, long-term (Y) → EDATE(lastVisit, 3)',
    { placementUntil18: 'Y', lastVisitDate: '2026-10-01' },
    { status: 'On track', due: '2027-01-01' },
  );
  t(
    'after the first year, long-term (Yes, lower-case) → EDATE(lastVisit, 3)',
    { placementUntil18: 'yes', lastVisitDate: '2026-10-01' },
    { status: 'On track', due: '2027-01-01' },
  );
  t(
    'after the first year, not long-term (N) → +42 days',
    { placementUntil18: 'N', lastVisitDate: '2026-10-01' },
    { status: 'Overdue', due: '2026-11-12' },
  );
  t(
    'after the first year, long-term blank → +42 days',
    { placementUntil18: null, lastVisitDate: '2026-10-01' },
    { status: 'Overdue', due: '2026-11-12' },
  );
  t(
    'no placementUntil18 column → +42 days',
    { lastVisitDate: '2026-10-01' },
    { status: 'Overdue', due: '2026-11-12' },
    { drop: ['placementUntil18'] },
  );
  t(
    'last visit exactly EDATE(placementStart, 12) is no longer "before" → 3 months',
    { placementStartDate: '2025-10-01', placementUntil18: 'Y', lastVisitDate: '2026-10-01' },
    { status: 'On track', due: '2027-01-01' },
  );
  t(
    'last visit the day before EDATE(placementStart, 12) → +42 days',
    { placementStartDate: '2025-10-01', placementUntil18: 'Y', lastVisitDate: '2026-09-30' },
    { status: 'Overdue', due: '2026-11-11' },
  );
  t(
    'EDATE clamps: 31/08/2026 + 3 months = 30/11/2026, first day of the 7-day window',
    { placementUntil18: 'Y', lastVisitDate: '2026-08-31' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'placementUntil18 unreadable is ignored in the first year',
    { placementStartDate: '2026-01-10', placementUntil18: 'maybe', lastVisitDate: '2026-11-01' },
    { status: 'On track', due: '2026-12-13' },
  );
  t(
    'placementUntil18 unreadable when it decides: Check data, quoted',
    { placementUntil18: 'maybe', lastVisitDate: '2026-10-01' },
    { status: 'Check data', explains: ['maybe'] },
  );
  // SPEC: without any placementStart/careStart, a recorded visit still gives lastVisit + 42 days when
  // the placement is not long-term (both branches agree).
  t(
    'no placementStart or careStart column, visit recorded, not long-term → +42',
    { lastVisitDate: '2026-11-01' },
    { status: 'On track', due: '2026-12-13' },
    { drop: ['placementStartDate', 'careStartDate', 'placementUntil18'] },
  );
});

describe('statutory-visit: the 7-day window (lastVisit 12/10/2026 → due 23/11/2026)', () => {
  const v = { placementUntil18: 'N', lastVisitDate: '2026-10-12' };
  t('on the due date: Due soon', v, { status: 'Due soon', due: '2026-11-23' });
  t('the day after: Overdue', v, { status: 'Overdue', due: '2026-11-23' }, { asOf: '2026-11-24' });
  t(
    '7 days before (16/11/2026): Due soon',
    v,
    { status: 'Due soon', due: '2026-11-23' },
    { asOf: '2026-11-16' },
  );
  t(
    '8 days before (15/11/2026): On track',
    v,
    { status: 'On track', due: '2026-11-23' },
    { asOf: '2026-11-15' },
  );
  t(
    'policy window 14 days: 14 days before is Due soon',
    v,
    { status: 'Due soon', due: '2026-11-23' },
    { asOf: '2026-11-09', policy: { windows: { 'statutory-visit': { days: 14 } } } },
  );
  t(
    'policy defaultWindow does not replace the rule window of 7 days',
    v,
    { status: 'On track', due: '2026-11-23' },
    { asOf: '2026-11-09', policy: { defaultWindow: { days: 28 } } },
  );
});

describe('statutory-visit: applies / Check data', () => {
  t(
    'not looked after (careEnd 01/11/2026): Not applicable',
    { careEndDate: '2026-11-01', lastVisitDate: '2026-06-01' },
    { status: 'Not applicable', due: null },
  );
  t(
    'careEnd today: Not applicable',
    { careEndDate: '2026-11-23', lastVisitDate: '2026-06-01' },
    { status: 'Not applicable' },
  );
  t('lastVisit after the as-of date', { lastVisitDate: '2026-11-24' }, { status: 'Check data' });
  t(
    'lastVisit unreadable "N/A" is quoted',
    { lastVisitDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t('placementStart after the as-of date', { placementStartDate: '2026-11-30' }, { status: 'Check data' });
  t(
    'placementStart unreadable is quoted',
    { placementStartDate: 'TBC' },
    { status: 'Check data', explains: ['TBC'] },
  );
  t(
    'lastVisit before the date of birth',
    { placementStartDate: null, careStartDate: null, lastVisitDate: '2011-01-01' },
    { status: 'Check data' },
  );
});
