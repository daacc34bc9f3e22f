/** GET /api/policy and GET /api/health. */
import { windowFor } from '../../shared/assess';
import { DEFAULT_POLICY, RULES_VERSION, resolvePolicy } from '../../shared/policy';
import { RULES } from '../../shared/rules';
import { healthResponseSchema, policyResponseSchema } from '../../shared/wire';
import { makeHealthHandler } from '../../functions/handlers/health';
import { makePolicyHandler } from '../../functions/handlers/policy';
import { loadConfig } from '../../functions/lib/config';
import { invoke } from './invoke';

describe('GET /api/policy', () => {
  it('lists every rule with its label, source, inputs and window, and the policy in force', async () => {
    const response = await invoke(makePolicyHandler(loadConfig({})), { method: 'GET' });
    expect(response.status).toBe(200);
    const body = policyResponseSchema.parse(response.body);
    expect(body.rulesVersion).toBe(RULES_VERSION);
    expect(body.policy).toEqual(DEFAULT_POLICY);
    expect(body.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const visit = body.rules.find((rule) => rule.id === 'statutory-visit');
    expect(visit?.window).toEqual({ days: 7 });
    expect(visit?.inputs).toContain('lastVisitDate');
    for (const rule of body.rules) {
      expect(rule.label).not.toBe('');
      expect(rule.source).not.toBe('');
    }
    expect(body.correlationId).toBe(response.headers.get('x-correlation-id'));
  });

  it("shows the authority's configured policy", async () => {
    const config = loadConfig({
      CASELOAD_POLICY_JSON: '{"name":"Anyshire","windows":{"cla-review":{"days":10}}}',
    });
    const body = policyResponseSchema.parse(
      (await invoke(makePolicyHandler(config), { method: 'GET' })).body,
    );
    expect(body.policy.name).toBe('Anyshire');
    const policy = resolvePolicy({ name: 'Anyshire', windows: { 'cla-review': { days: 10 } } });
    expect(body.rules.find((rule) => rule.id === 'cla-review')?.window).toEqual({ days: 10 });
    for (const rule of RULES) {
      expect(body.rules.find((r) => r.id === rule.id)?.window).toEqual(windowFor(rule, policy));
    }
  });

  it('refuses POST', async () => {
    const response = await invoke(makePolicyHandler(loadConfig({})), { method: 'POST', body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('GET /api/health', () => {
  it('says the service is up, with the rules version', async () => {
    const response = await invoke(makeHealthHandler(), { method: 'GET' });
    expect(response.status).toBe(200);
    const body = healthResponseSchema.parse(response.body);
    expect(body).toEqual({ status: 'ok', rulesVersion: RULES_VERSION, correlationId: expect.any(String) });
  });
});
