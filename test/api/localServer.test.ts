/** The local development server: routing, function key, CORS, as the host would do them. */
import { loadConfig } from '../../functions/lib/config';
import { startLocalServer, type LocalServer } from '../../functions/localServer';
import { send } from './client';
import { evaluateRequest } from './wireRows';

const ORIGIN = 'https://addin.example.org';
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer({
    port: 0,
    functionKey: 'secret',
    config: loadConfig({ CASELOAD_ALLOWED_ORIGINS: ORIGIN }),
  });
});
afterAll(() => server.close());

describe('local server', () => {
  it('mounts the handlers under /api, with the key as header or ?code=', async () => {
    const body = JSON.stringify(evaluateRequest(5));
    const byHeader = await send(server.url, {
      path: '/api/evaluate',
      headers: { 'content-type': 'application/json', 'x-functions-key': 'secret' },
      body,
    });
    expect(byHeader.status).toBe(200);
    const byQuery = await send(server.url, {
      path: '/api/evaluate?code=secret',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(byQuery.status).toBe(200);
    expect((byQuery.json as { rows: unknown[] }).rows).toHaveLength(5);
  });

  it('needs no key for health and the OpenAPI document', async () => {
    expect((await send(server.url, { method: 'GET', path: '/api/health' })).status).toBe(200);
    expect((await send(server.url, { method: 'GET', path: '/api/openapi.json' })).status).toBe(200);
    expect((await send(server.url, { method: 'GET', path: '/api/policy' })).status).toBe(401);
  });

  it('answers HEAD on health with the headers only (liveness probes), and a 405 elsewhere', async () => {
    const head = await send(server.url, { method: 'HEAD', path: '/api/health' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers['x-correlation-id']).toEqual(expect.any(String));
    expect((await send(server.url, { method: 'HEAD', path: '/api/openapi.json' })).status).toBe(405);
  });

  it('answers a CORS preflight from the allowed origin', async () => {
    const response = await send(server.url, {
      method: 'OPTIONS',
      path: '/api/evaluate',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-functions-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(response.headers['access-control-allow-methods']).toBe('POST');
    expect(String(response.headers['access-control-allow-headers'])).toContain('x-functions-key');
  });

  it('adds CORS headers to responses for the allowed origin', async () => {
    const response = await send(server.url, {
      method: 'GET',
      path: '/api/health',
      headers: { origin: ORIGIN },
    });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(response.headers['access-control-expose-headers'])).toContain('X-Correlation-Id');
  });

  it('refuses other origins, preflight or not', async () => {
    for (const method of ['OPTIONS', 'GET']) {
      const response = await send(server.url, {
        method,
        path: '/api/health',
        headers: { origin: 'https://evil.example' },
      });
      expect(response.status).toBe(403);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect((response.json as { error: { code: string } }).error.code).toBe('forbidden_origin');
    }
  });

  it('says so for an unknown endpoint', async () => {
    const response = await send(server.url, { method: 'GET', path: '/api/nothing' });
    expect(response.status).toBe(404);
    expect((response.json as { error: { message: string } }).error.message).toContain('no such endpoint');
  });
});
