/**
 * POST /api/evaluate through the real handler: results, parity with the engine, policy,
 * limits, and what reaches the logs.
 */
import fc from 'fast-check';
import { runs } from '../support/properties';
import { fromIso, toIso } from '../../shared/dates/calendar';
import { evaluate } from '../../shared/engine';
import { RULE_FIELD_NAMES, type RuleFieldName } from '../../shared/fields';
import { DEFAULT_POLICY, RULES_VERSION, resolvePolicy } from '../../shared/policy';
import { evaluationSchema } from '../../shared/results';
import {
  errorResponseSchema,
  evaluateResponseSchema,
  toEvaluateInput,
  type EvaluateRequest,
  type EvaluateResponse,
  type ErrorResponse,
} from '../../shared/wire';
import { makeEvaluateHandler } from '../../functions/handlers/evaluate';
import { loadConfig } from '../../functions/lib/config';
import { invoke } from './invoke';
import { BENCH_AS_OF, evaluateRequest } from './wireRows';

const config = loadConfig({});
const handler = makeEvaluateHandler(config);

function withoutCorrelation(body: EvaluateResponse) {
  const { correlationId: _id, ...rest } = body;
  return rest;
}

describe('POST /api/evaluate', () => {
  it('answers the results shape of RULES.md section 8, without mapping, with a correlation id', async () => {
    const request = evaluateRequest(50, 7);
    const { status, body, headers } = await invoke(handler, { body: request });
    expect(status).toBe(200);
    const parsed = evaluateResponseSchema.parse(body);
    expect(parsed.asOf).toBe(BENCH_AS_OF);
    expect(parsed.rulesVersion).toBe(RULES_VERSION);
    expect(parsed).not.toHaveProperty('mapping');
    expect(parsed.rows.map((row) => row.row)).toEqual(request.rows.map((row) => row.row));
    expect(parsed.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('x-correlation-id')).toBe(parsed.correlationId);
    expect(headers.get('x-rules-version')).toBe(RULES_VERSION);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    // Every active rule for every row.
    const active = 25 - parsed.inactiveRules.length;
    for (const row of parsed.rows) expect(Object.keys(row.results)).toHaveLength(active);
  });

  it('gives the same results as the engine called directly on the same canonical rows', async () => {
    const request = evaluateRequest(300, 11);
    const { body } = await invoke(handler, { body: request });
    const direct = evaluate(toEvaluateInput(request), {
      asOf: fromIso(BENCH_AS_OF) as number,
      policy: DEFAULT_POLICY,
    });
    expect(withoutCorrelation(body as EvaluateResponse)).toEqual(direct);
    // The tracker exercises every status (so the comparison is not between two empty lists).
    const statuses = new Set(direct.rows.flatMap((row) => Object.values(row.results).map((r) => r.status)));
    expect(statuses).toEqual(
      new Set(['Overdue', 'Action needed', 'Check data', 'Due soon', 'On track', 'Done', 'Not applicable']),
    );
  });

  it('gives the same results as the engine on the cells a tracker holds (UK dates, Y/N, text numbers)', async () => {
    const request = evaluateRequest(200, 5);
    const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    const asTyped = toEvaluateInput(request).rows.map((row) => ({
      row: row.row,
      values: Object.fromEntries(
        Object.entries(row.values).map(([field, value]) => {
          if (typeof value === 'boolean') return [field, value ? 'Y' : 'N'];
          if (typeof value === 'number') return [field, String(value)];
          if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return [field, uk(value)];
          if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value))
            return [field, `${value.slice(5)}/${value.slice(0, 4)}`];
          if (value && typeof value === 'object') return [field, 'N/A'];
          return [field, value];
        }),
      ),
    }));
    const { body } = await invoke(handler, { body: request });
    const direct = evaluate(
      { tracked: request.tracked, rows: asTyped },
      { asOf: fromIso(BENCH_AS_OF) as number, policy: DEFAULT_POLICY },
    );
    const api = withoutCorrelation(body as EvaluateResponse);
    // Same statuses, due dates and next actions; explanations differ only where an
    // unreadable cell's text ("N/A") is quoted, which the wire never carries.
    const strip = (e: typeof direct) =>
      e.rows.map((row) => ({
        ...row,
        results: Object.fromEntries(
          Object.entries(row.results).map(([id, r]) => [id, { status: r.status, due: r.due }]),
        ),
      }));
    expect(strip(api)).toEqual(strip(direct));
  });

  it('matches the engine for any rows (property)', async () => {
    const date = fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const value = fc.oneof(
      date,
      fc.boolean(),
      fc.integer({ min: -5, max: 60 }),
      fc.constant(null),
      fc.constant({ unreadable: true as const }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.array(value, { minLength: 4, maxLength: 4 }), date), { maxLength: 8 }),
        async (rows) => {
          const tracked: RuleFieldName[] = ['dateOfBirth', 'lastReviewDate', 'sdqScore', 'gpRegistered'];
          // Coerce each generated value into the kind its field takes, so every request is valid.
          const request: EvaluateRequest = {
            asOf: '2026-11-23',
            tracked,
            rows: rows.map(([values, dob], index) => ({
              row: index + 2,
              fields: {
                dateOfBirth: typeof values[0] === 'string' ? values[0] : dob,
                lastReviewDate:
                  typeof values[1] === 'string' || values[1] === null ? values[1] : { unreadable: true },
                sdqScore: typeof values[2] === 'number' || values[2] === null ? values[2] : null,
                gpRegistered: typeof values[3] === 'boolean' ? values[3] : null,
              },
            })),
          };
          const { status, body } = await invoke(handler, { body: request });
          expect(status).toBe(200);
          const direct = evaluate(toEvaluateInput(request), { asOf: fromIso('2026-11-23') as number });
          expect(withoutCorrelation(body as EvaluateResponse)).toEqual(direct);
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it("uses today's date in London when no as-of date is given", async () => {
    const today = fromIso('2026-01-15') as number;
    const fixed = makeEvaluateHandler(config, { today: () => today });
    const { asOf: _asOf, ...request } = evaluateRequest(3);
    const { body } = await invoke(fixed, { body: request });
    expect((body as EvaluateResponse).asOf).toBe(toIso(today));
  });

  it("applies the request's policy over the service's", async () => {
    const request = { ...evaluateRequest(40, 3), policy: { windows: { 'cla-review': { days: 200 } } } };
    const { body } = await invoke(handler, { body: request });
    const direct = evaluate(toEvaluateInput(request), {
      asOf: fromIso(BENCH_AS_OF) as number,
      policy: resolvePolicy({ windows: { 'cla-review': { days: 200 } } }),
    });
    expect(withoutCorrelation(body as EvaluateResponse)).toEqual(direct);
    const plain = evaluate(toEvaluateInput(request), { asOf: fromIso(BENCH_AS_OF) as number });
    expect(direct).not.toEqual(plain);
  });

  it("uses the service's configured policy when the request sends none", async () => {
    const custom = makeEvaluateHandler(loadConfig({ CASELOAD_POLICY_JSON: '{"defaultWindow":{"days":90}}' }));
    const request = evaluateRequest(40, 3);
    const { body } = await invoke(custom, { body: request });
    const direct = evaluate(toEvaluateInput(request), {
      asOf: fromIso(BENCH_AS_OF) as number,
      policy: resolvePolicy({ defaultWindow: { days: 90 } }),
    });
    expect(withoutCorrelation(body as EvaluateResponse)).toEqual(direct);
  });

  it('evaluates an empty tracker and a tracker with no rule columns', async () => {
    const empty = await invoke(handler, { body: { tracked: [], rows: [] } });
    expect(empty.status).toBe(200);
    const parsed = evaluateResponseSchema.parse(empty.body);
    expect(parsed.rows).toEqual([]);
    expect(parsed.inactiveRules).toHaveLength(25);
  });

  it('reads a body that starts with a UTF-8 byte order mark (as some clients write JSON)', async () => {
    const request = evaluateRequest(5, 3);
    const plain = await invoke(handler, { body: request });
    const withBom = await invoke(handler, { body: `\uFEFF${JSON.stringify(request)}` });
    expect(withBom.status).toBe(200);
    expect(withoutCorrelation(withBom.body as EvaluateResponse)).toEqual(
      withoutCorrelation(plain.body as EvaluateResponse),
    );
  });

  it('reports a valid-looking but meaningless value as Check data on its row, not a refusal', async () => {
    const request = {
      asOf: '2026-11-23',
      tracked: ['dateOfBirth', 'lastSdqDate', 'sdqScore'],
      rows: [{ row: 4, fields: { dateOfBirth: '2014-06-01', lastSdqDate: '2026-01-10', sdqScore: 55 } }],
    };
    const { status, body } = await invoke(handler, { body: request });
    expect(status).toBe(200);
    const result = (body as EvaluateResponse).rows[0].results['sdq-follow-up'];
    expect(result.status).toBe('Check data');
    expect(result.explanation).toContain('55');
  });
});

describe('POST /api/evaluate refuses bad requests with a plain message', () => {
  async function refused(body: unknown, status: number, options: { headers?: Record<string, string> } = {}) {
    const response = await invoke(handler, { body, ...options });
    expect(response.status).toBe(status);
    return errorResponseSchema.parse(response.body) as ErrorResponse;
  }

  it('names the row and field of a date that is not a date', async () => {
    const { error, correlationId } = await refused(
      {
        tracked: ['dateOfBirth', 'lastReviewDate'],
        rows: [
          { row: 2, fields: { dateOfBirth: '2012-01-01', lastReviewDate: '2026-01-01' } },
          { row: 7, fields: { dateOfBirth: '2012-01-01', lastReviewDate: '31/02/2019' } },
        ],
      },
      400,
    );
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(
      'The request has a problem: row 7, lastReviewDate: not a date: send dates as YYYY-MM-DD.',
    );
    expect(error.problems).toEqual([
      {
        row: 7,
        field: 'lastReviewDate',
        path: 'rows[1].fields.lastReviewDate',
        message: 'not a date: send dates as YYYY-MM-DD',
      },
    ]);
    expect(correlationId).toBeTruthy();
  });

  it('refuses an impossible ISO date (2019-02-31)', async () => {
    const { error } = await refused(
      { tracked: ['dateOfBirth'], rows: [{ row: 3, fields: { dateOfBirth: '2019-02-31' } }] },
      400,
    );
    expect(error.message).toContain('row 3, dateOfBirth: not a real calendar date');
  });

  it('lists the first five problems and counts the rest', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      row: i + 10,
      fields: { lastVisitDate: 'yesterday' },
    }));
    const { error } = await refused({ tracked: ['lastVisitDate'], rows }, 400);
    expect(error.problems?.map((p) => p.row)).toEqual([10, 11, 12, 13, 14]);
    expect(error.problemCount).toBe(12);
    expect(error.message).toContain('(and 7 more)');
  });

  it.each(['name', 'childId', 'socialWorker', 'team'])(
    'refuses %s with a message that it stays in the workbook',
    async (field) => {
      const { error } = await refused(
        { tracked: ['dateOfBirth'], rows: [{ row: 2, fields: { dateOfBirth: '2012-01-01', [field]: 'x' } }] },
        400,
      );
      expect(error.message).toContain(`"${field}" cannot be sent`);
      expect(error.message).toContain('must stay in the workbook');
      expect(error.problems?.[0].row).toBe(2);
    },
  );

  it('refuses a field not listed in tracked', async () => {
    const { error } = await refused(
      {
        tracked: ['dateOfBirth'],
        rows: [{ row: 2, fields: { dateOfBirth: '2012-01-01', lastPepDate: '2026-01-01' } }],
      },
      400,
    );
    expect(error.message).toContain('row 2, lastPepDate: lastPepDate is not listed in tracked');
  });

  it('refuses the same row twice and a field tracked twice', async () => {
    const { error } = await refused(
      {
        tracked: ['dateOfBirth', 'dateOfBirth'],
        rows: [
          { row: 2, fields: {} },
          { row: 2, fields: {} },
        ],
      },
      400,
    );
    expect(error.message).toContain('dateOfBirth is listed twice');
    expect(error.message).toContain('row 2 appears twice');
  });

  it('refuses a policy with an unknown rule or a bad value', async () => {
    const unknownRule = await refused(
      { tracked: [], rows: [], policy: { windows: { 'no-such-rule': { days: 3 } } } },
      400,
    );
    expect(unknownRule.error.code).toBe('invalid_policy');
    expect(unknownRule.error.message).toContain('"no-such-rule"');
    expect(unknownRule.error.problems).toEqual([
      { path: 'policy.windows.no-such-rule', message: 'not a rule id' },
    ]);
    expect(unknownRule.error.problemCount).toBe(1);
    const badValue = await refused({ tracked: [], rows: [], policy: { dentalCheckMonths: 0 } }, 400);
    expect(badValue.error.message).toContain(
      'policy.dentalCheckMonths: expected a whole number from 1 to 24',
    );
  });

  it('refuses too many rows with 413, before checking them', async () => {
    const small = makeEvaluateHandler(loadConfig({ CASELOAD_MAX_ROWS: '10' }));
    const response = await invoke(small, {
      body: { tracked: [], rows: Array.from({ length: 11 }, () => 'junk') },
    });
    expect(response.status).toBe(413);
    expect((response.body as ErrorResponse).error.message).toBe(
      'Too many rows: 11 in one request, and the service takes up to 10. Send them in batches.',
    );
  });

  it('refuses too large a body with 413', async () => {
    const small = makeEvaluateHandler(loadConfig({ CASELOAD_MAX_BODY_BYTES: '1000' }));
    const response = await invoke(small, { body: evaluateRequest(20) });
    expect(response.status).toBe(413);
    expect((response.body as ErrorResponse).error.code).toBe('body_too_large');
  });

  it('refuses a body that is not JSON, or not sent as JSON', async () => {
    expect((await refused('{"tracked": [', 400)).error.message).toMatch(
      /^The request body is not valid JSON/,
    );
    expect((await refused('{}', 415, { headers: { 'content-type': 'text/plain' } })).error.code).toBe(
      'unsupported_media_type',
    );
  });

  it('refuses the wrong method with 405 and says which to use', async () => {
    const response = await invoke(handler, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((response.body as ErrorResponse).error.message).toBe('evaluate answers POST only.');
  });
});

