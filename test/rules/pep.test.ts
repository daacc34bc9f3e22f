/**
 * pep: Personal Education Plan, each term (RULES.md §5, LCC). Applies: looked after or in
 * the leaving-care cohort, NC year 0..13 on the as-of date (ncYearOverride wins). Terms:
 * autumn 1 Sep–31 Dec, spring 1 Jan–31 Mar, summer 1 Apr–31 Aug. Due: no PEP on/after
 * careStart → WORKDAY(careStart, 20); else the last day of the term after the last PEP's term.
 */
import { check, expectInactive, ruleTable } from './harness';

// DOB 01/10/2012 is Year 9 in 2026/27 (RULES.md §7).
const t = ruleTable('pep', { dob: '2012-10-01', careStartDate: '2020-01-01', lastPepDate: null });

describe('pep: active / inactive', () => {
  it('is inactive without a lastPepDate column', () => {
    expectInactive({ dob: '2012-10-01', careStartDate: '2020-01-01' }, 'pep', 'lastPepDate');
  });
});

describe('pep: the end of the next term', () => {
  t(
    '§7 PEP: last 15/07/2026 (summer) → 31/12/2026 (end of autumn)',
    { lastPepDate: '2026-07-15' },
    { status: 'On track', due: '2026-12-31', explains: ['15/07/2026'] },
  );
  t(
    '§7 PEP: Due soon from 03/12/2026',
    { lastPepDate: '2026-07-15' },
    { status: 'Due soon', due: '2026-12-31' },
    { asOf: '2026-12-03' },
  );
  t(
    '§7 PEP: still On track on 02/12/2026',
    { lastPepDate: '2026-07-15' },
    { status: 'On track', due: '2026-12-31' },
    { asOf: '2026-12-02' },
  );
  t(
    '§7 PEP: on 31/12/2026 Due soon',
    { lastPepDate: '2026-07-15' },
    { status: 'Due soon', due: '2026-12-31' },
    { asOf: '2026-12-31' },
  );
  t(
    '§7 PEP: on 01/01/2027 Overdue',
    { lastPepDate: '2026-07-15' },
    { status: 'Overdue', due: '2026-12-31' },
    { asOf: '2027-01-01' },
  );
  t(
    'last PEP on the first day of autumn (01/09/2026) → 31/03/2027',
    { lastPepDate: '2026-09-01' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    'last PEP on the last day of summer (31/08/2026) → 31/12/2026',
    { lastPepDate: '2026-08-31' },
    { status: 'On track', due: '2026-12-31' },
  );
  t(
    'last PEP on the first day of summer (01/04/2026) → 31/12/2026',
    { lastPepDate: '2026-04-01' },
    { status: 'On track', due: '2026-12-31' },
  );
  t(
    'last PEP on the last day of spring (31/03/2026) → 31/08/2026',
    { lastPepDate: '2026-03-31' },
    { status: 'Overdue', due: '2026-08-31' },
  );
  t(
    'last PEP on the first day of spring (01/01/2026) → 31/08/2026',
    { lastPepDate: '2026-01-01' },
    { status: 'Overdue', due: '2026-08-31' },
  );
  t(
    'last PEP on the last day of autumn (31/12/2025) → 31/03/2026',
    { lastPepDate: '2025-12-31' },
    { status: 'Overdue', due: '2026-03-31' },
  );
  t(
    'last PEP in autumn 2026 (20/11/2026) → 31/03/2027',
    { lastPepDate: '2026-11-20' },
    { status: 'On track', due: '2027-03-31' },
  );
});

describe('pep: the first PEP, 20 working days after careStart', () => {
  t(
    'careStart 02/11/2026, no PEP → 30/11/2026',
    { careStartDate: '2026-11-02' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'a PEP from an earlier period of care does not count',
    { careStartDate: '2026-11-02', lastPepDate: '2026-06-01' },
    { status: 'Due soon', due: '2026-11-30' },
  );
  t(
    'a PEP on the careStart day counts (autumn → 31/03/2027)',
    { careStartDate: '2026-11-02', lastPepDate: '2026-11-02' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    'careStart 10/12/2026 over Christmas → 12/01/2027',
    { careStartDate: '2026-12-10' },
    { status: 'On track', due: '2027-01-12' },
    { asOf: '2026-12-10' },
  );
  t('no careStart column and no PEP: Check data', {}, { status: 'Check data' }, { drop: ['careStartDate'] });
  t(
    'no careStart column, a PEP recorded: end of the next term',
    { lastPepDate: '2026-07-15' },
    { status: 'On track', due: '2026-12-31' },
    { drop: ['careStartDate'] },
  );
});

describe('pep: NC years 0 to 13', () => {
  t(
    'Reception (Year 0): born 31/08/2022',
    { dob: '2022-08-31', careStartDate: '2023-01-01', lastPepDate: '2026-09-10' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    'Year -1: born 01/09/2022 → Not applicable',
    { dob: '2022-09-01', careStartDate: '2023-01-01', lastPepDate: '2026-09-10' },
    { status: 'Not applicable', due: null },
  );
  t(
    'Reception: born 01/09/2021',
    { dob: '2021-09-01', careStartDate: '2023-01-01', lastPepDate: '2026-09-10' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    'Year 13, looked after: born 10/01/2009',
    { dob: '2009-01-10', lastPepDate: '2026-09-10' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    'Year 13 at 18 (born 01/09/2008), former relevant',
    { dob: '2008-09-01', lastPepDate: '2026-09-10' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    'Year 14 (born 31/08/2008), former relevant: Not applicable',
    { dob: '2008-08-31', lastPepDate: '2026-09-10' },
    { status: 'Not applicable' },
  );
  t(
    'ncYearOverride 13 wins for a young person otherwise in Year 14',
    { dob: '2008-08-31', ncYearOverride: 13, lastPepDate: '2026-09-10' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    'ncYearOverride -1 wins: Not applicable',
    { ncYearOverride: -1, lastPepDate: '2026-09-10' },
    { status: 'Not applicable' },
  );
  t(
    'ncYearOverride blank: computed year',
    { ncYearOverride: null, lastPepDate: '2026-09-10' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    '§7 Year 13: care leaver from 15/08/2026 (18th birthday); applies on 31/08/2026',
    { dob: '2008-08-15', careEndDate: '2026-08-15', lastPepDate: '2026-05-10' },
    { status: 'On track', due: '2026-12-31' },
    { asOf: '2026-08-31' },
  );
  t(
    '§7 Year 13: Not applicable from 01/09/2026',
    { dob: '2008-08-15', careEndDate: '2026-08-15', lastPepDate: '2026-05-10' },
    { status: 'Not applicable' },
    { asOf: '2026-09-01' },
  );
});

describe('pep: looked after or the leaving-care cohort', () => {
  t(
    'relevant (left care at 17, Year 13)',
    { dob: '2009-06-01', careEndDate: '2026-09-01', lastPepDate: '2026-10-01' },
    { status: 'On track', due: '2027-03-31' },
  );
  t(
    'not eligible (left care at 12): Not applicable',
    { careEndDate: '2025-01-01', lastPepDate: '2024-10-01' },
    { status: 'Not applicable' },
  );
  t(
    'left care today at 14: Not applicable',
    { careEndDate: '2026-11-23', lastPepDate: '2026-10-01' },
    { status: 'Not applicable' },
  );
});

describe('pep: Check data', () => {
  t('PEP after the as-of date', { lastPepDate: '2026-11-30' }, { status: 'Check data' });
  t('PEP unreadable "N/A" is quoted', { lastPepDate: 'N/A' }, { status: 'Check data', explains: ['N/A'] });
  t(
    'PEP before the date of birth',
    { careStartDate: null, lastPepDate: '2012-01-01' },
    { status: 'Check data' },
  );
  t(
    'ncYearOverride unreadable is quoted',
    { ncYearOverride: 'Y9?', lastPepDate: '2026-09-10' },
    { status: 'Check data', explains: ['Y9?'] },
  );
});

describe('pep: terms come from the policy (each runs to the day before the next starts)', () => {
  const sixTerms = {
    policy: {
      terms: [
        { name: 'autumn 1', month: 9, day: 1 },
        { name: 'autumn 2', month: 11, day: 1 },
        { name: 'spring 1', month: 1, day: 1 },
        { name: 'spring 2', month: 2, day: 15 },
        { name: 'summer 1', month: 4, day: 15 },
        { name: 'summer 2', month: 6, day: 1 },
      ],
    },
  };
  t(
    'PEP 15/10/2026 (autumn 1) → end of autumn 2, 31/12/2026',
    { lastPepDate: '2026-10-15' },
    { status: 'On track', due: '2026-12-31' },
    sixTerms,
  );
  t(
    'PEP 10/11/2026 (autumn 2) → end of spring 1, 14/02/2027',
    { lastPepDate: '2026-11-10' },
    { status: 'On track', due: '2027-02-14' },
    sixTerms,
  );
  t(
    'PEP 20/05/2026 (summer 1) → end of summer 2, 31/08/2026',
    { lastPepDate: '2026-05-20' },
    { status: 'Overdue', due: '2026-08-31' },
    sixTerms,
  );
  t(
    'PEP 14/02/2026 (spring 1, last day) → end of spring 2, 14/04/2026',
    { lastPepDate: '2026-02-14' },
    { status: 'Overdue', due: '2026-04-14' },
    sixTerms,
  );
});

describe('pep: the school year changes on 1 September', () => {
  const reception = { dob: '2022-08-31', careStartDate: '2023-01-01', lastPepDate: '2026-07-01' };
  t(
    'born 31/08/2022 is still pre-school on 31/08/2026',
    reception,
    { status: 'Not applicable' },
    { asOf: '2026-08-31' },
  );
  t(
    'born 31/08/2022 starts Reception on 01/09/2026',
    reception,
    { status: 'On track', due: '2026-12-31' },
    { asOf: '2026-09-01' },
  );
});

describe('pep: each policy’s terms give their own due dates, in any order', () => {
  const twoTerms = {
    policy: {
      terms: [
        { name: 'first half', month: 9, day: 1 },
        { name: 'second half', month: 3, day: 1 },
      ],
    },
  };
  const row = { dob: '2012-10-01', careStartDate: '2020-01-01', lastPepDate: '2026-10-15' };
  it('alternating the default terms and a policy’s own for the same PEP date', () => {
    for (let round = 0; round < 3; round += 1) {
      check(row, 'pep', { status: 'On track', due: '2027-03-31' });
      check(row, 'pep', { status: 'On track', due: '2027-08-31' }, twoTerms);
    }
  });
});
