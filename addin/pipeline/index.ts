/**
 * Everything the refresh needs beyond reading and writing, loaded after the pane's first
 * paint (the rules, their bank-holiday calendar, the plan builder and the service client
 * are most of the pane's code): `import('../pipeline')`.
 */
import type { RuleFieldName } from '../../shared/fields';
import { activeRules, RULE_BY_ID } from '../../shared/rules';

export { canonicalRows, evaluateHere, planFor, RULES_VERSION } from './refresh';
export { runRefresh, COMPUTED_BY_SERVICE, COMPUTED_HERE, type RefreshInput } from './runRefresh';

export interface RuleLine {
  readonly id: string;
  readonly label: string;
  readonly source: string;
}

/** Which rules the mapped columns support, and why the others are not tracked. */
export function rulesFor(tracked: readonly RuleFieldName[]): {
  active: RuleLine[];
  inactive: { id: string; label: string; reason: string }[];
} {
  const { active, inactive } = activeRules(tracked);
  return {
    active: active.map((rule) => ({ id: rule.id, label: rule.label, source: rule.source })),
    inactive: inactive.map((rule) => ({
      id: rule.id,
      label: RULE_BY_ID.get(rule.id)?.label ?? rule.id,
      reason: rule.reason,
    })),
  };
}

/** A rule's label as the sheets show it ("Looked-after review"). */
export function ruleLabel(id: string): string {
  return RULE_BY_ID.get(id)?.label ?? id;
}

export type Pipeline = typeof import('./index');