describe('logs', () => {
  const NAME = 'Zebedee Quinton-Marsh';

  it('hold counts, timings and correlation ids, never a value from the request', async () => {
    const request = evaluateRequest(40, 99);
    const values = new Set<string>();
    for (const row of request.rows) {
      for (const value of Object.values(row.fields)) {
        if (typeof value === 'string') values.add(value);
      }
    }
    const ok = await invoke(handler, { body: request });
    const bad = await invoke(handler, {
      body: {
        tracked: ['dateOfBirth', 'lastReviewDate'],
        rows: [
          { row: 2, fields: { dateOfBirth: '2011-07-19', lastReviewDate: '31/02/2019', name: NAME } },
          { row: 3, fields: { [NAME]: '2011-07-19' } },
        ],
      },
    });
    const badPolicy = await invoke(handler, {
      body: { tracked: [], rows: [], policy: { windows: { [NAME]: { days: 1 } } } },
    });
    const notJson = await invoke(handler, { body: `{"name": "${NAME}", ` });
    expect([ok.status, bad.status, badPolicy.status, notJson.status]).toEqual([200, 400, 400, 400]);

    const logs = [...ok.logs, ...bad.logs, ...badPolicy.logs, ...notJson.logs].join('\n');
    expect(logs).toContain('evaluate: 40 rows');
    expect(logs).toMatch(/evaluate: 200 in \d+\.\d ms/);
    expect(logs).toContain((ok.body as EvaluateResponse).correlationId);
    for (const secret of [NAME, '31/02/2019', '2011-07-19', ...values]) expect(logs).not.toContain(secret);
    // The result's explanations, which repeat the dates as dd/mm/yyyy, are not logged either.
    expect(logs).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('an unexpected failure is a 500 with a correlation id and nothing about the internals', async () => {
    const broken = makeEvaluateHandler(config, {
      today: () => {
        throw new TypeError(`Cannot read ${NAME}`);
      },
    });
    const { asOf: _asOf, ...request } = evaluateRequest(2);
    const response = await invoke(broken, { body: request });
    expect(response.status).toBe(500);
    const body = errorResponseSchema.parse(response.body);
    expect(body.error.code).toBe('internal_error');
    expect(body.error.message).toContain(body.correlationId);
    expect(response.text).not.toContain('TypeError');
    expect(response.text).not.toContain(NAME);
    expect(response.text).not.toContain('at ');
    const logs = response.logs.join('\n');
    expect(logs).toContain(`unexpected TypeError (correlation ${body.correlationId})`);
    expect(logs).not.toContain(NAME);
  });
});

it('the results validate against the shared result schema', async () => {
  const { body } = await invoke(handler, { body: evaluateRequest(30, 2) });
  const { correlationId: _id, ...evaluation } = body as EvaluateResponse;
  expect(() => evaluationSchema.parse(evaluation)).not.toThrow();
  expect(RULE_FIELD_NAMES.length).toBeGreaterThan(40);
});
