/**
 * POST /api/evaluate: the rules over a tracker's canonical rows (dates, yes/no, numbers,
 * enums and row numbers only). Answers the result shape of RULES.md section 8, without
 * `mapping` (the service never sees the tracker's headers), plus the correlation id.
 */
import type { HttpHandler } from '@azure/functions';
import { type Day, fromIso, todayInLondon } from '../../shared/dates/calendar';
import { evaluate } from '../../shared/engine';
import { PolicyError } from '../../shared/policy';
import { unknownWindowRules } from '../../shared/rules';
import {
  type EvaluateResponse,
  shortenKey,
  toEvaluateInput,
  validateEvaluateRequest,
} from '../../shared/wire';
import { policyFor, type ServiceConfig } from '../lib/config';
import { readJsonBody } from '../lib/body';
import { ClientError, endpoint, jsonRowsResponse } from '../lib/http';
import { PROBLEMS_SHOWN, summarise } from '../lib/problems';

/** Checking stops after this many problems: enough to act on, and cheap to find. */
const MAX_PROBLEMS_COUNTED = 100;

export interface EvaluateDeps {
  /** the as-of date when the request gives none */
  readonly today: () => Day;
}

/** Refuse an oversized request before validating every row of it. */
function checkRowCount(json: unknown, maxRows: number): void {
  const rows = (json as { rows?: unknown } | null)?.rows;
  if (Array.isArray(rows) && rows.length > maxRows) {
    throw new ClientError(
      413,
      'too_many_rows',
      `Too many rows: ${rows.length.toLocaleString('en-GB')} in one request, and the service takes up to ${maxRows.toLocaleString('en-GB')}. Send them in batches.`,
    );
  }
}

export function makeEvaluateHandler(
  config: ServiceConfig,
  deps: EvaluateDeps = { today: () => todayInLondon() },
): HttpHandler {
  return endpoint('evaluate', ['POST'], async (request, context, correlationId) => {
    const started = performance.now();
    const { json, bytes } = await readJsonBody(request, config.maxBodyBytes);
    checkRowCount(json, config.maxRows);

    const parsed = validateEvaluateRequest(json, {
      maxRows: config.maxRows,
      maxIssues: MAX_PROBLEMS_COUNTED,
    });
    if (!parsed.success) {
      const { message, problems } = summarise(parsed.issues, json, parsed.complete);
      context.warn(
        `evaluate: ${parsed.complete ? '' : 'at least '}${parsed.issues.length} problem(s) in a request of ${bytes} bytes`,
      );
      throw new ClientError(400, 'invalid_request', message, problems, parsed.issues.length);
    }
    const body = parsed.data;

    // Read from the request as sent: a "__proto__" key does not survive into a parsed record.
    const unknownRules = unknownWindowRules((json as { policy?: unknown }).policy);
    if (unknownRules.length > 0) {
      const shown = unknownRules.slice(0, PROBLEMS_SHOWN).map(shortenKey);
      throw new ClientError(
        400,
        'invalid_policy',
        `The policy gives warning windows for rules that do not exist: ${shown
          .map((id) => JSON.stringify(id))
          .join(', ')}. GET /api/policy lists the rule ids.`,
        shown.map((id) => ({ path: `policy.windows.${id}`, message: 'not a rule id' })),
        unknownRules.length,
      );
    }
    let policy;
    try {
      policy = policyFor(config, body.policy);
    } catch (error) {
      if (error instanceof PolicyError) throw new ClientError(400, 'invalid_policy', error.message);
      throw error;
    }
    const asOf = body.asOf === undefined ? deps.today() : (fromIso(body.asOf) as Day);

    const validated = performance.now();
    const evaluation = evaluate(toEvaluateInput(body), { asOf, policy });
    const evaluated = performance.now();

    const { mapping: _mapping, ...withoutMapping } = evaluation;
    const result: EvaluateResponse = { ...withoutMapping, correlationId };
    context.log(
      `evaluate: ${body.rows.length} rows, ${body.tracked.length} tracked fields, ` +
        `${evaluation.inactiveRules.length} inactive rules, ${bytes} bytes; ` +
        `validation ${(validated - started).toFixed(1)} ms, rules ${(evaluated - validated).toFixed(1)} ms`,
    );
    return jsonRowsResponse(result, correlationId);
  });
}
