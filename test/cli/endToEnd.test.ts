/**
 * End to end: `caseload-flags evaluate examples/tracker.xlsx --json --as-of 2026-11-23`,
 * checked against results worked out BY HAND from RULES.md for rows of the example
 * tracker written by hand (scripts/make-example-tracker.ts, HAND_ROWS). The arithmetic is
 * written out beside each expectation; 23/11/2026 is a Monday.
 *
 * The example tracker has no "First review", "Reviews held", "Long-term placement",
 * secure, unregulated-approval, leaving-care-transfer, junior ISA, CICA, access-to-records
 * or support-to-25 columns.
 */
import type { Evaluation, RowResult } from '../../shared/results';
import { evaluationSchema } from '../../shared/results';
import { readTrackerFile } from '../../cli/readWorkbook';
import { HAND_ROWS } from '../../scripts/make-example-tracker';
import { AS_OF_TEXT, cli, EXAMPLE } from './helpers';

let evaluation: Evaluation;
/** Child ID → worksheet row number, read from the workbook itself */
const rowOf = new Map<string, number>();

beforeAll(async () => {
  const result = await cli(['evaluate', EXAMPLE, '--json', '--as-of', AS_OF_TEXT]);
  expect(result.code).toBe(0);
  evaluation = evaluationSchema.parse(JSON.parse(result.stdout));
  const sheet = (await readTrackerFile(EXAMPLE)).sheet('Tracker');
  sheet.rows.forEach((cells, i) => {
    if (typeof cells[0] === 'string') rowOf.set(cells[0], i + 1);
  });
});

function row(childId: string): RowResult {
  const number = rowOf.get(childId);
  const found = evaluation.rows.find((r) => r.row === number);
  if (!found) throw new Error(`no result for ${childId} (row ${number})`);
  return found;
}

function statuses(result: RowResult): Record<string, string> {
  return Object.fromEntries(Object.entries(result.results).map(([id, r]) => [id, r.status]));
}

it('finds the header on row 4 under the title block, and tracks 22 of the 25 rules', () => {
  expect(rowOf.get('Child ID')).toBe(4);
  expect(evaluation.rows[0].row).toBe(5);
  expect(evaluation.inactiveRules.map((r) => r.id).sort()).toEqual([
    'leaving-care-transfer',
    'secure-review',
    'unregulated-approval',
  ]);
});

it('a child who came into care on 02/11/2026: first review within 20 working days', () => {
  // Mia H.: DOB 14/03/2017 (age 9, Year 5), careStart = placementStart = 02/11/2026 (a Monday),
  // no review, last visit 05/11/2026, no IHA/RHA/dental/SDQ/PEP, GP Y, dentist blank, imms Y.
  const r = row(HAND_ROWS.firstReview);
  // cla-review: no review on or after careStart → WORKDAY(02/11/2026, 20). No bank holidays in
  // November 2026: working days 3,4,5,6 (4) 9–13 (9) 16–20 (14) 23–27 (19) 30 (20) → 30/11/2026.
  // 30/11 − 23/11 = 7 days, inside the 28-day window → Due soon.
  expect(r.results['cla-review']).toMatchObject({ status: 'Due soon', due: '2026-11-30' });
  // initial-health-assessment: none recorded → WORKDAY(careStart, 20) = 30/11/2026 → Due soon.
  expect(r.results['initial-health-assessment']).toMatchObject({ status: 'Due soon', due: '2026-11-30' });
  // pep: NC year = 2026 − 2017 − 4 = 5 (born March); no PEP since careStart → WORKDAY(careStart, 20).
  expect(r.results.pep).toMatchObject({ status: 'Due soon', due: '2026-11-30' });
  // statutory-visit: visit 05/11 on/after placementStart, before EDATE(placementStart, 12) →
  // 05/11 + 42 days = 17/12/2026; window 7 days (from 10/12) → On track.
  expect(r.results['statutory-visit']).toMatchObject({ status: 'On track', due: '2026-12-17' });
  // dental-check and sdq: none recorded → EDATE(careStart, 12) = 02/11/2027 (sdq: max(careStart,
  // 4th birthday 14/03/2021) = careStart) → On track.
  expect(r.results['dental-check']).toMatchObject({ status: 'On track', due: '2027-11-02' });
  expect(r.results.sdq).toMatchObject({ status: 'On track', due: '2027-11-02' });
  // immunisations Y, GP Y → Done; dentist blank → Check data ("Blank: Check data").
  expect(r.results.immunisations.status).toBe('Done');
  expect(r.results['gp-registered'].status).toBe('Done');
  expect(r.results['dentist-registered'].status).toBe('Check data');
  // Pathway rules: aged 9 → Not applicable; sdq-follow-up: no score → Not applicable.
  for (const id of [
    'pathway-plan',
    'pa-referral',
    'housing-register',
    'eet',
    'pa-contact',
    'sdq-follow-up',
  ]) {
    expect(r.results[id].status).toBe('Not applicable');
  }
  // overall: worst of Due soon, On track, Done, Check data → Check data.
  expect(r.overall).toBe('Check data');
  // next action: earliest open due date 30/11/2026, shared by cla-review, IHA and pep; the tie
  // goes to the order of section 5 → cla-review.
  expect(r.nextAction).toEqual({ rule: 'cla-review', due: '2026-11-30' });
  // eligibleFrom = max(16th birthday 14/03/2033, max(careStart, 14th birthday 14/03/2031) + 91)
  // = 14/03/2033, after the as-of date → Not yet eligible.
  expect(r.leavingCareStatus).toBe('Not yet eligible');
});

