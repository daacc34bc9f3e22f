/**
 * The service client: `POST /api/evaluate` with only the canonical fields of each row
 * (dates, yes/no, numbers, enums, `{ unreadable: true }`): never names, IDs or free text.
 *
 * - every request has a timeout (AbortController);
 * - network errors and 5xx answers are retried with exponential backoff and jitter; 4xx
 *   answers are not (the request itself is wrong: retrying cannot help);
 * - a tracker larger than the service's row limit is sent in several requests, and the
 *   answers are joined in row order.
 */
import type { Day } from '../../shared/dates/calendar';
import { toIso } from '../../shared/dates/calendar';
import type { RuleFieldName } from '../../shared/fields';
import type { PolicyOverrides } from '../../shared/policy';
import type { Evaluation } from '../../shared/results';
import { toWireRow, type CanonicalRow } from '../../shared/tracker';
import { WIRE_LIMITS } from '../../shared/wire';

export interface ServiceSettings {
  /** e.g. https://caseload-flags.azurewebsites.net or http://localhost:7071 */
  readonly url: string;
  /** the function key (sent as `x-functions-key`) */
  readonly key?: string;
}

export interface ClientOptions {
  readonly timeoutMs?: number;
  /** attempts per request, the first included */
  readonly attempts?: number;
  readonly backoffMs?: number;
  readonly maxRows?: number;
  readonly fetch?: typeof fetch;
  /** waits between attempts (tests pass one that does not wait) */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onChunk?: (done: number, of: number) => void;
}

export type ServiceFailure =
  /** no answer: network down, DNS, CORS, timeout */
  | 'unreachable'
  /** the service refused the key */
  | 'refused-key'
  /** the service said the request was wrong */
  | 'rejected'
  /** the service failed (5xx) on every attempt */
  | 'failed';

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly failure: ServiceFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const DEFAULTS = { timeoutMs: 20_000, attempts: 3, backoffMs: 500 };

export function evaluateUrl(settings: ServiceSettings): string {
  return `${settings.url.replace(/\/+$/, '')}/api/evaluate`;
}

/** Split rows into requests of at most `size` rows. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length > 0 ? chunks : [[]];
}

/** The request body for these rows: only what the rules read. */
export function requestBody(
  tracked: readonly RuleFieldName[],
  rows: readonly CanonicalRow[],
  asOf: Day,
  policy?: PolicyOverrides,
) {
  return {
    asOf: toIso(asOf),
    ...(policy ? { policy } : {}),
    tracked: [...tracked],
    rows: rows.map((row) => toWireRow(row)),
  };
}

export async function evaluateRemote(
  settings: ServiceSettings,
  input: { readonly tracked: readonly RuleFieldName[]; readonly rows: readonly CanonicalRow[] },
  asOf: Day,
  policy: PolicyOverrides | undefined,
  options: ClientOptions = {},
): Promise<Evaluation> {
  const chunks = chunk(input.rows, options.maxRows ?? WIRE_LIMITS.defaultMaxRows);
  const answers: Evaluation[] = [];
  for (const [index, rows] of chunks.entries()) {
    answers.push(await postWithRetry(settings, requestBody(input.tracked, rows, asOf, policy), options));
    options.onChunk?.(index + 1, chunks.length);
  }
  return {
    asOf: answers[0].asOf,
    rulesVersion: answers[0].rulesVersion,
    inactiveRules: answers[0].inactiveRules,
    rows: answers.flatMap((a) => a.rows),
  };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function postWithRetry(
  settings: ServiceSettings,
  body: unknown,
  options: ClientOptions,
): Promise<Evaluation> {
  const attempts = options.attempts ?? DEFAULTS.attempts;
  const sleep = options.sleep ?? defaultSleep;
  let last: ServiceError | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await post(settings, body, options);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      last = error;
      const retryable = error.failure === 'unreachable' || error.failure === 'failed';
      if (!retryable || attempt === attempts) break;
      const base = (options.backoffMs ?? DEFAULTS.backoffMs) * 2 ** (attempt - 1);
      await sleep(base + Math.random() * base * 0.2);
    }
  }
  throw last ?? new ServiceError('unreachable', 'The service could not be reached.');
}

async function post(settings: ServiceSettings, body: unknown, options: ClientOptions): Promise<Evaluation> {
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await doFetch(evaluateUrl(settings), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(settings.key ? { 'x-functions-key': settings.key } : {}),
      },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (error) {
    const timedOut = controller.signal.aborted;
    throw new ServiceError(
      'unreachable',
      timedOut
        ? `The service did not answer within ${Math.round(timeoutMs / 1000)} seconds.`
        : `The service could not be reached (${error instanceof Error ? error.message : String(error)}).`,
    );
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text();
  if (response.status === 401 || response.status === 403) {
    throw new ServiceError(
      'refused-key',
      'The service refused the key. Check the service key in Settings (ask whoever runs the service for it).',
      response.status,
    );
  }
  if (response.status >= 500) {
    throw new ServiceError('failed', `The service failed (HTTP ${response.status}).`, response.status);
  }
  if (!response.ok) {
    throw new ServiceError(
      'rejected',
      `The service refused the request: ${errorMessage(text)}`,
      response.status,
    );
  }
  try {
    const parsed = JSON.parse(text) as Evaluation & { correlationId?: string };
    if (!Array.isArray(parsed.rows) || typeof parsed.asOf !== 'string') throw new Error('not a result');
    // the correlation id is the service's, not part of the result shape
    const { correlationId: _ignored, ...evaluation } = parsed;
    return evaluation;
  } catch {
    throw new ServiceError(
      'failed',
      'The service answered with something that is not a result.',
      response.status,
    );
  }
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 200) || 'no reason given';
}
