/**
 * A corpus of hostile and broken requests against the local server (the same handlers the
 * Functions host runs): each gets the expected 4xx and a message that names the problem;
 * none is a 500; none of the values sent reaches the logs; and the server still answers.
 */
import { RULE_FIELD_NAMES } from '../../shared/fields';
import { loadConfig } from '../../functions/lib/config';
import { startLocalServer, type LocalServer } from '../../functions/localServer';
import { send, type RawRequest, type RawResponse } from './client';
import { evaluateRequest } from './wireRows';

const KEY = 'test-function-key';
const NAME = 'Jane Ottoline Smith';
const JSON_HEADERS = { 'content-type': 'application/json', 'x-functions-key': KEY };

interface Case extends RawRequest {
  readonly name: string;
  readonly status: number;
  /** text the error message must contain, or a pattern it must match */
  readonly message?: string | RegExp;
}

/** An evaluate request with one row whose fields are `fields` (all tracked). */
function oneRow(fields: Record<string, unknown>, row: unknown = 2): string {
  const tracked = Object.keys(fields).filter((key) => (RULE_FIELD_NAMES as readonly string[]).includes(key));
  return JSON.stringify({ asOf: '2026-11-23', tracked, rows: [{ row, fields }] });
}

const evaluate = (body: string | Buffer, extra: Partial<Case> = {}): RawRequest => ({
  method: 'POST',
  path: '/api/evaluate',
  headers: JSON_HEADERS,
  body,
  ...extra,
});

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const rows = (count: number) =>
  JSON.stringify({
    tracked: [],
    rows: Array.from({ length: count }, (_, i) => ({ row: i + 2, fields: {} })),
  });

const STAYS = 'must stay in the workbook';