it('second review 3 months after the first (no first-review column)', () => {
  // Jack P.: DOB 09/07/2014 (Year 8), careStart 05/01/2026, last review 30/01/2026,
  // last visit typed as text "2/11/26", last PEP 29/09/2026.
  const r = row(HAND_ROWS.secondReview);
  // Last review ≤ EDATE(careStart, 3) = 05/04/2026 → it was the first → EDATE(30/01/2026, 3)
  // = 30/04/2026, before the as-of date → Overdue (RULES.md section 7, "second review").
  expect(r.results['cla-review']).toMatchObject({ status: 'Overdue', due: '2026-04-30' });
  // "2/11/26" = 02/11/2026 (day first, 26 → 2026); + 42 days = 14/12/2026; 7-day window from
  // 07/12 → On track.
  expect(r.results['statutory-visit']).toMatchObject({ status: 'On track', due: '2026-12-14' });
  // PEP 29/09/2026 is in the autumn term (1 Sep–31 Dec) → end of the spring term 31/03/2027.
  expect(r.results.pep).toMatchObject({ status: 'On track', due: '2027-03-31' });
  expect(r.overall).toBe('Overdue');
  expect(r.nextAction).toEqual({ rule: 'cla-review', due: '2026-04-30' });
});

it('six-monthly review, and a visit due exactly at the start of its 7-day window', () => {
  // Ruby F.: DOB 02/04/2015, careStart 01/01/2020, placementStart 14/06/2021, last review
  // 31/08/2026, last visit 19/10/2026, IHA 24/01/2020, RHA typed "03-Apr-2026".
  const r = row(HAND_ROWS.sixMonthly);
  // 31/08/2026 > EDATE(careStart, 3) = 01/04/2020 → not the first → EDATE(31/08/2026, 6):
  // 31 Feb 2027 does not exist → 28/02/2027 (RULES.md section 7, "six-monthly") → On track.
  expect(r.results['cla-review']).toMatchObject({ status: 'On track', due: '2027-02-28' });
  // placement over a year old, no long-term-placement column → visit + 42 days:
  // 19/10 + 12 = 31/10, + 30 = 30/11/2026. Window 7 days starts 23/11 = the as-of date → Due soon.
  expect(r.results['statutory-visit']).toMatchObject({ status: 'Due soon', due: '2026-11-30' });
  // base = later of IHA and RHA = 03/04/2026 (text); aged 10 then (not under 5) → + 12 months.
  expect(r.results['health-assessment']).toMatchObject({ status: 'On track', due: '2027-04-03' });
  expect(r.overall).toBe('Due soon');
  expect(r.nextAction).toEqual({ rule: 'statutory-visit', due: '2026-11-30' });
});

