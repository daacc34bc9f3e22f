/**
 * secure-review: review after entering or leaving secure accommodation or custody
 * (RULES.md §5, NICE rec 14). Applies when a secureStart or secureEnd on or before the
 * as-of date is recorded; event = the later date; Done: lastReview on or after the event;
 * Due: WORKDAY(event, 5) (policy secureReviewWorkingDays).
 */
import { expectActive, expectInactive, ruleTable } from './harness';

const t = ruleTable('secure-review', {
  dob: '2010-01-01',
  careStartDate: '2020-01-01',
  secureStartDate: null,
  secureEndDate: null,
  lastReviewDate: null,
});

describe('secure-review: active / inactive', () => {
  it('is inactive with neither secure column; the reason names a secure field', () => {
    expectInactive({ dob: '2010-01-01', lastReviewDate: null }, 'secure-review', /secure(Start|End)Date/);
  });
  it('is active with only secureStartDate', () => {
    expectActive({ dob: '2010-01-01', secureStartDate: null }, 'secure-review');
  });
  it('is active with only secureEndDate', () => {
    expectActive({ dob: '2010-01-01', secureEndDate: null }, 'secure-review');
  });
});

describe('secure-review: due 5 working days after the event', () => {
  t(
    'secureStart Fri 20/11/2026 → Fri 27/11/2026',
    { secureStartDate: '2026-11-20' },
    { status: 'Due soon', due: '2026-11-27' },
  );
  t(
    'secureStart Tue 10/11/2026 → Tue 17/11/2026',
    { secureStartDate: '2026-11-10' },
    { status: 'Overdue', due: '2026-11-17' },
  );
  t(
    'secureStart today → due 30/11/2026',
    { secureStartDate: '2026-11-23' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'the later of start and end is the event (end Wed 18/11/2026 → 25/11/2026)',
    { secureStartDate: '2026-11-10', secureEndDate: '2026-11-18' },
    { status: 'Due soon', due: '2026-11-25' },
  );
  t(
    'only an end date recorded',
    { secureEndDate: '2026-11-18' },
    { status: 'Due soon', due: '2026-11-25' },
    { drop: ['secureStartDate'] },
  );
  t(
    'on the due date: Due soon',
    { secureStartDate: '2026-11-16' },
    { status: 'Due soon', due: '2026-11-23' },
  );
  t(
    'the day after the due date: Overdue',
    { secureStartDate: '2026-11-13' },
    { status: 'Overdue', due: '2026-11-20' },
  );
  t(
    'over Christmas: end Tue 22/12/2026 → Thu 31/12/2026',
    { secureEndDate: '2026-12-22' },
    { status: 'Due soon', due: '2026-12-31' },
    { asOf: '2026-12-23' },
  );
  t(
    'Easter 2027 (26 and 29 March): start Wed 24/03/2027 → Fri 02/04/2027',
    { secureStartDate: '2027-03-24' },
    { status: 'Due soon', due: '2027-04-02' },
    { asOf: '2027-03-24' },
  );
  t(
    '2022 jubilee (2 and 3 June): start Tue 31/05/2022 → Thu 09/06/2022',
    { careStartDate: '2019-01-01', secureStartDate: '2022-05-31' },
    { status: 'Due soon', due: '2022-06-09' },
    { asOf: '2022-06-01' },
  );
  t(
    'state funeral Mon 19/09/2022: start Fri 16/09/2022 → Mon 26/09/2022',
    { careStartDate: '2019-01-01', secureStartDate: '2022-09-16' },
    { status: 'Due soon', due: '2022-09-26' },
    { asOf: '2022-09-16' },
  );
  t(
    'coronation Mon 08/05/2023: start Fri 05/05/2023 → Mon 15/05/2023',
    { careStartDate: '2019-01-01', secureStartDate: '2023-05-05' },
    { status: 'Due soon', due: '2023-05-15' },
    { asOf: '2023-05-05' },
  );
  t(
    'policy secureReviewWorkingDays 10: start 20/11/2026 → 04/12/2026',
    { secureStartDate: '2026-11-20' },
    { status: 'Due soon', due: '2026-12-04' },
    { policy: { secureReviewWorkingDays: 10 } },
  );
  // SPEC: a planned (future) secureEnd is not yet an event: the event is the later of the recorded
  // secure dates that are on or before the as-of date, so the review after entering is still due.
  t(
    'a planned secureEnd in the future does not move the event',
    { secureStartDate: '2026-11-18', secureEndDate: '2027-01-15' },
    { status: 'Due soon', due: '2026-11-25' },
  );
});

describe('secure-review: Done', () => {
  t(
    'lastReview after the event',
    { secureStartDate: '2026-11-10', lastReviewDate: '2026-11-12' },
    { status: 'Done' },
  );
  t(
    'lastReview on the event day',
    { secureStartDate: '2026-11-10', lastReviewDate: '2026-11-10' },
    { status: 'Done' },
  );
  t(
    'lastReview before the event: still due',
    { secureStartDate: '2026-11-10', lastReviewDate: '2026-11-09' },
    { status: 'Overdue', due: '2026-11-17' },
  );
  t(
    'lastReview between start and end: the review after leaving is due',
    { secureStartDate: '2026-11-02', secureEndDate: '2026-11-18', lastReviewDate: '2026-11-05' },
    { status: 'Due soon', due: '2026-11-25' },
  );
  t(
    'no lastReviewDate column: can never be Done, goes by the due date',
    { secureStartDate: '2026-11-10' },
    { status: 'Overdue', due: '2026-11-17' },
    { drop: ['lastReviewDate'] },
  );
});

describe('secure-review: Not applicable / Check data', () => {
  t(
    'both secure dates blank (a condition column): Not applicable',
    {},
    { status: 'Not applicable', due: null },
  );
  t(
    'only a future secureStart: Not applicable (not Check data)',
    { secureStartDate: '2026-12-01' },
    { status: 'Not applicable' },
  );
  // SPEC: the rule's Applies names no looked-after condition, so a care leaver with a secure date is still covered.
  t(
    'applies regardless of looked-after status',
    { dob: '2008-01-01', secureStartDate: '2026-11-20' },
    { status: 'Due soon', due: '2026-11-27' },
  );
  // SPEC: an unreadable secure date is Check data (only a blank condition column means "does not hold").
  t(
    'secureStart unreadable "TBC": Check data, quoted',
    { secureStartDate: 'TBC' },
    { status: 'Check data', explains: ['TBC'] },
  );
  t('secureStart before the date of birth', { secureStartDate: '2009-06-01' }, { status: 'Check data' });
  t(
    'lastReview after the as-of date',
    { secureStartDate: '2026-11-10', lastReviewDate: '2026-11-30' },
    { status: 'Check data' },
  );
  t(
    'lastReview unreadable "N/A" is quoted',
    { secureStartDate: '2026-11-10', lastReviewDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
});
