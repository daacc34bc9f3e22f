/**
 * The evaluate reply is written a few rows at a time (functions/lib/http.ts), with the bytes
 * of shared results kept (functions/lib/rowsJson.ts); its bytes must be exactly those of
 * JSON.stringify of the whole reply, for any number of rows and any rows at all.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { join } from 'node:path';
import { chooseSheet } from '../../cli/commands/evaluate';
import { readTrackerFile } from '../../cli/readWorkbook';
import { jsonRowsResponse } from '../../functions/lib/http';
import { type Day, fromIso } from '../../shared/dates/calendar';
import { evaluate } from '../../shared/engine';
import { proposeMapping } from '../../shared/mapping';
import { readTracker, type SheetRow } from '../../shared/tracker';
import { runs } from '../support/properties';

async function bytesOf(body: unknown): Promise<string> {
  expect(body).toBeInstanceOf(Readable);
  const pieces: Buffer[] = [];
  for await (const piece of body as Readable) pieces.push(piece as Buffer);
  return Buffer.concat(pieces).toString('utf8');
}

const reply = (rows: unknown[]) => ({
  asOf: '2026-11-23',
  rulesVersion: '2026.11.0',
  inactiveRules: [{ rule: 'pep', reason: 'needs "lastPepDate" (a quote, a \\ and "rows":0 in text)' }],
  rows,
  correlationId: 'c0ffee',
});

describe('jsonRowsResponse', () => {
  it.each([0, 1, 19, 20, 21, 40, 41, 500])('%i rows: the bytes of JSON.stringify', async (count) => {
    const rows = Array.from({ length: count }, (_, i) => ({
      row: i + 2,
      overall: 'Overdue',
      results: { sdq: { status: 'Check data', due: null, explanation: 'SDQ score 41 is outside 0–40 ’' } },
    }));
    const body = reply(rows);
    const response = jsonRowsResponse(body, 'c0ffee');
    expect(response.status).toBe(200);
    expect(await bytesOf(response.body)).toBe(JSON.stringify(body));
    expect((response.headers as Record<string, string>)['X-Correlation-Id']).toBe('c0ffee');
  });

  it('any rows of JSON values (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 60 }), async (rows) => {
        const body = reply(rows);
        expect(await bytesOf(jsonRowsResponse(body, 'c0ffee').body)).toBe(JSON.stringify(body));
      }),
      { numRuns: runs(200) },
    );
  });

  /** Text with anything JSON must escape, and characters UTF-8 writes in 2, 3 and 4 bytes. */
  const anyText = fc.oneof(
    fc.string({ maxLength: 30, unit: 'binary' }),
    fc.constantFrom('"', '\\', '\n', '\u2028', 'caf\u00e9 ’', '\ud83d\ude00', '\ud800 lone', ''),
  );
  const aResult = fc.record({
    status: fc.constantFrom('Overdue', 'Due soon', 'Done'),
    due: fc.option(fc.constant('2026-12-01')),
    explanation: anyText,
  });
  /** A pool of results, some frozen (shared, so their bytes are kept) and some not. */
  const resultPool = fc.array(
    fc.tuple(aResult, fc.boolean()).map(([result, frozen]) => (frozen ? Object.freeze(result) : result)),
    { minLength: 1, maxLength: 8 },
  );
  const oddValue = fc.constantFrom<unknown>(
    undefined,
    null,
    () => 1,
    { toJSON: (key: string) => `key ${key}` },
    [1],
  );
  /** Rows shaped like the engine's, in any key order, with odd values here and there. */
  const rowsLike = resultPool.chain((pool) =>
    fc.array(
      fc
        .record({
          row: fc.integer({ min: 2, max: 20_000 }),
          overall: fc.oneof(fc.constantFrom('Overdue', 'Done'), oddValue),
          nextAction: fc.option(fc.record({ rule: anyText, due: fc.constant('2026-12-01') })),
          results: fc.dictionary(
            fc.oneof(anyText, fc.constantFrom('cla-review', 'pep', '__proto__', '7')),
            fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: oddValue }),
            { maxKeys: 6 },
          ),
          leavingCareStatus: anyText,
        })
        .chain((row) =>
          fc
            .shuffledSubarray(Object.keys(row), { minLength: 5, maxLength: 5 })
            .map((order) => Object.fromEntries(order.map((key) => [key, row[key as keyof typeof row]]))),
        ),
      { maxLength: 45 },
    ),
  );

  it('any rows shaped like the engine’s, with shared and unshared results (property)', async () => {
    await fc.assert(
      fc.asyncProperty(rowsLike, async (rows) => {
        const body = reply(rows);
        // twice: the second reply is written from the bytes kept by the first
        expect(await bytesOf(jsonRowsResponse(body, 'c0ffee').body)).toBe(JSON.stringify(body));
        expect(await bytesOf(jsonRowsResponse(body, 'c0ffee').body)).toBe(JSON.stringify(body));
      }),
      { numRuns: runs(200) },
    );
  });

  it('rows that are not plain objects, or that say how to write themselves', async () => {
    const rows = Array.from(
      { length: 45 },
      (_, i) =>
        [
          undefined,
          () => 1,
          { toJSON: (key: string) => ({ writtenAs: key }) },
          { row: 2, results: { toJSON: (key: string) => key } },
          { row: 3, results: [1, 2] },
          Object.create({ inherited: true }) as unknown,
          { row: 4, overall: undefined, results: {} },
        ][i % 7],
    );
    const body = reply(rows);
    expect(await bytesOf(jsonRowsResponse(body, 'c0ffee').body)).toBe(JSON.stringify(body));
  });

  it('a real evaluation of the example tracker, twice on one as-of date', async () => {
    const file = await readTrackerFile(join(__dirname, '..', '..', 'examples', 'tracker.xlsx'));
    const { sheet, header } = chooseSheet(file, undefined);
    const grid: SheetRow[] = sheet.rows.map((cells, i) => ({ rowNumber: i + 1, cells }));
    const tracker = readTracker(grid, proposeMapping(sheet.rows[header.index]).mapping, header.index);
    const asOf = fromIso('2026-11-23') as Day;
    for (let i = 0; i < 2; i += 1) {
      const body = { ...evaluate(tracker, { asOf }), correlationId: 'c0ffee' };
      expect(body.rows.length).toBeGreaterThan(50);
      expect(await bytesOf(jsonRowsResponse(body, 'c0ffee').body)).toBe(JSON.stringify(body));
    }
  });
});