it('PEP due at the end of the term after the last PEP (RULES.md section 7, "PEP")', () => {
  // Kian D.: DOB 01/10/2012, careStart = placementStart 10/06/2019, last review 15/09/2026,
  // last visit 09/11/2026, IHA 01/07/2019, RHA 02/02/2026, dental 19/01/2026, SDQ 09/03/2026
  // (score 11), last PEP 15/07/2026, GP/dentist/imms Y, no additional needs.
  const r = row(HAND_ROWS.pep);
  // NC year: born in October → cohort 2013 → 2026 − 2013 − 4 = 9. PEP 15/07/2026 is in the
  // summer term (1 Apr–31 Aug) → end of the autumn term 31/12/2026; Due soon from 03/12 → On track.
  expect(r.results.pep).toMatchObject({ status: 'On track', due: '2026-12-31' });
  // The whole row, by hand:
  // cla-review: EDATE(15/09/2026, 6) = 15/03/2027. statutory-visit: 09/11 + 42 = 21/12/2026.
  // health-assessment: EDATE(02/02/2026, 12) = 02/02/2027. dental: 19/01/2027. sdq: 09/03/2027.
  // initial-health-assessment: IHA 01/07/2019 ≥ EDATE(careStart, −3) → Done. Aged 14: every
  // pathway rule (from 15 or 15y9m) and eet (from 16) Not applicable; SDQ 11 < 14 → sdq-follow-up
  // Not applicable; additional needs N → adult-transitions Not applicable.
  expect(statuses(r)).toEqual({
    'cla-review': 'On track',
    'statutory-visit': 'On track',
    'initial-health-assessment': 'Done',
    'health-assessment': 'On track',
    'dental-check': 'On track',
    immunisations: 'Done',
    'gp-registered': 'Done',
    'dentist-registered': 'Done',
    sdq: 'On track',
    'sdq-follow-up': 'Not applicable',
    pep: 'On track',
    'pathway-plan': 'Not applicable',
    'pathway-review': 'Not applicable',
    'pa-referral': 'Not applicable',
    'adult-transitions': 'Not applicable',
    'housing-register': 'Not applicable',
    'housing-options': 'Not applicable',
    'staying-put': 'Not applicable',
    'leaving-care-documents': 'Not applicable',
    'health-passport': 'Not applicable',
    'pa-contact': 'Not applicable',
    eet: 'Not applicable',
  });
  expect(r.results['cla-review'].due).toBe('2027-03-15');
  expect(r.results['health-assessment'].due).toBe('2027-02-02');
  expect(r.results['dental-check'].due).toBe('2027-01-19');
  expect(r.results.sdq.due).toBe('2027-03-09');
  expect(r.overall).toBe('On track');
  // earliest open due date: the visit on 21/12/2026
  expect(r.nextAction).toEqual({ rule: 'statutory-visit', due: '2026-12-21' });
  // eligibleFrom = max(16th birthday 01/10/2028, max(10/06/2019, 01/10/2026) + 91) = 01/10/2028
  expect(r.leavingCareStatus).toBe('Not yet eligible');
});

