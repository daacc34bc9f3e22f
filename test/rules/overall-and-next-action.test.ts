/**
 * The overall flag (worst status: Overdue, Action needed, Check data, Due soon, On track,
 * Done, Not applicable) and the next action (earliest-due Overdue / Due soon / On track
 * item; ties in section-5 order), RULES.md §2 and §8.
 */
import { evaluate } from '../../shared/engine';
import { fromIso } from '../../shared/dates/calendar';
import { evaluationSchema } from '../../shared/results';
import { RULE_FIELD_NAMES } from '../../shared/fields';
import { AS_OF, evaluateRow, type Values } from './harness';

const child: Values = { dob: '2012-10-01', careStartDate: '2020-01-01' };

function overall(values: Values): string {
  return evaluateRow({ ...child, ...values }).row.overall;
}

describe('overall flag', () => {
  it('Overdue beats Action needed', () => {
    expect(overall({ lastReviewDate: '2026-01-01', gpRegistered: 'N' })).toBe('Overdue');
  });
  it('Action needed beats Check data', () => {
    expect(overall({ gpRegistered: 'N', dentistRegistered: null })).toBe('Action needed');
  });
  it('Check data beats Due soon', () => {
    expect(overall({ dentistRegistered: null, lastDentalCheckDate: '2025-12-01' })).toBe('Check data');
  });
  it('Due soon beats On track', () => {
    expect(overall({ lastDentalCheckDate: '2025-12-01', lastSdqDate: '2026-06-01' })).toBe('Due soon');
  });
  it('On track beats Done', () => {
    expect(overall({ lastSdqDate: '2026-06-01', gpRegistered: 'Y' })).toBe('On track');
  });
  it('Done beats Not applicable', () => {
    expect(overall({ gpRegistered: 'Y', housingRegisterDate: null })).toBe('Done');
  });
  it('all Not applicable → Not applicable', () => {
    expect(overall({ housingRegisterDate: null, healthPassportDate: null })).toBe('Not applicable');
  });
  it('a row with no active rule: Not applicable, no results, no next action', () => {
    const { row } = evaluateRow({ dob: '2012-10-01' });
    expect(row.overall).toBe('Not applicable');
    expect(row.results).toEqual({});
    expect(row.nextAction).toBeNull();
  });
});

describe('next action', () => {
  it('the earliest due among Overdue / Due soon / On track', () => {
    // cla-review: 20 working days after 02/11/2026 → 30/11/2026 (Due soon); dental: 01/11/2026 (Overdue)
    const { row } = evaluateRow({
      dob: '2012-10-01',
      careStartDate: '2026-11-02',
      lastReviewDate: null,
      lastDentalCheckDate: '2025-11-01',
    });
    expect(row.nextAction).toEqual({ rule: 'dental-check', due: '2026-11-01' });
  });
  it('an On track item can be the next action', () => {
    const { row } = evaluateRow({ ...child, lastSdqDate: '2026-06-01', gpRegistered: 'Y' });
    expect(row.nextAction).toEqual({ rule: 'sdq', due: '2027-06-01' });
  });
  it('ties go to the earlier rule in section 5 (cla-review before initial-health-assessment before pep)', () => {
    // all three: WORKDAY(02/11/2026, 20) = 30/11/2026
    const { row } = evaluateRow({
      dob: '2012-10-01',
      careStartDate: '2026-11-02',
      lastPepDate: null,
      initialHealthAssessmentDate: null,
      lastReviewDate: null,
    });
    expect(row.results['cla-review'].due).toBe('2026-11-30');
    expect(row.results['initial-health-assessment'].due).toBe('2026-11-30');
    expect(row.results['pep'].due).toBe('2026-11-30');
    expect(row.nextAction).toEqual({ rule: 'cla-review', due: '2026-11-30' });
  });
  it('ties without cla-review: initial-health-assessment before pep', () => {
    const { row } = evaluateRow({
      dob: '2012-10-01',
      careStartDate: '2026-11-02',
      lastPepDate: null,
      initialHealthAssessmentDate: null,
    });
    expect(row.nextAction).toEqual({ rule: 'initial-health-assessment', due: '2026-11-30' });
  });
  it('Done items do not count, even with an earlier due date', () => {
    // secure-review Done (event 10/11/2026, review 12/11/2026); cla-review next on EDATE(12/11/2026, 6)
    const { row } = evaluateRow({ ...child, secureStartDate: '2026-11-10', lastReviewDate: '2026-11-12' });
    expect(row.results['secure-review'].status).toBe('Done');
    expect(row.nextAction).toEqual({ rule: 'cla-review', due: '2027-05-12' });
  });
  it('Check data items do not count', () => {
    const { row } = evaluateRow({ ...child, lastReviewDate: '2026-12-01', lastSdqDate: '2026-06-01' });
    expect(row.results['cla-review'].status).toBe('Check data');
    expect(row.nextAction).toEqual({ rule: 'sdq', due: '2027-06-01' });
  });
  it('no Overdue / Due soon / On track item: null', () => {
    const { row } = evaluateRow({ ...child, gpRegistered: 'Y', dentistRegistered: 'N' });
    expect(row.nextAction).toBeNull();
  });
});

describe('the result shape (RULES.md §8)', () => {
  it('validates against the schema, with asOf, every row, and every active rule in results', () => {
    const evaluation = evaluate(
      {
        tracked: ['dateOfBirth', 'careStartDate', 'lastReviewDate', 'gpRegistered'],
        rows: [
          {
            row: 5,
            values: {
              dateOfBirth: '2012-10-01',
              careStartDate: '2026-11-02',
              lastReviewDate: null,
              gpRegistered: 'Y',
            },
          },
          {
            row: 9,
            values: {
              dateOfBirth: '2009-06-01',
              careStartDate: '2020-01-01',
              lastReviewDate: '2026-01-30',
              gpRegistered: null,
            },
          },
        ],
      },
      { asOf: fromIso(AS_OF) as number },
    );
    expect(evaluationSchema.safeParse(evaluation).success).toBe(true);
    expect(evaluation.asOf).toBe('2026-11-23');
    expect(evaluation.rows.map((r) => r.row)).toEqual([5, 9]);
    for (const row of evaluation.rows) {
      expect(Object.keys(row.results).sort()).toEqual(['cla-review', 'gp-registered']);
    }
    expect(evaluation.rows[1].results['cla-review']).toMatchObject({ status: 'Overdue', due: '2026-07-30' });
    expect(evaluation.rows[1].results['gp-registered'].status).toBe('Check data');
    expect(evaluation.rows[1].overall).toBe('Overdue');
    const inactiveIds = evaluation.inactiveRules.map((r) => r.id);
    expect(inactiveIds).toHaveLength(23);
    expect(inactiveIds).not.toContain('cla-review');
    expect(inactiveIds).not.toContain('gp-registered');
    expect(inactiveIds).toContain('pep');
    expect(evaluation.inactiveRules.find((r) => r.id === 'pep')?.reason).toContain('lastPepDate');
  });

  it('with every column tracked, no rule is inactive and every row has 25 results', () => {
    const { evaluation, row } = evaluateRow({ dob: '2009-06-01' }, { tracked: RULE_FIELD_NAMES });
    expect(evaluation.inactiveRules).toEqual([]);
    expect(Object.keys(row.results)).toHaveLength(25);
  });
});
