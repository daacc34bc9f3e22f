/**
 * GET /api/health: liveness, for load balancers and the pane's "is the service there?" check.
 * HEAD is answered too, as probes often use it (the host sends the headers only).
 */
import type { HttpHandler } from '@azure/functions';
import { RULES_VERSION } from '../../shared/policy';
import type { HealthResponse } from '../../shared/wire';
import { endpoint, jsonResponse } from '../lib/http';

export function makeHealthHandler(): HttpHandler {
  return endpoint('health', ['GET', 'HEAD'], async (_request, _context, correlationId) => {
    const body: HealthResponse = { status: 'ok', rulesVersion: RULES_VERSION, correlationId };
    return jsonResponse(200, body, correlationId);
  });
}
