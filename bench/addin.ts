/**
 * The Office.js adapter on a 20,000-row tracker, against the recording double: round-trips
 * (`context.sync()` calls) and the largest request and response, per step, plus the time
 * the adapter's own code takes (median of several runs). `npm run bench:addin`
 */
import { performance } from 'node:perf_hooks';
import { refreshWorkbook } from '../addin/excel/testing/harness';
import { sampleWorkbook } from '../addin/excel/testing/sampleTracker';

const ROWS = Number(process.argv[2] ?? 20_000);
const RUNS = Number(process.argv[3] ?? 3);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function main(): Promise<void> {
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof refreshWorkbook>> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const model = sampleWorkbook(ROWS);
    const start = performance.now();
    last = await refreshWorkbook(model, { recordWrites: false, storeCells: false });
    times.push(performance.now() - start);
  }
  const run = last!;
  const total = run.apply.syncs.reduce((n, s) => n + s.requestBytes, 0);
  times.sort((a, b) => a - b);
  console.log(`Office.js adapter, ${ROWS} tracker rows (${run.plan.tracker.columns.length} flag columns)`);
  console.log(`  detect: ${run.detect.syncs.length} syncs`);
  console.log(`  read:   ${run.read.syncs.length} syncs, largest response ${mb(run.read.maxResponseBytes)}`);
  console.log(
    `  write:  ${run.apply.syncs.length} syncs (1 check + ${run.report.blocks} blocks), largest request ${mb(run.apply.maxRequestBytes)}, total ${mb(total)}`,
  );
  for (const sheet of run.plan.sheets)
    console.log(`          sheet '${sheet.name}': ${sheet.rows.length} rows`);
  console.log(
    `  refresh total: ${run.detect.syncs.length + run.read.syncs.length + run.apply.syncs.length} syncs`,
  );
  console.log(
    `  median time (pipeline + adapter, double included): ${Math.round(times[Math.floor(times.length / 2)])} ms over ${RUNS} runs`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
