/**
 * The evaluate reply is written a few rows at a time (functions/lib/http.ts); its bytes must
 * be exactly those of JSON.stringify of the whole reply, for any number of rows.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { jsonRowsResponse } from '../../functions/lib/http';
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
});
