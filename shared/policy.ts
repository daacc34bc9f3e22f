/**
 * The policy: every value RULES.md calls "policy", with its defaults. A local authority
 * changes these in a JSON policy file (validated here) without touching code.
 */
import { z } from 'zod';

/** The version of the rule catalogue and default policy; every result records it. */
export const RULES_VERSION = '2026.11.0';

/** A whole number in a range, with one message for any value outside it. */
function wholeNumber(min: number, max: number) {
  const error = `expected a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const windowSchema = z.union(
  [z.strictObject({ days: wholeNumber(0, 366) }), z.strictObject({ months: wholeNumber(0, 24) })],
  { error: 'expected a warning window, { "days": 0 to 366 } or { "months": 0 to 24 }' },
);
export type Window = z.infer<typeof windowSchema>;

const termSchema = z.strictObject({
  name: z.string().min(1).max(40, { error: 'expected a term name of up to 40 characters' }),
  month: wholeNumber(1, 12),
  day: wholeNumber(1, 28),
});

const ageSchema = z.strictObject({
  years: wholeNumber(0, 25),
  months: wholeNumber(0, 11),
});

export const policySchema = z.strictObject({
  /** a label for this authority's policy, shown beside the rules version */
  name: z.string().max(120),
  /** how a 29 February birthday falls in a common year (RULES.md section 1) */
  leapDayBirthdays: z.enum(['feb28', 'mar1']),
  /** how long before a due date an item turns "Due soon", unless the rule has its own */
  defaultWindow: windowSchema,
  /** per-rule warning windows, by rule id */
  windows: z.record(z.string(), windowSchema),
  /** pathway plan due age (WSCC "prior to their 16th birthday"; statutory latest 16y3m) */
  pathwayPlanDueAge: ageSchema,
  /** review after entering or leaving secure accommodation: within N working days (NICE rec 14) */
  secureReviewWorkingDays: wholeNumber(0, 60),
  /** months between dental checks (some authorities use 6) */
  dentalCheckMonths: wholeNumber(1, 24),
  /** SDQ score at or above which a CAMHS referral / SCAYT+ consultation is expected */
  sdqFollowUpThreshold: wholeNumber(0, 40),
  /** days after the SDQ by which the referral is expected */
  sdqFollowUpDays: wholeNumber(0, 366),
  /** days between personal adviser contacts */
  paContactDays: wholeNumber(1, 366),
  /** school terms, by first day; each runs to the day before the next starts */
  terms: z
    .array(termSchema, { error: 'expected a list of school terms' })
    .min(1, { error: 'expected at least one school term' })
    .max(6, { error: 'expected at most 6 school terms' }),
  /** the review pack lists reviews due within this many days of the as-of date */
  reviewPackDays: wholeNumber(1, 366),
});

export type Policy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: Policy = {
  name: 'Default policy (RULES.md)',
  leapDayBirthdays: 'feb28',
  defaultWindow: { days: 28 },
  windows: {
    'statutory-visit': { days: 7 },
    'pathway-plan': { months: 3 },
  },
  pathwayPlanDueAge: { years: 16, months: 0 },
  secureReviewWorkingDays: 5,
  dentalCheckMonths: 12,
  sdqFollowUpThreshold: 14,
  sdqFollowUpDays: 28,
  paContactDays: 56,
  terms: [
    { name: 'spring', month: 1, day: 1 },
    { name: 'summer', month: 4, day: 1 },
    { name: 'autumn', month: 9, day: 1 },
  ],
  reviewPackDays: 42,
};

/** A policy file: any subset of the policy; what it leaves out keeps its default. */
export const policyOverridesSchema = policySchema.partial();
export type PolicyOverrides = z.infer<typeof policyOverridesSchema>;

/**
 * Merge a policy file over the defaults. Throws a `PolicyError` whose message names each
 * problem by its path, for a user to fix in their file.
 */
export function resolvePolicy(overrides: unknown = {}): Policy {
  const parsed = policyOverridesSchema.safeParse(overrides ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new PolicyError(`The policy is not valid: ${problems.join('; ')}.`);
  }
  const merged = { ...DEFAULT_POLICY, ...parsed.data };
  merged.windows = { ...DEFAULT_POLICY.windows, ...(parsed.data.windows ?? {}) };
  return merged;
}

export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}
