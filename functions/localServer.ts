/**
 * A local stand-in for the Functions host, for machines without Azure Functions Core Tools
 * (the pane in development, and the load benchmark). It has no logic of its own: it mounts
 * the same route table as `index.ts`, turns each Node request into the real `HttpRequest`
 * and `InvocationContext` of `@azure/functions`, and does only what the host would do
 * around a function: routing, the function key (when CASELOAD_FUNCTION_KEY is set), CORS
 * for the allowed origins, and the host's body size cap.
 *
 *   npm run serve:api            → http://127.0.0.1:7071/api/...
 */
import cluster from 'node:cluster';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  HttpRequest,
  HttpResponse,
  type HttpResponseInit,
  InvocationContext,
  type InvocationContextInit,
} from '@azure/functions';
import { RULES_VERSION } from '../shared/policy';
import type { ErrorCode } from '../shared/wire';
import { loadConfig, type ServiceConfig } from './lib/config';
import { REGISTERED_METHODS } from './lib/http';
import { routes, type Route } from './routes';

/** The Functions host refuses request bodies over 100 MB before a function runs. */
export const HOST_MAX_BODY_BYTES = 100 * 1024 * 1024;

export interface LocalServerOptions {
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  readonly config?: ServiceConfig;
  /** when set, `function`-level routes need it as `x-functions-key` or `?code=` */
  readonly functionKey?: string;
  /** where the handlers' log lines go (nothing by default) */
  readonly log?: (line: string) => void;
}

export interface LocalServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const CORS_ALLOW_HEADERS = 'Content-Type, x-functions-key, x-correlation-id';
const CORS_EXPOSE_HEADERS = 'X-Correlation-Id, X-Rules-Version';

/** Where the server's own refusals are logged: the status, code and correlation id, never the request. */
type RefusalLog = ((line: string) => void) | undefined;

function hostError(
  res: ServerResponse,
  log: RefusalLog,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
) {
  const correlationId = randomUUID();
  log?.(`[warning] refused before any function ran: ${status} ${code} (correlation id ${correlationId})`);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Correlation-Id': correlationId,
    'X-Rules-Version': RULES_VERSION,
    ...headers,
  });
  res.end(JSON.stringify({ error: { code, message }, rulesVersion: RULES_VERSION, correlationId }));
}

function keyMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * The body, or null when it passes the host's cap. Past the cap the rest is read and
 * dropped, so the client still gets its 413 rather than a reset connection.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS,
    Vary: 'Origin',
  };
}

/**
 * The handler's result as the library's HttpResponse (status and headers as it reads them),
 * and the reply's body when it can be written as it is: a text or a stream of pieces that
 * says its own content type, as every handler's JSON reply does. Taking such a body back
 * out of the Response's stream only copies it again (about 2 ms for a 500-row reply's 1.6 MB).
 */
function asResponse(result: HttpResponseInit | HttpResponse): {
  response: HttpResponse;
  body: string | Readable | null;
} {
  if (result instanceof HttpResponse) return { response: result, body: null };
  const { body } = result;
  if ((typeof body === 'string' || body instanceof Readable) && result.jsonBody === undefined) {
    const response = new HttpResponse({ ...result, body: undefined });
    if (response.headers.has('content-type')) return { response, body };
  }
  return { response: new HttpResponse(result), body: null };
}

async function writeResponse(
  res: ServerResponse,
  result: HttpResponseInit | HttpResponse,
  extra: Record<string, string>,
) {
  const { response, body } = asResponse(result);
  const headers: Record<string, string> = { ...extra };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body instanceof Readable) {
    // A reply made in pieces (the evaluate reply) is sent piece by piece, never copied whole.
    const pieces: Buffer[] = [];
    for await (const piece of body) pieces.push(Buffer.isBuffer(piece) ? piece : Buffer.from(piece));
    headers['content-length'] = String(pieces.reduce((total, piece) => total + piece.length, 0));
    res.writeHead(response.status, headers);
    for (const piece of pieces) res.write(piece);
    return void res.end();
  }
  const bytes = body !== null ? Buffer.from(body) : Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(bytes.length);
  res.writeHead(response.status, headers);
  res.end(bytes);
}

