/**
 * The service's settings, from app settings (environment variables). Documented in
 * `local.settings.example.json` and `functions/README.md`. A bad setting stops the app at
 * start-up with a message naming it, rather than surfacing as odd behaviour later.
 */
import { WIRE_LIMITS } from '../../shared/wire';
import {
  PolicyError,
  policyOverridesSchema,
  resolvePolicy,
  type Policy,
  type PolicyOverrides,
} from '../../shared/policy';

export interface ServiceConfig {
  /** most rows in one evaluate request */
  readonly maxRows: number;
  /** largest request body, in bytes */
  readonly maxBodyBytes: number;
  /** origins the add-in is served from (CORS); the local server applies them, Azure's platform CORS in production */
  readonly allowedOrigins: readonly string[];
  /** the authority's policy overrides (a policy file's contents), applied under each request's own */
  readonly policyOverrides: PolicyOverrides;
  /** the policy in force for requests that send none */
  readonly policy: Policy;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
export const DEFAULT_ALLOWED_ORIGINS = ['https://localhost:3000'];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function positiveInteger(env: Env, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError(`The app setting ${name} must be a whole number above 0.`);
  }
  return value;
}

function origins(env: Env): string[] {
  const text = env.CASELOAD_ALLOWED_ORIGINS?.trim();
  if (!text) return [...DEFAULT_ALLOWED_ORIGINS];
  return text.split(',').map((origin) => {
    const trimmed = origin.trim().replace(/\/+$/, '');
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new ConfigError(
        `The app setting CASELOAD_ALLOWED_ORIGINS has an entry that is not an origin: ${trimmed}`,
      );
    }
    if (parsed.origin !== trimmed) {
      throw new ConfigError(
        `The app setting CASELOAD_ALLOWED_ORIGINS must list origins like https://addin.example.org (no path): ${trimmed}`,
      );
    }
    return trimmed;
  });
}

function policyOverrides(env: Env): PolicyOverrides {
  const text = env.CASELOAD_POLICY_JSON?.trim();
  if (!text) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError('The app setting CASELOAD_POLICY_JSON is not valid JSON.');
  }
  try {
    resolvePolicy(json);
  } catch (error) {
    if (error instanceof PolicyError)
      throw new ConfigError(`The app setting CASELOAD_POLICY_JSON: ${error.message}`);
    throw error;
  }
  return policyOverridesSchema.parse(json);
}

export function loadConfig(env: Env = process.env): ServiceConfig {
  const maxRows = positiveInteger(env, 'CASELOAD_MAX_ROWS', WIRE_LIMITS.defaultMaxRows);
  const overrides = policyOverrides(env);
  return {
    maxRows,
    maxBodyBytes: positiveInteger(env, 'CASELOAD_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    allowedOrigins: origins(env),
    policyOverrides: overrides,
    policy: resolvePolicy(overrides),
  };
}

/** A request's policy overrides on top of the service's own (windows merge by rule id). */
export function policyFor(config: ServiceConfig, request: PolicyOverrides | undefined): Policy {
  if (!request) return config.policy;
  return resolvePolicy({
    ...config.policyOverrides,
    ...request,
    windows: { ...config.policyOverrides.windows, ...request.windows },
  });
}
