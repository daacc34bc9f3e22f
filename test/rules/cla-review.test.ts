/**
 * cla-review: looked-after review (RULES.md §5, CPPCR reg 33).
 * Due: no review on/after careStart (first or last) → WORKDAY(careStart, 20); last review is the first →
 * EDATE(lastReview, 3); else EDATE(lastReview, 6). As of 23/11/2026 (a Monday) unless stated.
 */
import { expectActive, expectInactive, ruleTable } from './harness';

const t = ruleTable('cla-review', { dob: '2012-10-01', careStartDate: '2020-01-01', lastReviewDate: null });

describe('cla-review: active / inactive', () => {
  it('is inactive without a lastReviewDate column, and the reason names the field', () => {
    expectInactive({ dob: '2012-10-01', careStartDate: '2026-11-02' }, 'cla-review', 'lastReviewDate');
  });
  it('is active with the lastReviewDate column even when every cell is blank', () => {
    expectActive({ dob: '2012-10-01', careStartDate: '2026-11-02', lastReviewDate: null }, 'cla-review');
  });
});

describe('cla-review: first review, 20 working days after careStart', () => {
  t(
    '§7 first review: careStart 02/11/2026, no review',
    { careStartDate: '2026-11-02' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'careStart 01/10/2026 (Thu), no review → 29/10/2026',
    { careStartDate: '2026-10-01' },
    { status: 'Overdue', due: '2026-10-29' },
  );
  t(
    'due date itself is Due soon (careStart 26/10/2026 → 23/11/2026)',
    { careStartDate: '2026-10-26' },
    { status: 'Due soon', due: '2026-11-23' },
  );
  t(
    'the day after the due date is Overdue (careStart 23/10/2026 → 20/11/2026)',
    { careStartDate: '2026-10-23' },
    { status: 'Overdue', due: '2026-11-20' },
  );
  t(
    'careStart on a Sunday (31/05/2026) → 26/06/2026',
    { careStartDate: '2026-05-31' },
    { status: 'Overdue', due: '2026-06-26' },
  );
  t(
    'over Christmas: careStart 10/12/2026 → 12/01/2027 (25, 28 Dec and 1 Jan are bank holidays)',
    { careStartDate: '2026-12-10' },
    { status: 'On track', due: '2027-01-12' },
    { asOf: '2026-12-10' },
  );
  t(
    'a review before careStart belongs to an earlier period of care',
    { careStartDate: '2026-11-02', lastReviewDate: '2026-06-01' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'first review due, window edge: 28 days before (02/11/2026) is Due soon',
    { careStartDate: '2026-11-02' },
    { status: 'Due soon', due: '2026-11-30' },
    { asOf: '2026-11-02' },
  );
  t(
    'no careStart column and no review: Check data',
    { careStartDate: undefined },
    { status: 'Check data' },
    { drop: ['careStartDate'] },
  );
  t('blank careStart and no review: Check data', { careStartDate: null }, { status: 'Check data' });
});

describe('cla-review: second review (3 months) or later reviews (6 months)', () => {
  t(
    '§7 second review: careStart 05/01/2026, lastReview 30/01/2026, no first-review column',
    { careStartDate: '2026-01-05', lastReviewDate: '2026-01-30' },
    { status: 'Overdue', due: '2026-04-30', explains: ['30/01/2026'] },
  );
  t(
    '§7 six-monthly: careStart 01/01/2020, lastReview 31/08/2026 → 28/02/2027',
    { careStartDate: '2020-01-01', lastReviewDate: '2026-08-31' },
    { status: 'On track', due: '2027-02-28' },
  );
  t(
    'a review on the careStart day counts as a review of this period (first)',
    { careStartDate: '2026-10-01', lastReviewDate: '2026-10-01' },
    { status: 'On track', due: '2027-01-01' },
  );
  t(
    'fallback: lastReview exactly EDATE(careStart, 3) is the first → +3 months (clamped to 30/11)',
    { careStartDate: '2026-05-31', lastReviewDate: '2026-08-31' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'fallback: lastReview the day after EDATE(careStart, 3) is not the first → +6 months',
    { careStartDate: '2026-05-31', lastReviewDate: '2026-09-01' },
    { status: 'On track', due: '2027-03-01' },
  );
  t(
    'reviewsHeld 1 → first, even long after careStart',
    { careStartDate: '2020-01-01', lastReviewDate: '2026-09-10', reviewsHeld: 1 },
    { status: 'Due soon', due: '2026-12-10' },
  );
  t(
    'reviewsHeld 0 → first',
    { careStartDate: '2020-01-01', lastReviewDate: '2026-09-10', reviewsHeld: 0 },
    { status: 'Due soon', due: '2026-12-10' },
  );
  t(
    'reviewsHeld "1" as text → first',
    { careStartDate: '2020-01-01', lastReviewDate: '2026-09-10', reviewsHeld: '1' },
    { status: 'Due soon', due: '2026-12-10' },
  );
  t(
    'reviewsHeld 2 → not first, even within 3 months of careStart',
    { careStartDate: '2026-09-01', lastReviewDate: '2026-10-15', reviewsHeld: 2 },
    { status: 'On track', due: '2027-04-15' },
  );
  t(
    'reviewsHeld wins over firstReviewDate',
    {
      careStartDate: '2020-01-01',
      lastReviewDate: '2026-09-10',
      reviewsHeld: 3,
      firstReviewDate: '2026-09-10',
    },
    { status: 'On track', due: '2027-03-10' },
  );
  t(
    'reviewsHeld blank → firstReviewDate equal to lastReview → first',
    {
      careStartDate: '2020-01-01',
      lastReviewDate: '2026-09-10',
      reviewsHeld: null,
      firstReviewDate: '2026-09-10',
    },
    { status: 'Due soon', due: '2026-12-10' },
  );
  t(
    'firstReviewDate different from lastReview → not first',
    { careStartDate: '2026-09-01', firstReviewDate: '2026-09-20', lastReviewDate: '2026-10-15' },
    { status: 'On track', due: '2027-04-15' },
  );
  t(
    'firstReviewDate blank → falls back to EDATE(careStart, 3)',
    { careStartDate: '2026-09-01', firstReviewDate: null, lastReviewDate: '2026-10-15' },
    { status: 'On track', due: '2027-01-15' },
  );
  t(
    'no careStart column: a recorded review is not the first → +6 months',
    { lastReviewDate: '2026-09-10' },
    { status: 'On track', due: '2027-03-10' },
    { drop: ['careStartDate'] },
  );
  t(
    'no careStart column, reviewsHeld 1 → +3 months',
    { lastReviewDate: '2026-09-10', reviewsHeld: 1 },
    { status: 'Due soon', due: '2026-12-10' },
    { drop: ['careStartDate'] },
  );
});

describe('cla-review: window edges (lastReview 23/05/2026, later review → due 23/11/2026)', () => {
  const later = { careStartDate: '2020-01-01', lastReviewDate: '2026-05-23' };
  t('on the due date: Due soon', later, { status: 'Due soon', due: '2026-11-23' });
  t('the day after: Overdue', later, { status: 'Overdue', due: '2026-11-23' }, { asOf: '2026-11-24' });
  t(
    'first day of the 28-day window (26/10/2026): Due soon',
    later,
    { status: 'Due soon', due: '2026-11-23' },
    { asOf: '2026-10-26' },
  );
  t(
    'the day before the window (25/10/2026): On track',
    later,
    { status: 'On track', due: '2026-11-23' },
    { asOf: '2026-10-25' },
  );
  t(
    'policy window 7 days: 8 days before is On track',
    later,
    { status: 'On track', due: '2026-11-23' },
    { asOf: '2026-11-15', policy: { windows: { 'cla-review': { days: 7 } } } },
  );
  t(
    'policy window 7 days: 7 days before is Due soon',
    later,
    { status: 'Due soon', due: '2026-11-23' },
    { asOf: '2026-11-16', policy: { windows: { 'cla-review': { days: 7 } } } },
  );
  t(
    'policy default window 60 days: 60 days before is Due soon',
    later,
    { status: 'Due soon', due: '2026-11-23' },
    { asOf: '2026-09-24', policy: { defaultWindow: { days: 60 } } },
  );
});

describe('cla-review: applies only while looked after', () => {
  t(
    'careEnd before the as-of date: Not applicable',
    { careEndDate: '2026-11-01', lastReviewDate: '2026-01-01' },
    { status: 'Not applicable', due: null },
  );
  t(
    'careEnd on the as-of date itself: no longer looked after',
    { careEndDate: '2026-11-23', lastReviewDate: '2026-01-01' },
    { status: 'Not applicable' },
  );
  t(
    'careEnd the day after the as-of date (planned): still looked after',
    { careEndDate: '2026-11-24', lastReviewDate: '2026-01-01' },
    { status: 'Overdue', due: '2026-07-01' },
  );
  t(
    '18 today with no careEnd: care ended on the 18th birthday',
    { dob: '2008-11-23', lastReviewDate: '2026-01-01' },
    { status: 'Not applicable' },
  );
  t(
    '18 tomorrow: still looked after',
    { dob: '2008-11-24', lastReviewDate: '2026-01-01' },
    { status: 'Overdue', due: '2026-07-01' },
  );
});

describe('cla-review: Check data', () => {
  t(
    'lastReview after the as-of date (a planned date in the wrong column)',
    { lastReviewDate: '2026-11-24' },
    { status: 'Check data' },
  );
  t(
    'lastReview unreadable "N/A" is quoted',
    { lastReviewDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t(
    'lastReview unreadable "TBC" is quoted',
    { lastReviewDate: 'TBC' },
    { status: 'Check data', explains: ['TBC'] },
  );
  t('lastReview unreadable on the wire', { lastReviewDate: { unreadable: true } }, { status: 'Check data' });
  t(
    'lastReview before the date of birth',
    { dob: '2012-10-01', careStartDate: null, lastReviewDate: '2012-09-30' },
    { status: 'Check data' },
  );
  t('careStart after the as-of date', { careStartDate: '2026-11-24' }, { status: 'Check data' });
  t(
    'careStart unreadable "unknown" is quoted',
    { careStartDate: 'unknown' },
    { status: 'Check data', explains: ['unknown'] },
  );
  t(
    'careEnd before careStart',
    { careStartDate: '2026-01-01', careEndDate: '2025-12-01', lastReviewDate: '2026-02-01' },
    { status: 'Check data' },
  );
  t(
    'reviewsHeld unreadable when it decides first/not first',
    { lastReviewDate: '2026-09-10', reviewsHeld: 'several' },
    { status: 'Check data', explains: ['several'] },
  );
  t(
    'firstReviewDate unreadable when it decides (reviewsHeld blank)',
    { lastReviewDate: '2026-09-10', reviewsHeld: null, firstReviewDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t(
    'firstReviewDate unreadable is ignored when reviewsHeld already decides',
    { lastReviewDate: '2026-09-10', reviewsHeld: 4, firstReviewDate: 'N/A' },
    { status: 'On track', due: '2027-03-10' },
  );
  t(
    'firstReviewDate unreadable is ignored when there is no review this period',
    { careStartDate: '2026-11-02', lastReviewDate: null, firstReviewDate: 'N/A' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'a first review recorded without a last review: the second is due 3 months after it',
    { careStartDate: '2026-09-01', firstReviewDate: '2026-09-28', lastReviewDate: null },
    {
      status: 'On track',
      due: '2026-12-28',
      explains: ['Second review due 3 months after first review on 28/09/2026'],
    },
  );
  t(
    'the same, reviewsHeld 1 agreeing',
    { careStartDate: '2026-09-01', firstReviewDate: '2026-09-28', lastReviewDate: null, reviewsHeld: 1 },
    { status: 'On track', due: '2026-12-28' },
  );
  t(
    'a first review recorded without a last review, but reviewsHeld says 3: the last review date is needed',
    { careStartDate: '2026-01-05', firstReviewDate: '2026-01-28', lastReviewDate: null, reviewsHeld: 3 },
    { status: 'Check data', explains: ['No last review recorded, though 3 reviews have been held'] },
  );
  t(
    'a first review before careStart (an earlier period of care) and no last review: first review due',
    { careStartDate: '2026-11-02', firstReviewDate: '2025-03-01', lastReviewDate: null },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'an unreadable column the rule does not use is ignored',
    { careStartDate: '2026-11-02', lastDentalCheckDate: 'N/A' },
    { status: 'Due soon', due: '2026-11-30' },
  );
});

describe('cla-review: more rows', () => {
  t(
    'blank careStart, a review recorded: treated as no careStart → not first, +6 months',
    { careStartDate: null, lastReviewDate: '2026-09-10' },
    { status: 'On track', due: '2027-03-10' },
  );
  t(
    'leap-year EDATE: review 31/08/2027 + 6 months = 29/02/2028',
    { lastReviewDate: '2027-08-31' },
    { status: 'On track', due: '2028-02-29' },
    { asOf: '2027-09-01' },
  );
  t(
    'second review from 30/11/2026 → 28/02/2027 (+3 months clamps)',
    { careStartDate: '2026-11-02', lastReviewDate: '2026-11-30' },
    { status: 'On track', due: '2027-02-28' },
    { asOf: '2026-12-01' },
  );
});

describe('cla-review: windows in months and zero-day windows (policy)', () => {
  // a later review on 30/06/2026 → due EDATE(30/06/2026, 6) = 30/12/2026
  const later = { careStartDate: '2020-01-01', lastReviewDate: '2026-06-30' };
  t(
    'defaultWindow 1 month: window opens EDATE(30/12/2026, -1) = 30/11/2026',
    later,
    { status: 'Due soon', due: '2026-12-30' },
    { asOf: '2026-11-30', policy: { defaultWindow: { months: 1 } } },
  );
  t(
    'defaultWindow 1 month: 29/11/2026 is On track',
    later,
    { status: 'On track', due: '2026-12-30' },
    { asOf: '2026-11-29', policy: { defaultWindow: { months: 1 } } },
  );
  t(
    'window 0 days: the day before is On track',
    later,
    { status: 'On track', due: '2026-12-30' },
    { asOf: '2026-12-29', policy: { windows: { 'cla-review': { days: 0 } } } },
  );
  t(
    'window 0 days: the due date itself is Due soon',
    later,
    { status: 'Due soon', due: '2026-12-30' },
    { asOf: '2026-12-30', policy: { windows: { 'cla-review': { days: 0 } } } },
  );
  t(
    'reviewsHeld 1 but no review this period: 20 working days after careStart',
    { careStartDate: '2026-11-02', reviewsHeld: 1, lastReviewDate: null },
    { status: 'Due soon', due: '2026-11-30' },
  );
});

describe('cla-review: Check data explanations name the value', () => {
  t(
    'a completion date after the as-of date is named',
    { lastReviewDate: '2026-11-24' },
    { status: 'Check data', explains: ['24/11/2026'] },
  );
  t(
    'a date before the DOB is named',
    { careStartDate: null, lastReviewDate: '2012-09-30' },
    { status: 'Check data', explains: ['30/09/2012'] },
  );
  t(
    'an Excel serial with a time of day (46052.75) is 30/01/2026',
    { careStartDate: '2026-01-05', lastReviewDate: 46052.75 },
    { status: 'Overdue', due: '2026-04-30' },
  );
  // SPEC: the §2 example explanation ends with its source "(CPPCR reg 33)"; every explanation is expected to cite it.
  t(
    'the source is cited',
    { careStartDate: '2026-11-02' },
    { status: 'Due soon', due: '2026-11-30', explains: ['CPPCR reg 33'] },
  );
});
