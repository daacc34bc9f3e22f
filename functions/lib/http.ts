/**
 * What every endpoint shares: JSON replies that carry the correlation id and the rules
 * version, client errors as 4xx with a plain message, and any unexpected failure as a 500
 * that says nothing about the internals. Logs hold counts, timings and ids, never a value
 * from the request.
 */
import { Readable } from 'node:stream';
import type {
  HttpHandler,
  HttpMethod,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';
import { RULES_VERSION } from '../../shared/policy';
import type { ErrorCode, ErrorResponse, Problem } from '../../shared/wire';
import { rowsJson } from './rowsJson';

/** Methods registered for every route, so a wrong one gets a 405 that says which to use, not a bare 404. */
export const REGISTERED_METHODS: HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** A problem with the request: the caller can fix it, so it is a 4xx with a message saying how. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly problems?: readonly Problem[],
    readonly problemCount?: number,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function jsonResponse(
  status: number,
  body: object,
  correlationId: string,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return { status, body: JSON.stringify(body), headers: replyHeaders(correlationId, headers) };
}

function replyHeaders(correlationId: string, headers: Record<string, string> = {}): Record<string, string> {
  return { ...BASE_HEADERS, 'X-Correlation-Id': correlationId, 'X-Rules-Version': RULES_VERSION, ...headers };
}

/** Rows written into one piece of a rows reply: about 60 KB of JSON for a fully tracked tracker. */
const ROWS_PER_PIECE = 20;

/**
 * A 200 reply that is one large list of rows in a JSON object (the evaluate reply): the
 * same bytes as `jsonResponse`, made a few rows at a time into pieces of about 60 KB, sent
 * one after another. JSON.stringify of a 500-row reply gives one 1.6 MB string built of
 * pieces, which every way of sending it first copies whole into fresh memory, and on these
 * machines the fresh memory costs more than the copy: in process, 4.7 ms against 13.5 ms
 * for stringify and encode; under `npm run bench:api`, about a sixth of the server's CPU.
 */
export function jsonRowsResponse(
  body: { readonly rows: readonly unknown[] },
  correlationId: string,
): HttpResponseInit {
  const outline = JSON.stringify({ ...body, rows: 0 });
  // (the only place "rows":0 can appear: a quote inside a JSON string is always escaped)
  const at = outline.indexOf('"rows":0');
  const pieces: Buffer[] = [Buffer.from(`${outline.slice(0, at)}"rows":[`)];
  const { rows } = body;
  for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
    pieces.push(rowsJson(rows, start, Math.min(start + ROWS_PER_PIECE, rows.length), start > 0));
  }
  pieces.push(Buffer.from(`]${outline.slice(at + '"rows":0'.length)}`));
  return { status: 200, body: Readable.from(pieces), headers: replyHeaders(correlationId) };
}

export function errorResponse(error: ClientError, correlationId: string): HttpResponseInit {
  const body: ErrorResponse = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.problems ? { problems: [...error.problems], problemCount: error.problemCount } : {}),
    },
    rulesVersion: RULES_VERSION,
    correlationId,
  };
  return jsonResponse(error.status, body, correlationId, error.headers);
}

/** The frames of a stack trace without its message line (which could quote a value). */
function stackFrames(error: unknown): string {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
}

export type EndpointRun = (
  request: HttpRequest,
  context: InvocationContext,
  correlationId: string,
) => Promise<HttpResponseInit>;

/**
 * Wraps an endpoint's logic: method check, client errors, unexpected errors, and one log
 * line per request with its status and timing.
 */
export function endpoint(name: string, allowed: readonly HttpMethod[], run: EndpointRun): HttpHandler {
  return async (request, context) => {
    const started = performance.now();
    const correlationId = context.invocationId;
    let response: HttpResponseInit;
    try {
      if (!allowed.includes(request.method.toUpperCase() as HttpMethod)) {
        throw new ClientError(
          405,
          'method_not_allowed',
          `${name} answers ${allowed.join(' and ')} only.`,
          undefined,
          undefined,
          { Allow: allowed.join(', ') },
        );
      }
      response = await run(request, context, correlationId);
    } catch (error) {
      if (error instanceof ClientError) {
        response = errorResponse(error, correlationId);
        context.warn(`${name}: refused with ${error.status} ${error.code} (correlation ${correlationId})`);
      } else {
        const kind = error instanceof Error ? error.name : typeof error;
        context.error(`${name}: unexpected ${kind} (correlation ${correlationId})\n${stackFrames(error)}`);
        response = errorResponse(
          new ClientError(
            500,
            'internal_error',
            `Something went wrong in the service. Nothing was changed; please try again, and quote ${correlationId} if it keeps happening.`,
          ),
          correlationId,
        );
      }
    }
    const ms = (performance.now() - started).toFixed(1);
    context.log(`${name}: ${response.status} in ${ms} ms (correlation ${correlationId})`);
    return response;
  };
}
