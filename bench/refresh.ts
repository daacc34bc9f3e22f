/**
 * Refreshing a large tracker file: the surgical .xlsx path (open the package, read the
 * layout, apply a write plan with every rule's columns and the tool's sheets, save) on a
 * generated 20,000-row × 50-column tracker, against ExcelJS alone reading and writing the
 * same file. Each run is a child process, so its peak memory (max RSS) is its own.
 * Prints the median of the runs. Targets for the surgical path: ≤ 6 s and ≤ 600 MB.
 *
 * Usage: `npm run bench:refresh [-- <rows> <runs>]` (defaults 20000 and 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { applyToPackage, applyWritePlan, readLayout, XlsxPackage } from '../cli/xlsx';
import { StyleBook } from '../cli/xlsx/styles';
import { toolSheetXml } from '../cli/xlsx/toolSheet';
import { toExcelSerial } from '../shared/dates/calendar';
import { buildWritePlan } from '../shared/writePlan/build';
import type { TrackerLayout } from '../shared/writePlan/types';
import { seededRandom } from '../test/support/seededRandom';
import { AS_OF, syntheticPlanInput } from './syntheticResults';

const COLUMNS = 50;

/** A tracker as teams keep them: names, IDs, workers, then dates, yes/no, numbers and notes. */
async function makeTracker(path: string, rows: number): Promise<void> {
  const random = seededRandom(11);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('Caseload');
  const headers = ['Name', 'Child ID', 'Social worker', 'Date of birth'];
  for (let c = headers.length; c < COLUMNS; c++)
    headers.push(c % 5 === 0 ? `Notes ${c}` : c % 3 === 0 ? `Done ${c}` : `Date ${c}`);
  ws.addRow(headers).commit();
  const base = toExcelSerial(AS_OF);
  for (let i = 0; i < rows; i++) {
    const values: (string | number | Date | null)[] = [
      `Young person ${i}`,
      `C${100000 + i}`,
      `Worker ${i % 60}`,
    ];
    for (let c = 3; c < COLUMNS; c++) {
      if (random() < 0.15) values.push(null);
      else if (c % 5 === 0) values.push(`Note ${Math.floor(random() * 500)}`);
      else if (c % 3 === 0) values.push(random() < 0.5 ? 'Yes' : 'No');
      else values.push(new Date(Date.UTC(1899, 11, 30 + base - Math.floor(random() * 2000))));
    }
    ws.addRow(values).commit();
  }
  ws.commit();
  await wb.commit();
}

function planFor(layout: TrackerLayout) {
  return buildWritePlan(syntheticPlanInput(layout));
}

interface ChildResult {
  readonly ms: number;
  /** CPU time of the run: the fairer figure on a busy machine */
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly detail: string;
}

/** One measured run, in this (child) process. */
async function child(mode: string, path: string, rows: number): Promise<ChildResult> {
  if (mode === 'surgical') {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const bytes = new Uint8Array(readFileSync(path));
    const pkg = XlsxPackage.open(bytes);
    const dataRows = Array.from({ length: rows }, (_v, i) => i + 2);
    const layout = readLayout(pkg, { sheetName: 'Caseload', headerRow: 1, dataRows });
    const laidOut = performance.now();
    const cpuLaidOut = process.cpuUsage(cpuStart);
    // the results and the plan stand in for the evaluation (not the adapter's work)
    const plan = planFor(layout);
    const planned = performance.now();
    const cpuPlanned = process.cpuUsage(cpuStart);
    const rssPlanned = process.memoryUsage().rss / 1_048_576;
    const out = applyWritePlan(pkg, plan);
    writeFileSync(`${path}.out.xlsx`, out);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (process.env.BENCH_PHASES) {
      // where the apply time goes (a second, separate apply on a fresh package)
      const again = XlsxPackage.open(bytes);
      const t0 = performance.now();
      const styles = new StyleBook(again, 'xl/styles.xml');
      for (const sheet of plan.sheets) toolSheetXml(sheet, styles);
      const t1 = performance.now();
      applyToPackage(again, { ...plan, sheets: [] });
      const t2 = performance.now();
      again.save();
      const t3 = performance.now();
      console.error(
        `tool sheets ${(t1 - t0).toFixed(0)} ms, tracker + names ${(t2 - t1).toFixed(0)} ms, save ${(t3 - t2).toFixed(0)} ms`,
      );
    }
    const cells = plan.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
    return {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      detail:
        `${plan.tracker.columns.length} tool columns x ${plan.tracker.rows.length} rows, ${plan.sheets.length} sheets (${cells.toLocaleString('en-GB')} cells); ` +
        `open + read layout ${(laidOut - start).toFixed(0)} ms (CPU ${cpuMs(cpuLaidOut).toFixed(0)}), ` +
        `make results + build plan ${(planned - laidOut).toFixed(0)} ms (CPU ${(cpuMs(cpuPlanned) - cpuMs(cpuLaidOut)).toFixed(0)}; RSS then ${rssPlanned.toFixed(0)} MB), ` +
        `apply + save ${(ms - (planned - start)).toFixed(0)} ms (CPU ${(cpuMs(cpu) - cpuMs(cpuPlanned)).toFixed(0)}); output ${(out.length / 1_048_576).toFixed(1)} MB`,
    };
  }
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  await wb.xlsx.writeFile(`${path}.exceljs.xlsx`);
  const cpu = process.cpuUsage(cpuStart);
  return {
    ms: performance.now() - start,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    detail: 'read + write, no tool columns',
  };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const result = await child(process.argv[3], process.argv[4], Number(process.argv[5]));
    process.stdout.write(JSON.stringify(result));
    return;
  }
  const rows = Number(process.argv[2] ?? 20_000);
  const runs = Number(process.argv[3] ?? 5);
  const path = join(tmpdir(), `caseload-flags-bench-${rows}x${COLUMNS}.xlsx`);
  if (!existsSync(path)) {
    console.log(`generating ${path} ...`);
    await makeTracker(path, rows);
  }
  console.log(
    `tracker: ${rows.toLocaleString('en-GB')} rows x ${COLUMNS} columns, ${(readFileSync(path).length / 1_048_576).toFixed(1)} MB`,
  );
  for (const mode of ['surgical', 'exceljs']) {
    const results: ChildResult[] = [];
    for (let run = 0; run < runs; run++) {
      const proc = spawnSync(
        process.execPath,
        [...process.execArgv, __filename, '--child', mode, path, String(rows)],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      if (proc.status !== 0) throw new Error(`${mode} run failed: ${proc.stderr}`);
      results.push(JSON.parse(proc.stdout) as ChildResult);
    }
    const label =
      mode === 'surgical'
        ? 'surgical refresh (read layout + build plan + apply + save)'
        : 'ExcelJS read + write (for comparison)';
    console.log(
      `${label}: median ${(median(results.map((r) => r.ms)) / 1000).toFixed(2)} s wall, ${(median(results.map((r) => r.cpuMs)) / 1000).toFixed(2)} s CPU, peak RSS median ${median(results.map((r) => r.maxRssMb)).toFixed(0)} MB (${runs} runs)`,
    );
    console.log(`  ${results[0].detail}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
