/** App settings: defaults, and a clear message naming a bad setting. */
import { DEFAULT_POLICY } from '../../shared/policy';
import { ConfigError, DEFAULT_MAX_BODY_BYTES, loadConfig, policyFor } from '../../functions/lib/config';

describe('loadConfig', () => {
  it('has defaults', () => {
    const config = loadConfig({});
    expect(config.maxRows).toBe(5000);
    expect(config.maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(config.allowedOrigins).toEqual(['https://localhost:3000']);
    expect(config.policy).toEqual(DEFAULT_POLICY);
  });

  it('reads the settings', () => {
    const config = loadConfig({
      CASELOAD_MAX_ROWS: '200',
      CASELOAD_MAX_BODY_BYTES: '1048576',
      CASELOAD_ALLOWED_ORIGINS: 'https://addin.example.org, https://localhost:3000/',
    });
    expect(config.maxRows).toBe(200);
    expect(config.maxBodyBytes).toBe(1048576);
    expect(config.allowedOrigins).toEqual(['https://addin.example.org', 'https://localhost:3000']);
  });

  it.each([
    [{ CASELOAD_MAX_ROWS: 'lots' }, 'CASELOAD_MAX_ROWS must be a whole number above 0'],
    [{ CASELOAD_MAX_ROWS: '0' }, 'CASELOAD_MAX_ROWS must be a whole number above 0'],
    [{ CASELOAD_MAX_BODY_BYTES: '1.5' }, 'CASELOAD_MAX_BODY_BYTES must be a whole number above 0'],
    [{ CASELOAD_ALLOWED_ORIGINS: 'not a url' }, 'not an origin: not a url'],
    [{ CASELOAD_ALLOWED_ORIGINS: 'https://a.example/path' }, 'must list origins like'],
    [{ CASELOAD_POLICY_JSON: '{' }, 'CASELOAD_POLICY_JSON is not valid JSON'],
    [
      { CASELOAD_POLICY_JSON: '{"dentalCheckMonths":0}' },
      'CASELOAD_POLICY_JSON: The policy is not valid: dentalCheckMonths',
    ],
  ])('names a bad setting: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('policyFor', () => {
  it("puts a request's overrides over the service's, merging windows by rule", () => {
    const config = loadConfig({ CASELOAD_POLICY_JSON: '{"windows":{"pep":{"days":14}},"paContactDays":30}' });
    const policy = policyFor(config, { windows: { 'cla-review': { days: 60 } }, dentalCheckMonths: 6 });
    expect(policy.windows).toEqual({
      ...DEFAULT_POLICY.windows,
      pep: { days: 14 },
      'cla-review': { days: 60 },
    });
    expect(policy.paContactDays).toBe(30);
    expect(policy.dentalCheckMonths).toBe(6);
    expect(policyFor(config, undefined)).toBe(config.policy);
  });
});
