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
import { buildWritePlan, type WritePlanInput } from '../shared/writePlan/build';
import { syntheticPlanInput } from './syntheticResults';

const WARM_UP = 2;
const RUNS = 7;

function generate(count: number): WritePlanInput {
  return syntheticPlanInput({
    sheetName: 'Caseload',
    headerRow: 1,
    dataRows: Array.from({ length: count }, (_, i) => i + 2),
    headers: ['Name', 'ID', 'Worker', 'DOB'],
    lastUsedColumn: 50,
    table: null,
    previousBlock: null,
    sheets: [{ name: 'Caseload', toolKey: null }],
  });
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
