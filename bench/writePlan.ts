/**
 * Write-plan building: `buildWritePlan` for a 20,000-row tracker with every rule of the
 * catalogue active (status columns, details, pathway summary, review pack), from
 * generated results. Excludes evaluation and any workbook I/O.
 *
 * Prints the median of 7 timed runs after 2 warm-ups, plus the size of the plan, and a
 * machine baseline (allocating 1,000,000 small objects) so figures taken on a busy
 * machine can be read against it.
 * Usage: `npm run bench:writePlan [-- <rows>]`.
 */
import { performance } from 'node:perf_hooks';
import { fromYmd, toIso, type Day } from '../shared/dates/calendar';
import { LEAVING_CARE_STATUSES } from '../shared/fields';
import type { RowFacts } from '../shared/facts';
import { DEFAULT_POLICY, RULES_VERSION } from '../shared/policy';
import type { RowResult, RuleResult } from '../shared/results';
import { RULES } from '../shared/rules';
import { STATUSES, worstStatus } from '../shared/status';
import { buildWritePlan, type LocalRow, type WritePlanInput } from '../shared/writePlan/build';
import { seededRandom as mulberry32 } from '../test/support/seededRandom';

const AS_OF: Day = fromYmd(2026, 11, 23);
const WARM_UP = 2;
const RUNS = 7;

function generate(count: number): WritePlanInput {
  const random = mulberry32(7);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const rules = RULES.map((rule) => ({ id: rule.id, label: rule.label }));
  const rows: RowResult[] = [];
  const local = new Map<number, LocalRow>();
  const facts = new Map<number, RowFacts>();
  const workers = Array.from({ length: 60 }, (_, i) => `Worker ${i + 1}`);
  for (let i = 0; i < count; i += 1) {
    const row = i + 2;
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
    local.set(row, { name: `Young person ${i}`, childId: `C${100000 + i}`, socialWorker: pick(workers) });
    facts.set(row, {
      dateOfBirth: AS_OF - int(0, 21 * 365),
      placementType: pick(['foster', 'residential', null]),
    });
  }
  return {
    layout: {
      sheetName: 'Caseload',
      headerRow: 1,
      dataRows: rows.map((r) => r.row),
      headers: ['Name', 'ID', 'Worker', 'DOB'],
      lastUsedColumn: 50,
      table: null,
      previousBlock: null,
      sheets: [{ name: 'Caseload', toolKey: null }],
    },
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const count = Number(process.argv[2] ?? 20_000);
const input = generate(count);
const times: number[] = [];
let plan = buildWritePlan(input);
for (let run = 0; run < WARM_UP + RUNS; run += 1) {
  const start = performance.now();
  plan = buildWritePlan(input);
  if (run >= WARM_UP) times.push(performance.now() - start);
}
const ms = median(times);
const baseline = median(
  Array.from({ length: 5 }, () => {
    const start = performance.now();
    const cells: { kind: string; text: string }[] = [];
    for (let i = 0; i < 1_000_000; i += 1) cells.push({ kind: 'text', text: 'x' });
    return performance.now() - start + cells.length * 0;
  }),
);
console.log(
  `buildWritePlan, ${count} rows, ${input.rules.length} rules: median ${ms.toFixed(0)} ms (${RUNS} runs)`,
);
console.log(`  ${Math.round((count / ms) * 1000).toLocaleString('en-GB')} rows/s`);
for (const sheet of plan.sheets)
  console.log(`  ${sheet.name}: ${sheet.rows.length.toLocaleString('en-GB')} rows`);
console.log(`  tracker: ${plan.tracker.columns.length} columns x ${plan.tracker.rows.length} rows`);
console.log(`  machine baseline: 1,000,000 small objects in ${baseline.toFixed(0)} ms`);
console.log(`  plan as JSON: ${(JSON.stringify(plan).length / 1_048_576).toFixed(1)} MB`);