const CORPUS: Case[] = [
  // Not JSON, or not an object
  {
    name: 'malformed JSON',
    ...evaluate('{"tracked": ['),
    status: 400,
    message: /^The request body is not valid JSON/,
  },
  {
    name: 'trailing garbage',
    ...evaluate('{"tracked": [], "rows": []} x'),
    status: 400,
    message: 'not valid JSON',
  },
  { name: 'single-quoted JSON', ...evaluate("{'tracked': []}"), status: 400, message: 'not valid JSON' },
  { name: 'empty body', ...evaluate(''), status: 400, message: 'The request body is empty' },
  { name: 'whitespace body', ...evaluate('   \n '), status: 400, message: 'The request body is empty' },
  {
    name: 'JSON null',
    ...evaluate('null'),
    status: 400,
    message: 'expected a JSON object with tracked and rows',
  },
  {
    name: 'JSON array',
    ...evaluate('[]'),
    status: 400,
    message: 'expected a JSON object with tracked and rows',
  },
  {
    name: 'JSON string',
    ...evaluate('"hello"'),
    status: 400,
    message: 'expected a JSON object with tracked and rows',
  },
  {
    name: 'invalid UTF-8',
    ...evaluate(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
    status: 400,
    message: 'not valid UTF-8',
  },
  {
    name: 'deeply nested arrays',
    ...evaluate(deep(100_000)),
    status: 400,
    message: 'expected a JSON object with tracked and rows',
  },
  {
    name: 'deep nesting inside a field',
    ...evaluate(
      `{"tracked":["dateOfBirth"],"rows":[{"row":2,"fields":{"dateOfBirth":{"unreadable":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}}]}`,
    ),
    status: 400,
    message: 'row 2, dateOfBirth',
  },
  {
    name: 'deep nesting inside the policy',
    ...evaluate(`{"tracked":[],"rows":[],"policy":{"terms":${deep(50_000)}}}`),
    status: 400,
    message: 'policy.terms',
  },
  // Huge values
  {
    name: 'a 10 MB string in a date field',
    ...evaluate(oneRow({ dateOfBirth: 'x'.repeat(10_000_000) })),
    status: 400,
    message: 'row 2, dateOfBirth: not a date',
  },
  {
    name: 'a 1 MB field name',
    ...evaluate(oneRow({ ['k'.repeat(1_000_000)]: true })),
    status: 400,
    message: 'unknown field "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…"',
  },
  // Prototype keys
  {
    name: '__proto__ at the top',
    ...evaluate('{"tracked":[],"rows":[],"__proto__":{"x":1}}'),
    status: 400,
    message: 'unknown field "__proto__"',
  },
  {
    name: 'constructor at the top',
    ...evaluate('{"tracked":[],"rows":[],"constructor":{}}'),
    status: 400,
    message: 'unknown field "constructor"',
  },
  {
    name: '__proto__ in a row',
    ...evaluate('{"tracked":[],"rows":[{"row":2,"fields":{"__proto__":{"polluted":true}}}]}'),
    status: 400,
    message: 'row 2: unknown field "__proto__"',
  },
  {
    name: 'constructor and prototype in a row',
    ...evaluate('{"tracked":[],"rows":[{"row":2,"fields":{"constructor":1,"prototype":2}}]}'),
    status: 400,
    message: 'unknown fields "constructor", "prototype"',
  },
  {
    name: '__proto__ as a row',
    ...evaluate('{"tracked":[],"rows":[{"row":2,"fields":{},"__proto__":{"row":3}}]}'),
    status: 400,
    message: 'unknown field "__proto__"',
  },
  {
    name: '__proto__ in the policy windows',
    ...evaluate('{"tracked":[],"rows":[],"policy":{"windows":{"__proto__":{"days":3}}}}'),
    status: 400,
    message: 'rules that do not exist: "__proto__"',
  },
  {
    name: 'constructor in the policy windows',
    ...evaluate('{"tracked":[],"rows":[],"policy":{"windows":{"constructor":{"days":3}}}}'),
    status: 400,
    message: 'rules that do not exist: "constructor"',
  },
  // Names and IDs smuggled in
  {
    name: 'a name field',
    ...evaluate(oneRow({ dateOfBirth: '2010-01-01', name: NAME })),
    status: 400,
    message: `"name" cannot be sent: names, IDs, workers and other free text ${STAYS}`,
  },
  {
    name: 'a child ID',
    ...evaluate(oneRow({ childId: 'C123456' })),
    status: 400,
    message: `"childId" cannot be sent`,
  },
  {
    name: 'a social worker',
    ...evaluate(oneRow({ socialWorker: NAME })),
    status: 400,
    message: `"socialWorker" cannot be sent`,
  },
  { name: 'a team', ...evaluate(oneRow({ team: 'North' })), status: 400, message: `"team" cannot be sent` },
  {
    name: 'a name listed in tracked',
    ...evaluate('{"tracked":["dateOfBirth","name"],"rows":[]}'),
    status: 400,
    message: `tracked[1]: "name" cannot be sent`,
  },
  {
    name: 'a name in a date field',
    ...evaluate(oneRow({ lastReviewDate: NAME })),
    status: 400,
    message: 'row 2, lastReviewDate: not a date',
  },
  {
    name: 'a name in the placement type',
    ...evaluate(oneRow({ placementType: NAME })),
    status: 400,
    message: 'row 2, placementType: expected one of foster',
  },
  {
    name: 'a name as the personal adviser',
    ...evaluate(oneRow({ personalAdviser: NAME })),
    status: 400,
    message: 'row 2, personalAdviser: expected true (a personal adviser is named) or false',
  },
  {
    name: 'a name as a field key',
    ...evaluate(oneRow({ [NAME]: '2010-01-01' })),
    status: 400,
    message: `unknown field "${NAME}"`,
  },
  {
    name: 'the text of an unreadable cell',
    ...evaluate(oneRow({ lastVisitDate: { unreadable: true, text: 'N/A' } })),
    status: 400,
    message:
      'row 2, lastVisitDate: an unreadable cell is sent as {"unreadable": true} only: its text stays in the workbook',
  },
  // Dates that are not dates
  {
    name: 'UK date 31/02/2019',
    ...evaluate(oneRow({ lastReviewDate: '31/02/2019' }, 7)),
    status: 400,
    message: 'row 7, lastReviewDate: not a date: send dates as YYYY-MM-DD',
  },
  {
    name: 'impossible ISO date',
    ...evaluate(oneRow({ lastReviewDate: '2019-02-31' })),
    status: 400,
    message: 'row 2, lastReviewDate: not a real calendar date',
  },
  {
    name: 'unpadded ISO date',
    ...evaluate(oneRow({ lastReviewDate: '2019-2-3' })),
    status: 400,
    message: 'not a date: send dates as YYYY-MM-DD',
  },
  {
    name: 'date with a time',
    ...evaluate(oneRow({ lastReviewDate: '2019-02-03T00:00:00Z' })),
    status: 400,
    message: 'not a date',
  },
  {
    name: 'year 1800',
    ...evaluate(oneRow({ lastReviewDate: '1800-01-01' })),
    status: 400,
    message: 'between 1900 and 2100',
  },
  {
    name: 'month 13 birth',
    ...evaluate(oneRow({ dateOfBirth: '2009-13' })),
    status: 400,
    message: 'row 2, dateOfBirth: not a real calendar date',
  },
  {
    name: 'a serial number as a date',
    ...evaluate(oneRow({ lastReviewDate: 45000 })),
    status: 400,
    message: 'row 2, lastReviewDate: expected a date as YYYY-MM-DD',
  },
  {
    name: 'a bad as-of date',
    ...evaluate('{"asOf":"tomorrow","tracked":[],"rows":[]}'),
    status: 400,
    message: 'asOf: not a date',
  },
  // Wrong types
  {
    name: 'a fraction as a score',
    ...evaluate(oneRow({ sdqScore: 12.5 })),
    status: 400,
    message: 'row 2, sdqScore: expected a whole number',
  },
  {
    name: 'an absurd number',
    ...evaluate(oneRow({ sdqScore: 1e300 })),
    status: 400,
    message: 'row 2, sdqScore',
  },
  {
    name: 'a number as text',
    ...evaluate(oneRow({ sdqScore: '12' })),
    status: 400,
    message: 'row 2, sdqScore: expected a whole number',
  },
  {
    name: '"yes" for a yes/no',
    ...evaluate(oneRow({ gpRegistered: 'yes' })),
    status: 400,
    message: 'row 2, gpRegistered: expected true or false',
  },
  {
    name: 'unreadable: false',
    ...evaluate(oneRow({ gpRegistered: { unreadable: false } })),
    status: 400,
    message: 'row 2, gpRegistered',
  },
  {
    name: 'row number 0',
    ...evaluate(oneRow({}, 0)),
    status: 400,
    message: 'rows[0].row: row numbers start at 1',
  },
  {
    name: 'row number as text',
    ...evaluate(oneRow({}, '2')),
    status: 400,
    message: 'rows[0].row: expected the worksheet row number',
  },
  {
    name: 'row beyond the sheet',
    ...evaluate(oneRow({}, 2_000_000)),
    status: 400,
    message: 'row numbers end at 1048576',
  },
  {
    name: 'tracked not a list',
    ...evaluate('{"tracked":"dateOfBirth","rows":[]}'),
    status: 400,
    message: 'tracked: expected a list',
  },
  {
    name: 'rows not a list',
    ...evaluate('{"tracked":[],"rows":{}}'),
    status: 400,
    message: 'rows: expected a list of rows',
  },
  {
    name: 'missing rows',
    ...evaluate('{"tracked":[]}'),
    status: 400,
    message: 'rows: expected a list of rows',
  },
  {
    name: 'an unknown top-level field',
    ...evaluate('{"tracked":[],"rows":[],"mapping":{}}'),
    status: 400,
    message: 'unknown field "mapping"',
  },
  {
    name: 'an unknown rule field',
    ...evaluate('{"tracked":["favouriteColour"],"rows":[]}'),
    status: 400,
    message: 'tracked[0]: not a rule field',
  },
  {
    name: 'a field not in tracked',
    ...evaluate('{"tracked":[],"rows":[{"row":2,"fields":{"lastPepDate":"2026-01-01"}}]}'),
    status: 400,
    message: 'row 2, lastPepDate: lastPepDate is not listed in tracked',
  },
  {
    name: 'the same row twice',
    ...evaluate('{"tracked":[],"rows":[{"row":2,"fields":{}},{"row":2,"fields":{}}]}'),
    status: 400,
    message: 'row 2 appears twice',
  },
  {
    name: 'a bad policy value',
    ...evaluate('{"tracked":[],"rows":[],"policy":{"paContactDays":-1}}'),
    status: 400,
    message: 'policy.paContactDays',
  },
  {
    name: 'an unknown policy field',
    ...evaluate('{"tracked":[],"rows":[],"policy":{"strict":false}}'),
    status: 400,
    message: 'policy: unknown field "strict"',
  },
  // Too much
  {
    name: '100,000 rows',
    ...evaluate(rows(100_000)),
    status: 413,
    message: 'Too many rows: 100,000 in one request, and the service takes up to 5,000',
  },
  {
    name: '5,000 rows with every field wrong',
    ...evaluate(
      JSON.stringify({
        tracked: RULE_FIELD_NAMES,
        rows: Array.from({ length: 5000 }, (_, i) => ({
          row: i + 2,
          fields: Object.fromEntries(RULE_FIELD_NAMES.map((field) => [field, NAME])),
        })),
      }),
    ),
    status: 400,
    message:
      /^The request has at least \d+ problems: row 2, dateOfBirth: not a date.*\(and more: checking stopped there\)\.$/,
  },
  { name: '5,001 rows', ...evaluate(rows(5_001)), status: 413, message: 'Too many rows: 5,001' },
  {
    name: 'a 17 MB body',
    ...evaluate(`{"tracked":[],"rows":[],"policy":{"name":"${'x'.repeat(17 * 1024 * 1024)}"}}`),
    status: 413,
    message: 'larger than the service accepts',
  },
  // Wrong content type, method, path, key
  {
    name: 'text/plain',
    ...evaluate('{}', { headers: { 'content-type': 'text/plain', 'x-functions-key': KEY } }),
    status: 415,
    message: 'Content-Type: application/json',
  },
  {
    name: 'no content type',
    ...evaluate('{}', { headers: { 'x-functions-key': KEY } }),
    status: 415,
    message: 'Send the request as JSON',
  },
  {
    name: 'a form post',
    ...evaluate('a=1', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-functions-key': KEY },
    }),
    status: 415,
  },
  {
    name: 'GET evaluate',
    method: 'GET',
    path: '/api/evaluate',
    headers: { 'x-functions-key': KEY },
    status: 405,
    message: 'evaluate answers POST only.',
  },
  {
    name: 'DELETE evaluate',
    method: 'DELETE',
    path: '/api/evaluate',
    headers: { 'x-functions-key': KEY },
    status: 405,
    message: 'POST only',
  },
  {
    name: 'TRACE evaluate',
    method: 'TRACE',
    path: '/api/evaluate',
    headers: { 'x-functions-key': KEY },
    status: 405,
    message: 'POST only',
  },
  {
    name: 'POST policy',
    ...evaluate('{}', { path: '/api/policy' }),
    status: 405,
    message: 'policy answers GET only.',
  },
  {
    name: 'an unknown path',
    method: 'GET',
    path: '/api/evaluate/../../etc/passwd',
    status: 404,
    message: 'There is no such endpoint',
  },
  {
    name: 'no function key',
    ...evaluate('{}', { headers: { 'content-type': 'application/json' } }),
    status: 401,
    message: 'function key',
  },
  {
    name: 'a row without fields',
    ...evaluate('{"tracked":[],"rows":[{"row":7}]}'),
    status: 400,
    message: "row 7: expected the row's fields as an object",
  },
  {
    name: 'a row that is a number',
    ...evaluate('{"tracked":[],"rows":[7]}'),
    status: 400,
    message: 'rows[0]: expected a row as an object',
  },
  {
    name: 'a huge window name in the policy',
    ...evaluate(
      JSON.stringify({ tracked: [], rows: [], policy: { windows: { ['k'.repeat(20_000)]: { days: -1 } } } }),
    ),
    status: 400,
    message: 'expected a whole number from 0 to 366',
  },
  {
    name: 'a compressed body',
    ...evaluate('{"tracked":[],"rows":[]}', {
      headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' },
    }),
    status: 415,
    message: 'uncompressed',
  },
  {
    name: 'a charset other than UTF-8',
    ...evaluate(Buffer.from('{"tracked":[],"rows":[]}', 'utf16le'), {
      headers: { ...JSON_HEADERS, 'content-type': 'application/json; charset=utf-16' },
    }),
    status: 415,
    message: 'UTF-8',
  },
  {
    name: 'a declared length over the host limit, refused before the body is read',
    ...evaluate('{}', { headers: { ...JSON_HEADERS, 'content-length': String(200 * 1024 * 1024) } }),
    status: 413,
    message: 'larger than the host accepts',
  },
  {
    name: 'a wrong function key',
    ...evaluate('{}', { headers: { 'content-type': 'application/json', 'x-functions-key': 'guess' } }),
    status: 401,
  },
];

