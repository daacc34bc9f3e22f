/**
 * From results to a write plan: the step between evaluating and writing that every front
 * end shares (the CLI's `refresh` and the add-in's Refresh), so both write the same sheets.
 */
import type { Day } from './dates/calendar';
import type { CanonicalRow } from './engine';
import { factsByRow } from './facts';
import type { Policy } from './policy';
import type { Evaluation } from './results';
import { RULES } from './rules';
import { buildWritePlan, type LocalRow } from './writePlan/build';
import type { TrackerLayout, WritePlan } from './writePlan/types';

export interface PlanRequest {
  readonly layout: TrackerLayout;
  /** the tracker's canonical rows (for the summary facts: age, NC year, funded-until) */
  readonly rows: readonly CanonicalRow[];
  /** names, IDs, workers and personal advisers, by worksheet row: never sent anywhere */
  readonly local: ReadonlyMap<number, LocalRow>;
  readonly evaluation: Evaluation;
  readonly asOf: Day;
  readonly policy: Policy;
  /** where the results were computed, shown on the summary sheet */
  readonly computedBy: string;
}

/** The write plan for these results; the active rules are those the results do not list as inactive. */
export function planForResults(request: PlanRequest): WritePlan {
  const inactive = new Set(request.evaluation.inactiveRules.map((rule) => rule.id));
  const rules = RULES.filter((rule) => !inactive.has(rule.id)).map(({ id, label }) => ({ id, label }));
  return buildWritePlan({
    layout: request.layout,
    evaluation: request.evaluation,
    rules,
    local: request.local,
    facts: factsByRow(request.rows),
    asOf: request.asOf,
    policy: request.policy,
    rulesVersion: request.evaluation.rulesVersion,
    computedBy: request.computedBy,
  });
}
