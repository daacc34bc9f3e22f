/**
 * The engine as a whole: properties that hold for any rows (fast-check), and what the
 * engine does to keep evaluation cheap (one context for all rows, shared results) without
 * changing any answer.
 */
import fc from 'fast-check';
import { runs } from '../test/support/properties';
import { type Day, edate, fromIso, toIso, toJsDate } from './dates/calendar';
import { type CanonicalRow, evaluate, type RawCell } from './engine';
import { RULE_FIELD_NAMES, type RuleFieldName } from './fields';
import { DEFAULT_POLICY, type Policy } from './policy';
import { RULES } from './rules';
import type { RowResult } from './results';
import { STATUSES, STATUS_SEVERITY, type Status } from './status';

const AS_OF = fromIso('2026-11-23') as Day;
const ALL_TRACKED = { tracked: RULE_FIELD_NAMES };
const OPEN: ReadonlySet<Status> = new Set(['Overdue', 'Due soon', 'On track']);

/** Any cell a tracker or the service can hand over, sensible or not. */
const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '03/04/2010',
    '2019-02-31',
    '05/2009',
    'N/A',
    'TBC',
    'Y',
    'no',
    'U3',
    'NEET',
    'Relevant',
    '14',
  ),
  fc.integer({ min: -100, max: 80_000 }),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant({ unreadable: true } as const),
);

const anyRow: fc.Arbitrary<Partial<Record<RuleFieldName, RawCell>>> = fc.dictionary(
  fc.constantFrom(...RULE_FIELD_NAMES),
  anyCell,
  { maxKeys: 20 },
);

/** A date within `days` before the as-of date, as a JS Date (what ExcelJS and Office.js hand over). */
const recentDate = (days: number) => fc.integer({ min: 0, max: days }).map((back) => toJsDate(AS_OF - back));

/** A plausible looked-after child or care leaver: readable dates, so most rules have due dates. */
const plausibleRow: fc.Arbitrary<Partial<Record<RuleFieldName, RawCell>>> = fc
  .record({
    ageDays: fc.integer({ min: 30, max: 365 * 22 }),
    inCareDays: fc.integer({ min: 1, max: 365 * 10 }),
    lastReviewDate: recentDate(400),
    lastVisitDate: recentDate(120),
    lastHealthAssessmentDate: recentDate(500),
    lastDentalCheckDate: recentDate(500),
    lastSdqDate: recentDate(500),
    lastPepDate: recentDate(300),
    lastPathwayReviewDate: recentDate(300),
    pathwayPlanDate: recentDate(900),
    lastPaContactDate: recentDate(200),
    placementUntil18: fc.constantFrom('Y', 'N', ''),
  })
  .map(({ ageDays, inCareDays, ...rest }) => {
    const dob = AS_OF - ageDays;
    const careStart = Math.max(dob, AS_OF - Math.min(inCareDays, ageDays));
    return { ...rest, dateOfBirth: toJsDate(dob), careStartDate: toJsDate(careStart) };
  });

function evaluateRows(values: Partial<Record<RuleFieldName, RawCell>>[]): RowResult[] {
  const rows: CanonicalRow[] = values.map((v, i) => ({ row: i + 2, values: v }));
  return evaluate({ ...ALL_TRACKED, rows }, { asOf: AS_OF }).rows;
}

