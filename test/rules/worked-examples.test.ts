/**
 * RULES.md §7, the worked examples, verbatim (as-of date 23/11/2026 unless stated).
 */
import { check, evaluateRow } from './harness';

// The examples give no DOB for the care-planning rows: a 14-year-old (born 01/10/2012) is used.
const dob = '2012-10-01';

describe('RULES.md §7 worked examples', () => {
  it('first review: careStart 02/11/2026, no review → cla-review due 30/11/2026, Due soon', () => {
    check({ dob, careStartDate: '02/11/2026', lastReviewDate: null }, 'cla-review', {
      status: 'Due soon',
      due: '2026-11-30',
      explains: ['30/11/2026', '02/11/2026'],
    });
  });

  it('over Christmas: careStart 10/12/2026, no review, as of 10/12/2026 → due 12/01/2027, On track', () => {
    check(
      { dob, careStartDate: '10/12/2026', lastReviewDate: null },
      'cla-review',
      { status: 'On track', due: '2027-01-12' },
      { asOf: '2026-12-10' },
    );
  });

  it('second review: careStart 05/01/2026, lastReview 30/01/2026 (no first-review column) → due 30/04/2026, Overdue', () => {
    check({ dob, careStartDate: '05/01/2026', lastReviewDate: '30/01/2026' }, 'cla-review', {
      status: 'Overdue',
      due: '2026-04-30',
      explains: ['30/01/2026', '30/04/2026'],
    });
  });

  it('six-monthly: careStart 01/01/2020, lastReview 31/08/2026 → due 28/02/2027, On track', () => {
    check({ dob, careStartDate: '01/01/2020', lastReviewDate: '31/08/2026' }, 'cla-review', {
      status: 'On track',
      due: '2027-02-28',
    });
  });

  describe('leap-day DOB 29/02/2012: 15y9m on 29/11/2027, 16 on 29/02/2028, 17 on 28/02/2029 (feb28) or 01/03/2029 (mar1)', () => {
    const leap = { dob: '29/02/2012', careStartDate: '01/01/2020' };
    it('15y9m on 29/11/2027 (pa-referral due)', () => {
      check(
        { ...leap, paReferralDate: null },
        'pa-referral',
        { status: 'Due soon', due: '2027-11-29' },
        { asOf: '2027-11-29' },
      );
    });
    it('15y9m on 29/11/2027 (pathway-plan applies that day, not the day before)', () => {
      check(
        { ...leap, pathwayPlanDate: null },
        'pathway-plan',
        { status: 'Due soon', due: '2028-02-29' },
        { asOf: '2027-11-29' },
      );
      check(
        { ...leap, pathwayPlanDate: null },
        'pathway-plan',
        { status: 'Not applicable' },
        { asOf: '2027-11-28' },
      );
    });
    it('16 on 29/02/2028 (housing-register due)', () => {
      check(
        { ...leap, housingRegisterDate: null },
        'housing-register',
        { status: 'Due soon', due: '2028-02-29' },
        { asOf: '2028-02-29' },
      );
      check(
        { ...leap, housingRegisterDate: null },
        'housing-register',
        { status: 'Overdue', due: '2028-02-29' },
        { asOf: '2028-03-01' },
      );
    });
    it('17 on 28/02/2029 under feb28: sdq (under 17) stops applying that day', () => {
      check(
        { ...leap, lastSdqDate: '01/06/2028' },
        'sdq',
        { status: 'Not applicable' },
        { asOf: '2029-02-28' },
      );
      check(
        { ...leap, lastSdqDate: '01/06/2028' },
        'sdq',
        { status: 'On track', due: '2029-06-01' },
        { asOf: '2029-02-27' },
      );
    });
    it('17 on 01/03/2029 under mar1: sdq still applies on 28/02/2029', () => {
      check(
        { ...leap, lastSdqDate: '01/06/2028' },
        'sdq',
        { status: 'On track', due: '2029-06-01' },
        { asOf: '2029-02-28', policy: { leapDayBirthdays: 'mar1' } },
      );
      check(
        { ...leap, lastSdqDate: '01/06/2028' },
        'sdq',
        { status: 'Not applicable' },
        { asOf: '2029-03-01', policy: { leapDayBirthdays: 'mar1' } },
      );
    });
    it('17 on 28/02/2029 (feb28) or 01/03/2029 (mar1): housing-options from 17', () => {
      check(
        { ...leap, housingOptionsMeetingDate: null },
        'housing-options',
        { status: 'On track', due: '2029-08-29' },
        { asOf: '2029-02-28' },
      );
      check(
        { ...leap, housingOptionsMeetingDate: null },
        'housing-options',
        { status: 'Not applicable' },
        { asOf: '2029-02-28', policy: { leapDayBirthdays: 'mar1' } },
      );
    });
  });

  describe('PEP: DOB 01/10/2012 (Year 9 in 2026/27), lastPep 15/07/2026 (summer term)', () => {
    const pep = { dob: '01/10/2012', careStartDate: '01/01/2020', lastPepDate: '15/07/2026' };
    it('due 31/12/2026 (end of autumn term), On track', () => {
      check(pep, 'pep', { status: 'On track', due: '2026-12-31', explains: ['31/12/2026'] });
    });
    it('Due soon from 03/12/2026', () => {
      check(pep, 'pep', { status: 'Due soon', due: '2026-12-31' }, { asOf: '2026-12-03' });
      check(pep, 'pep', { status: 'On track', due: '2026-12-31' }, { asOf: '2026-12-02' });
    });
  });

  describe('PEP, Year 13: DOB 15/08/2008 (turns 18 in 2025/26), a care leaver from 15/08/2026', () => {
    const y13 = {
      dob: '15/08/2008',
      careStartDate: '01/01/2020',
      careEndDate: '15/08/2026',
      lastPepDate: '10/05/2026',
    };
    it('pep applies until 31/08/2026', () => {
      const { row } = evaluateRow(y13, { asOf: '2026-08-31' });
      expect(row.leavingCareStatus).toBe('Former relevant');
      expect(row.results['pep'].status).not.toBe('Not applicable');
      expect(row.results['pep']).toMatchObject({ status: 'On track', due: '2026-12-31' });
    });
    it('Not applicable from 01/09/2026', () => {
      check(y13, 'pep', { status: 'Not applicable', due: null }, { asOf: '2026-09-01' });
    });
  });

  it('SDQ high: sdqScore 17, lastSdq 01/10/2026, no CAMHS referral → sdq-follow-up due 29/10/2026, Overdue', () => {
    check(
      { dob, careStartDate: '01/01/2020', sdqScore: 17, lastSdqDate: '01/10/2026', camhsReferralDate: null },
      'sdq-follow-up',
      {
        status: 'Overdue',
        due: '2026-10-29',
        explains: ['29/10/2026', '01/10/2026'],
      },
    );
  });
});