it("a former relevant care leaver's pathway items", () => {
  // Leon V.: DOB 20/05/2007 (19y6m), careStart 01/03/2021, left care 20/05/2025 (18th
  // birthday), pathway plan 10/04/2023, PP review 02/06/2026, PA "Jo M.", PA referral
  // 06/02/2023, housing register "3/5/23", housing options 12/11/2024, NI number Y, Photo ID
  // blank, bank account "Yes", health passport 28/04/2025, last PA contact 10/09/2026, EET "NEET".
  const r = row(HAND_ROWS.careLeaver);
  // eligibleFrom = max(16th birthday 20/05/2023, max(01/03/2021, 14th birthday 20/05/2021) + 91
  // = 19/08/2021) = 20/05/2023 < careEnd 20/05/2025; aged 18–20 → Former relevant.
  expect(r.leavingCareStatus).toBe('Former relevant');
  // pathway-plan: due 16th birthday 20/05/2023 (eligibleFrom is not after it); recorded → Done.
  expect(r.results['pathway-plan']).toMatchObject({ status: 'Done', due: '2023-05-20' });
  // pathway-review: EDATE(later of 02/06/2026 and 10/04/2023, 6) = 02/12/2026, 9 days away → Due soon.
  expect(r.results['pathway-review']).toMatchObject({ status: 'Due soon', due: '2026-12-02' });
  // pa-referral: due 15y9m = EDATE(20/05/2007, 189) = 20/02/2023; a PA is named → Done.
  expect(r.results['pa-referral']).toMatchObject({ status: 'Done', due: '2023-02-20' });
  // housing-register due 16th birthday, "3/5/23" = 03/05/2023 → Done; housing-options due 17y6m
  // = 20/11/2024, met on 12/11/2024 → Done.
  expect(r.results['housing-register']).toMatchObject({ status: 'Done', due: '2023-05-20' });
  expect(r.results['housing-options']).toMatchObject({ status: 'Done', due: '2024-11-20' });
  // leaving-care-documents: due 18th birthday 20/05/2025; Photo ID blank ("not yet") → Overdue.
  expect(r.results['leaving-care-documents']).toMatchObject({ status: 'Overdue', due: '2025-05-20' });
  expect(r.results['leaving-care-documents'].explanation).toContain('Photo ID');
  expect(r.results['health-passport']).toMatchObject({ status: 'Done', due: '2025-05-20' });
  // pa-contact: 10/09/2026 + 56 days: 10/09 + 20 = 30/09, + 31 = 31/10, + 5 = 05/11/2026 → Overdue.
  expect(r.results['pa-contact']).toMatchObject({ status: 'Overdue', due: '2026-11-05' });
  // eet: NEET → Action needed.
  expect(r.results.eet.status).toBe('Action needed');
  // no longer looked after: the looked-after rules do not apply; NC year 2026 − 2007 − 4 = 15 → no PEP.
  for (const id of ['cla-review', 'statutory-visit', 'dental-check', 'gp-registered', 'staying-put', 'pep']) {
    expect(r.results[id].status).toBe('Not applicable');
  }
  expect(r.overall).toBe('Overdue');
  // open items: documents 20/05/2025, PA contact 05/11/2026, pathway review 02/12/2026 → documents.
  expect(r.nextAction).toEqual({ rule: 'leaving-care-documents', due: '2025-05-20' });
});

it('Check data: "N/A" in the review column, quoted back', () => {
  const r = row(HAND_ROWS.reviewNotApplicable);
  expect(r.results['cla-review'].status).toBe('Check data');
  expect(r.results['cla-review'].explanation).toContain('"N/A"');
  // nothing else on the row is worse (visit 12/11 + 42 = 24/12/2026 On track, SDQ 15 with a
  // CAMHS referral 15 days later → Done) → overall Check data.
  expect(r.overall).toBe('Check data');
  expect(r.results['sdq-follow-up'].status).toBe('Done');
});

it('Check data on every rule: a date of birth in the future', () => {
  const r = row(HAND_ROWS.futureDob);
  const all = Object.values(r.results);
  expect(all.length).toBe(22);
  expect(
    all.every((result) => result.status === 'Check data' && result.explanation.includes('11/02/2027')),
  ).toBe(true);
  expect(r.overall).toBe('Check data');
  expect(r.nextAction).toBeNull();
  expect(r.leavingCareStatus).toBe('Unknown');
});

it('Check data: a review after the as-of date, and an SDQ score of 45', () => {
  expect(row(HAND_ROWS.reviewInFuture).results['cla-review'].status).toBe('Check data');
  expect(row(HAND_ROWS.reviewInFuture).results['cla-review'].explanation).toContain('08/12/2026');
  expect(row(HAND_ROWS.sdqOutOfRange).results['sdq-follow-up'].status).toBe('Check data');
  expect(row(HAND_ROWS.sdqOutOfRange).results['sdq-follow-up'].explanation).toContain('45');
});

it('a date of birth known only to the month ("05/2009"): the 15th is assumed', () => {
  const r = row(HAND_ROWS.monthOnlyDob);
  // DOB 15/05/2009 → 17y6m on 15/11/2026; no housing options meeting → Overdue by 8 days.
  expect(r.results['housing-options']).toMatchObject({ status: 'Overdue', due: '2026-11-15' });
  expect(r.results['housing-options'].explanation).toContain('15/05/2009');
  // looked after since 19/08/2024: eligibleFrom = max(15/05/2025, 19/08/2024 + 91 = 18/11/2024)
  // = 15/05/2025 ≤ as-of → Eligible.
  expect(r.leavingCareStatus).toBe('Eligible');
});

it('Check data: care ended before it started', () => {
  const r = row(HAND_ROWS.careEndBeforeStart);
  expect(r.results['cla-review'].status).toBe('Check data');
  expect(r.results['cla-review'].explanation).toMatch(/01\/02\/2023.*03\/06\/2024/);
  expect(r.leavingCareStatus).toBe('Unknown');
});