describe('any row at all', () => {
  it('never throws, and every active rule gives exactly one known status', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 6 }), (values) => {
        const rows = evaluateRows(values);
        expect(rows).toHaveLength(values.length);
        for (const row of rows) {
          expect(Object.keys(row.results).sort()).toEqual(RULES.map((rule) => rule.id).sort());
          for (const result of Object.values(row.results)) {
            expect(STATUSES).toContain(result.status);
            expect(result.explanation.length).toBeGreaterThan(0);
            if (OPEN.has(result.status)) expect(result.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('overall is the worst status, and the next action is the earliest open due date', () => {
    fc.assert(
      fc.property(fc.oneof(anyRow, plausibleRow), (values) => {
        const [row] = evaluateRows([values]);
        const results = Object.entries(row.results);
        const worst = results.reduce<Status>(
          (w, [, r]) => (STATUS_SEVERITY[r.status] < STATUS_SEVERITY[w] ? r.status : w),
          'Not applicable',
        );
        expect(row.overall).toBe(worst);
        const open = results.filter(([, r]) => OPEN.has(r.status) && r.due !== null);
        if (open.length === 0) {
          expect(row.nextAction).toBeNull();
          return;
        }
        const earliest = open.map(([, r]) => r.due as string).sort()[0];
        expect(row.nextAction?.due).toBe(earliest);
        // ties go to the rule that comes first in the catalogue
        const firstRule = RULES.find((rule) => open.some(([id, r]) => id === rule.id && r.due === earliest));
        expect(row.nextAction?.rule).toBe(firstRule?.id);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('a later "last done" date never makes a due date earlier', () => {
  const lastDone: readonly [RuleFieldName, string][] = [
    ['lastReviewDate', 'cla-review'],
    ['lastVisitDate', 'statutory-visit'],
    ['lastHealthAssessmentDate', 'health-assessment'],
    ['lastDentalCheckDate', 'dental-check'],
    ['lastSdqDate', 'sdq'],
    ['lastPepDate', 'pep'],
    ['lastPathwayReviewDate', 'pathway-review'],
    ['lastPaContactDate', 'pa-contact'],
  ];

  it.each(lastDone)('%s (%s)', (field, ruleId) => {
    let compared = 0;
    fc.assert(
      fc.property(
        plausibleRow,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 200 }),
        (row, back, later) => {
          const earlier = AS_OF - back - later;
          const [before, after] = evaluateRows([
            { ...row, [field]: toJsDate(earlier) },
            { ...row, [field]: toJsDate(earlier + later) },
          ]);
          const a = before.results[ruleId];
          const b = after.results[ruleId];
          if (a.due === null || b.due === null) return;
          compared += 1;
          expect(b.due >= a.due).toBe(true);
        },
      ),
      // a fixed seed, so that how many cases reach a due date does not vary from run to run
      { numRuns: runs(400), seed: 20261123 },
    );
    // the property must have been tested on real due dates, not vacuously
    expect(compared).toBeGreaterThan(10);
  });
});

describe('rows evaluated in batches, rule by rule, with a context per row', () => {
  it('each row gets the same results as when it is evaluated alone', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(plausibleRow, anyRow), { minLength: 2, maxLength: 6 }), (values) => {
        const together = evaluateRows(values);
        values.forEach((v, i) => {
          const [alone] = evaluateRows([v]);
          expect({ ...together[i], row: alone.row }).toEqual(alone);
        });
      }),
      { numRuns: runs(200) },
    );
  });

  it('across batch boundaries too, with unusable dates of birth among the rows', () => {
    // 600 rows: two full batches of 256 and part of a third
    const values = fc.sample(fc.oneof(plausibleRow, plausibleRow, anyRow), { numRuns: 600, seed: 7 });
    values[255] = { ...values[255], dateOfBirth: 'TBC' };
    values[256] = { ...values[256], dateOfBirth: '05/2012' };
    const together = evaluateRows(values);
    expect(together).toHaveLength(600);
    expect(together[255].overall).toBe('Check data');
    values.forEach((v, i) => {
      const [alone] = evaluateRows([v]);
      expect(together[i].row).toBe(i + 2);
      expect({ ...together[i], row: alone.row }).toEqual(alone);
    });
  });
});

describe('results kept from one evaluation to the next', () => {
  const row: CanonicalRow = {
    row: 2,
    values: { dateOfBirth: '2014-05-01', careStartDate: '2024-01-10', lastVisitDate: '2026-10-20' },
  };
  const visitOn = (asOf: string, policy?: Policy) =>
    evaluate({ ...ALL_TRACKED, rows: [row] }, { asOf: fromIso(asOf) as Day, policy }).rows[0].results[
      'statutory-visit'
    ];

  it('belong to their own as-of date', () => {
    // due 01/12/2026, six weeks after the visit
    expect(visitOn('2026-11-25').explanation).toMatch(/: due 01\/12\/2026, in 6 days \(CPPCR reg 28\)$/);
    expect(visitOn('2026-12-03')).toMatchObject({ status: 'Overdue', due: '2026-12-01' });
    expect(visitOn('2026-12-03').explanation).toMatch(/overdue by 2 days \(CPPCR reg 28\)$/);
    expect(visitOn('2026-11-23')).toMatchObject({ status: 'On track', due: '2026-12-01' });
    expect(visitOn('2026-11-25').status).toBe('Due soon');
    expect(visitOn('2026-12-01').explanation).toMatch(/: due 01\/12\/2026, today \(CPPCR reg 28\)$/);
  });

  it('belong to their own warning window', () => {
    // the default window for visits is 7 days
    const narrow = {
      ...DEFAULT_POLICY,
      windows: { ...DEFAULT_POLICY.windows, 'statutory-visit': { days: 3 } },
    };
    expect(visitOn('2026-11-25', narrow)).toMatchObject({ status: 'On track', due: '2026-12-01' });
    expect(visitOn('2026-11-25').status).toBe('Due soon');
    expect(visitOn('2026-11-28', narrow).status).toBe('Due soon');
  });

  it('are shared by the next evaluation on the same as-of date, of another tracker too', () => {
    const first = evaluate({ ...ALL_TRACKED, rows: [row] }, { asOf: AS_OF }).rows[0];
    const otherTracker = {
      tracked: ['dateOfBirth', 'careStartDate', 'lastVisitDate', 'gpRegistered'] as RuleFieldName[],
      rows: [{ row: 9, values: { ...row.values, gpRegistered: 'N' } }],
    };
    const second = evaluate(otherTracker, { asOf: AS_OF }).rows[0];
    expect(second.results['statutory-visit']).toBe(first.results['statutory-visit']);
    expect(second.results['gp-registered'].status).toBe('Action needed');
    expect(first.results['gp-registered'].status).not.toBe('Action needed');
  });

  it('follow every policy value, not only the warning window', () => {
    const dental = (policy?: Policy) =>
      evaluate(
        { ...ALL_TRACKED, rows: [{ row: 2, values: { ...row.values, lastDentalCheckDate: '2026-01-10' } }] },
        { asOf: AS_OF, policy },
      ).rows[0].results['dental-check'];
    const yearly = dental();
    const sixMonthly = dental({ ...DEFAULT_POLICY, dentalCheckMonths: 6 });
    expect(yearly).toMatchObject({ status: 'On track', due: '2027-01-10' });
    expect(sixMonthly).toMatchObject({ status: 'Overdue', due: '2026-07-10' });
    expect(sixMonthly.explanation).toMatch(/^Dental check due 6 months after/);
    expect(dental()).toBe(yearly);
  });
});

describe('shared results', () => {
  const child = {
    dateOfBirth: '2014-05-01',
    careStartDate: '2024-01-10',
    gpRegistered: 'Y',
    dentistRegistered: 'N',
  };

  it('identical results are one frozen object, so nobody can change another row’s result', () => {
    const [a, b] = evaluateRows([child, { ...child, lastReviewDate: '2026-10-01' }]);
    expect(a.results['pathway-plan']).toBe(b.results['pathway-plan']);
    expect(a.results['gp-registered']).toBe(b.results['gp-registered']);
    expect(Object.isFrozen(a.results['pathway-plan'])).toBe(true);
    expect(() => {
      (a.results['gp-registered'] as { status: string }).status = 'Overdue';
    }).toThrow(TypeError);
  });

  it('yes/no requirements cite their source, whether met or not', () => {
    const [row] = evaluateRows([child]);
    expect(row.results['gp-registered'].status).toBe('Done');
    expect(row.results['dentist-registered'].status).toBe('Action needed');
    for (const id of ['gp-registered', 'dentist-registered']) {
      const rule = RULES.find((r) => r.id === id);
      expect(row.results[id].explanation.endsWith(` (${rule?.source})`)).toBe(true);
    }
  });

  it('a date of birth without a day adds its note to every explanation, without touching shared results', () => {
    const [monthOnly, full] = evaluateRows([
      { ...child, dateOfBirth: '05/2014' },
      { ...child, dateOfBirth: '15/05/2014' },
    ]);
    for (const [id, result] of Object.entries(monthOnly.results)) {
      expect(result.explanation).toContain('(date of birth has no day: the 15th, 15/05/2014, is assumed)');
      expect(full.results[id].explanation).not.toContain('has no day');
      expect(result.status).toBe(full.results[id].status);
    }
  });

  it('rows counting from the same day share one frozen dated result; another day gets its own', () => {
    const [a, b, c] = evaluateRows([
      { ...child, lastReviewDate: '2026-10-01', initialHealthAssessmentDate: '2024-01-20' },
      { ...child, lastReviewDate: '01/10/2026', initialHealthAssessmentDate: '2024-01-20' },
      { ...child, lastReviewDate: '2026-10-02', initialHealthAssessmentDate: '2024-01-21' },
    ]);
    expect(a.results['cla-review']).toBe(b.results['cla-review']);
    expect(Object.isFrozen(a.results['cla-review'])).toBe(true);
    expect(c.results['cla-review']).not.toBe(a.results['cla-review']);
    expect(c.results['cla-review'].due).toBe('2027-04-02');
    // Done with a due date: shared the same way
    expect(a.results['initial-health-assessment'].status).toBe('Done');
    expect(a.results['initial-health-assessment']).toBe(b.results['initial-health-assessment']);
    expect(c.results['initial-health-assessment'].explanation).toContain('21/01/2024');
  });

  it('Check data with a due date is shared too, and frozen', () => {
    // a document column reading "N/A": Check data, due on the 18th birthday (docs/rules-readings.md)
    const unsure = { dateOfBirth: '2008-12-20', careStartDate: '2020-01-01', photoId: 'N/A' };
    const [a, b] = evaluateRows([unsure, { ...unsure, gpRegistered: 'Y' }]);
    expect(a.results['leaving-care-documents']).toMatchObject({ status: 'Check data', due: '2026-12-20' });
    expect(a.results['leaving-care-documents']).toBe(b.results['leaving-care-documents']);
    expect(Object.isFrozen(a.results['leaving-care-documents'])).toBe(true);
  });

  it('a shared dated result is the same as one worked out alone', () => {
    const rows = [
      { ...child, lastReviewDate: '2026-06-01' },
      { ...child, lastReviewDate: '2026-06-01', reviewsHeld: 1 },
      { ...child, lastReviewDate: '2026-06-01' },
    ];
    const together = evaluateRows(rows);
    rows.forEach((row, i) =>
      expect(together[i].results['cla-review']).toEqual(evaluateRows([row])[0].results['cla-review']),
    );
    expect(together[1].results['cla-review'].due).toBe('2026-09-01');
    expect(together[0].results['cla-review'].due).toBe('2026-12-01');
  });

  it('dated explanations are built from the due date and the days left or late', () => {
    const lastVisit = edate(AS_OF, -2);
    const [row] = evaluateRows([{ ...child, lastVisitDate: toJsDate(lastVisit) }]);
    const visit = row.results['statutory-visit'];
    expect(visit).toEqual({
      status: 'Overdue',
      due: toIso(lastVisit + 42),
      explanation: `Visit due 6 weeks after last visit on 23/09/2026: due 04/11/2026, overdue by ${AS_OF - lastVisit - 42} days (CPPCR reg 28)`,
    });
  });
});