let server: LocalServer;
const serverLogs: string[] = [];

beforeAll(async () => {
  server = await startLocalServer({
    port: 0,
    functionKey: KEY,
    config: loadConfig({}),
    log: (line) => serverLogs.push(line),
  });
});
afterAll(async () => {
  await server.close();
});

it('has at least 40 hostile requests', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
});

describe('hostile requests get a 4xx that names the problem', () => {
  const responses = new Map<string, RawResponse>();

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const response = await send(server.url, c);
    responses.set(c.name, response);
    expect(response.status).toBe(c.status);
    const body = response.json as { error?: { message?: string }; correlationId?: string };
    if (c.method !== 'HEAD') {
      expect(body?.error?.message).toEqual(expect.any(String));
      expect(body?.correlationId).toEqual(expect.any(String));
      if (typeof c.message === 'string') expect(body.error?.message).toContain(c.message);
      else if (c.message) expect(body.error?.message).toMatch(c.message);
    }
    // Never an echo of a huge input.
    expect(response.text.length).toBeLessThan(5_000);
  });

  it('the server still answers afterwards, correctly', async () => {
    const health = await send(server.url, { method: 'GET', path: '/api/health' });
    expect(health.status).toBe(200);
    const ok = await send(server.url, { ...evaluate(JSON.stringify(evaluateRequest(100, 4))) });
    expect(ok.status).toBe(200);
    expect((ok.json as { rows: unknown[] }).rows).toHaveLength(100);
    // Nothing leaked into the prototype of plain objects.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("the server's own refusals are logged with their correlation id", () => {
    for (const name of ['no function key', 'a wrong function key']) {
      const id = (responses.get(name)?.json as { correlationId?: string }).correlationId as string;
      expect(serverLogs.join('\n')).toContain(`401 unauthorized (correlation id ${id})`);
    }
  });

  it('the logs hold none of the values sent', () => {
    const logs = serverLogs.join('\n');
    expect(logs).toContain('evaluate: 400');
    for (const secret of [
      NAME,
      'C123456',
      '31/02/2019',
      '2019-02-31',
      'N/A',
      'kkkkkkkkkk',
      'xxxxxxxxxx',
      'North',
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
