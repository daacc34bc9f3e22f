/**
 * Generated results for the write-plan and refresh benchmarks: every rule of the catalogue
 * active, half the results "Not applicable" and the rest spread over the other statuses,
 * seeded so every run plans the same sheets.
 */
import { type Day, fromYmd, toIso } from '../shared/dates/calendar';
import type { RowFacts } from '../shared/facts';
import { LEAVING_CARE_STATUSES } from '../shared/fields';
import { DEFAULT_POLICY, RULES_VERSION } from '../shared/policy';
import type { RowResult, RuleResult } from '../shared/results';
import { RULES } from '../shared/rules';
import { STATUSES, worstStatus } from '../shared/status';
import type { LocalRow, WritePlanInput } from '../shared/writePlan/build';
import type { TrackerLayout } from '../shared/writePlan/types';
import { seededRandom } from '../test/support/seededRandom';

export const AS_OF: Day = fromYmd(2026, 11, 23);

/** The write plan's input for `layout.dataRows`, with generated results, names and facts. */
export function syntheticPlanInput(layout: TrackerLayout): WritePlanInput {
  const random = seededRandom(7);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const rules = RULES.map((rule) => ({ id: rule.id, label: rule.label }));
  const rows: RowResult[] = [];
  const local = new Map<number, LocalRow>();
  const facts = new Map<number, RowFacts>();
  const workers = Array.from({ length: 60 }, (_, i) => `Worker ${i + 1}`);
  for (const row of layout.dataRows) {
    const results: Record<string, RuleResult> = {};
    for (const rule of rules) {
      const status = random() < 0.5 ? 'Not applicable' : pick(STATUSES);
      const due =
        status === 'Not applicable' || status === 'Action needed' ? null : toIso(AS_OF + int(-200, 400));
      results[rule.id] = {
        status,
        due,
        explanation: `${rule.label}: worked out from the dates in row ${row}`,
      };
    }
    rows.push({
      row,
      overall: worstStatus(Object.values(results).map((r) => r.status)),
      nextAction: null,
      leavingCareStatus: pick(LEAVING_CARE_STATUSES),
      results,
    });
    local.set(row, { name: `Young person ${row}`, childId: `C${100000 + row}`, socialWorker: pick(workers) });
    facts.set(row, {
      dateOfBirth: AS_OF - int(0, 21 * 365),
      placementType: pick(['foster', 'residential', null]),
    });
  }
  return {
    layout,
    evaluation: { asOf: toIso(AS_OF), rulesVersion: RULES_VERSION, inactiveRules: [], rows },
    rules,
    local,
    facts,
    asOf: AS_OF,
    policy: DEFAULT_POLICY,
    rulesVersion: RULES_VERSION,
    computedBy: 'bench',
  };
}
