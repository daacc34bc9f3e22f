import { fromIso } from '../../shared/dates/calendar';
import type { CanonicalRow } from '../../shared/tracker';
import { evaluateRemote, requestBody, ServiceError } from './client';

const asOf = fromIso('2026-11-23')!;
const rows: CanonicalRow[] = Array.from({ length: 12 }, (_, i) => ({
  row: i + 5,
  values: { dateOfBirth: 40000 + i, lastReviewDate: 'N/A', personalAdviser: 'Pat Lee', gpRegistered: 'Y' },
}));

function answer(body: { asOf: string; rows: { row: number }[] }) {
  return {
    asOf: body.asOf,
    rulesVersion: '2026.11.0',
    inactiveRules: [],
    correlationId: 'abc',
    rows: body.rows.map((r) => ({
      row: r.row,
      overall: 'On track',
      nextAction: null,
      leavingCareStatus: 'Unknown',
      results: {},
    })),
  };
}

function fakeFetch(statuses: (number | 'network')[]) {
  const calls: { url: string; body: ReturnType<typeof requestBody>; headers: Record<string, string> }[] = [];
  let n = 0;
  const impl = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string);
    calls.push({ url, body, headers: init.headers as Record<string, string> });
    const status = statuses[Math.min(n++, statuses.length - 1)];
    if (status === 'network') throw new TypeError('Failed to fetch');
    const payload =
      status === 200 ? answer(body) : { error: { code: 'invalid_request', message: 'rows[0]: bad' } };
    return new Response(JSON.stringify(payload), { status });
  }) as unknown as typeof fetch;
  return { impl, calls };
}

const noWait = async () => undefined;
const settings = { url: 'https://flags.example.org/', key: 'secret' };

describe('the service client', () => {
  it('sends only canonical fields, never names or free text, with the key', async () => {
    const { impl, calls } = fakeFetch([200]);
    await evaluateRemote(
      settings,
      { tracked: ['dateOfBirth', 'lastReviewDate', 'personalAdviser', 'gpRegistered'], rows },
      asOf,
      undefined,
      {
        fetch: impl,
      },
    );
    expect(calls[0].url).toBe('https://flags.example.org/api/evaluate');
    expect(calls[0].headers['x-functions-key']).toBe('secret');
    const sent = JSON.stringify(calls[0].body);
    expect(sent).not.toContain('Pat Lee');
    expect(sent).not.toContain('N/A');
    expect(calls[0].body.rows[0]).toEqual({
      row: 5,
      fields: {
        dateOfBirth: '2009-07-06',
        lastReviewDate: { unreadable: true },
        personalAdviser: true,
        gpRegistered: true,
      },
    });
  });

  it('splits a tracker larger than the row limit into several requests and joins the answers in order', async () => {
    const { impl, calls } = fakeFetch([200]);
    const chunks: string[] = [];
    const result = await evaluateRemote(settings, { tracked: ['dateOfBirth'], rows }, asOf, undefined, {
      fetch: impl,
      maxRows: 5,
      onChunk: (done, of) => chunks.push(`${done}/${of}`),
    });
    expect(calls.map((c) => c.body.rows.length)).toEqual([5, 5, 2]);
    expect(result.rows.map((r) => r.row)).toEqual(rows.map((r) => r.row));
    expect(chunks).toEqual(['1/3', '2/3', '3/3']);
  });

  it('retries network errors and 5xx with backoff, then succeeds', async () => {
    const { impl, calls } = fakeFetch(['network', 503, 200]);
    const waits: number[] = [];
    await evaluateRemote(settings, { tracked: ['dateOfBirth'], rows }, asOf, undefined, {
      fetch: impl,
      backoffMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(calls).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(200);
  });

  it('does not retry a 4xx, and says the key was refused on 401', async () => {
    const bad = fakeFetch([400]);
    await expect(
      evaluateRemote(settings, { tracked: ['dateOfBirth'], rows }, asOf, undefined, {
        fetch: bad.impl,
        sleep: noWait,
      }),
    ).rejects.toMatchObject({ failure: 'rejected', message: expect.stringContaining('rows[0]: bad') });
    expect(bad.calls).toHaveLength(1);
    const refused = fakeFetch([401]);
    await expect(
      evaluateRemote(settings, { tracked: ['dateOfBirth'], rows }, asOf, undefined, {
        fetch: refused.impl,
        sleep: noWait,
      }),
    ).rejects.toMatchObject({ failure: 'refused-key' });
    expect(refused.calls).toHaveLength(1);
  });

  it('gives up after the last attempt as unreachable', async () => {
    const { impl, calls } = fakeFetch(['network']);
    const attempt = evaluateRemote(settings, { tracked: ['dateOfBirth'], rows }, asOf, undefined, {
      fetch: impl,
      attempts: 3,
      sleep: noWait,
    });
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ failure: 'unreachable' });
    expect(calls).toHaveLength(3);
  });

  it('times out a request that does not answer', async () => {
    const hanging = ((_: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as unknown as typeof fetch;
    await expect(
      evaluateRemote(settings, { tracked: ['dateOfBirth'], rows }, asOf, undefined, {
        fetch: hanging,
        timeoutMs: 20,
        attempts: 1,
      }),
    ).rejects.toMatchObject({ failure: 'unreachable', message: expect.stringContaining('did not answer') });
  });
});
