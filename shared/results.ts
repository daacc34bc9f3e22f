/**
 * The one result shape every front end produces (RULES.md section 8): CLI `--json`, the
 * Function's response and the pane's debug export, so results compare across them.
 */
import { z } from 'zod';
import { LEAVING_CARE_STATUSES } from './fields';
import { STATUSES } from './status';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const ruleResultSchema = z.strictObject({
  status: z.enum(STATUSES),
  due: isoDate.nullable(),
  explanation: z.string(),
});
export type RuleResult = z.infer<typeof ruleResultSchema>;

export const rowResultSchema = z.strictObject({
  row: z.number().int().min(1),
  overall: z.enum(STATUSES),
  nextAction: z.strictObject({ rule: z.string(), due: isoDate }).nullable(),
  leavingCareStatus: z.enum(LEAVING_CARE_STATUSES),
  results: z.record(z.string(), ruleResultSchema),
});
export type RowResult = z.infer<typeof rowResultSchema>;

export const inactiveRuleSchema = z.strictObject({ id: z.string(), reason: z.string() });
export type InactiveRule = z.infer<typeof inactiveRuleSchema>;

export const evaluationSchema = z.strictObject({
  asOf: isoDate,
  rulesVersion: z.string(),
  mapping: z.record(z.string(), z.string()).optional(),
  inactiveRules: z.array(inactiveRuleSchema),
  rows: z.array(rowResultSchema),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
