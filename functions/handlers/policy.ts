/**
 * GET /api/policy: the rule catalogue (id, label, source, the fields each rule reads and
 * its warning window) and the policy in force, with the rules version.
 */
import type { HttpHandler } from '@azure/functions';
import { windowFor } from '../../shared/assess';
import { RULES_VERSION } from '../../shared/policy';
import { RULES } from '../../shared/rules';
import type { PolicyResponse } from '../../shared/wire';
import type { ServiceConfig } from '../lib/config';
import { endpoint, jsonResponse } from '../lib/http';

export function makePolicyHandler(config: ServiceConfig): HttpHandler {
  const catalogue: Omit<PolicyResponse, 'correlationId'> = {
    rulesVersion: RULES_VERSION,
    policy: config.policy,
    rules: RULES.map((rule) => ({
      id: rule.id,
      label: rule.label,
      source: rule.source,
      inputs: [...rule.reads],
      window: windowFor(rule, config.policy),
    })),
  };
  return endpoint('policy', ['GET'], async (_request, context, correlationId) => {
    context.log(`policy: ${catalogue.rules.length} rules`);
    const body: PolicyResponse = { ...catalogue, correlationId };
    return jsonResponse(200, body, correlationId);
  });
}