export function createLocalServer(options: LocalServerOptions = {}): Server {
  const config = options.config ?? loadConfig(process.env);
  const byPath = new Map<string, Route>(
    routes(config).map((route) => [`/api/${route.route}`.toLowerCase(), route]),
  );
  const allowed = new Set(config.allowedOrigins);
  const log = options.log;
  // With nowhere to write, a log line is not even put together.
  const logHandler: InvocationContextInit['logHandler'] = log
    ? (level, ...args) => log(`[${level}] ${args.map(String).join(' ')}`)
    : () => undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', base);
    } catch {
      return hostError(res, log, 400, 'invalid_request', 'The request address could not be read.');
    }
    const route = byPath.get(url.pathname.replace(/\/+$/, '').toLowerCase());
    if (!route)
      return hostError(res, log, 404, 'not_found', 'There is no such endpoint: see /api/openapi.json.');

    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : null;
    if (origin !== null && !allowed.has(origin)) {
      req.resume();
      return hostError(
        res,
        log,
        403,
        'forbidden_origin',
        'This origin is not allowed to call the service (CORS).',
      );
    }
    const cors = origin === null ? {} : corsHeaders(origin);
    if (method === 'OPTIONS') {
      req.resume();
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': route.methods.join(', '),
        'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
      });
      return void res.end();
    }
    if (!REGISTERED_METHODS.includes(method as (typeof REGISTERED_METHODS)[number])) {
      req.resume();
      return hostError(
        res,
        log,
        405,
        'method_not_allowed',
        `This endpoint answers ${route.methods.join(' and ')} only.`,
        {
          ...cors,
          Allow: route.methods.join(', '),
        },
      );
    }
    if (route.authLevel === 'function' && options.functionKey) {
      const given = req.headers['x-functions-key'];
      const key = typeof given === 'string' ? given : url.searchParams.get('code');
      if (!keyMatches(key, options.functionKey)) {
        req.resume();
        return hostError(
          res,
          log,
          401,
          'unauthorized',
          'A valid function key is needed (header x-functions-key).',
          cors,
        );
      }
    }

    // As the host does, a body declared larger than it accepts is refused before it is read.
    const declared = Number(req.headers['content-length'] ?? 0);
    const body =
      method === 'GET' || method === 'HEAD' || declared > HOST_MAX_BODY_BYTES
        ? null
        : await readBody(req, HOST_MAX_BODY_BYTES);
    if (body === null && method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Connection', 'close');
      return hostError(
        res,
        log,
        413,
        'body_too_large',
        'The request body is larger than the host accepts.',
        cors,
      );
    }
    const request = new HttpRequest({
      method,
      url: url.href,
      headers: flatHeaders(req),
      ...(body && body.length > 0 ? { body: { bytes: body } } : {}),
    });
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: route.name,
      logHandler,
    });
    await writeResponse(res, await route.handler(request, context), cors);
  }

  return createServer((req, res) => {
    handle(req, res).catch(() => {
      // As the host does when a function throws: a bare 500, nothing about the failure.
      if (!res.headersSent)
        hostError(res, log, 500, 'internal_error', 'Something went wrong in the local server.');
      else res.destroy();
    });
  });
}

export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const server = createLocalServer(options);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Worker processes, as the host runs them: FUNCTIONS_WORKER_PROCESS_COUNT (default 1) Node
 * processes share the port, each with its own copy of the handlers.
 */
function workerCount(env: NodeJS.ProcessEnv): number {
  const count = Number(env.FUNCTIONS_WORKER_PROCESS_COUNT ?? 1);
  return Number.isInteger(count) && count >= 1 && count <= 10 ? count : 1;
}

function serveFromCommandLine(): void {
  const quiet = process.env.CASELOAD_QUIET === '1';
  const workers = workerCount(process.env);
  if (workers > 1 && cluster.isPrimary) {
    for (let i = 0; i < workers; i += 1) cluster.fork();
    const stop = () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  startLocalServer({
    port: Number(process.env.PORT ?? 7071),
    functionKey: process.env.CASELOAD_FUNCTION_KEY || undefined,
    log: quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
  })
    .then((server) => {
      if (cluster.isPrimary || cluster.worker?.id === 1) {
        process.stdout.write(
          `caseload-flags API (local development server) on ${server.url}/api` +
            (workers > 1 ? ` (${workers} worker processes)` : '') +
            `\n  POST /api/evaluate, GET /api/policy, GET /api/health, GET /api/openapi.json\n`,
        );
      }
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `Could not start the local server: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    });
}

// `npm run serve:api`
if (require.main === module) serveFromCommandLine();
