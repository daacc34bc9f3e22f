/**
 * The `refresh` command end to end, as a user runs it, on a realistic 20,000-row tracker:
 * the example tracker's own headers and young people (every rule tracked that the example
 * tracks), repeated with unique IDs. Each run is a fresh process (`node dist/cli/main.js`):
 * wall time and peak memory (the child's max RSS), median of several runs.
 *
 * Usage: `npm run bench:refreshCommand [-- <rows>]` (builds dist/ first). Targets (issue 3):
 * ≤ 6 s and ≤ 600 MB for 20,000 rows.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..');
const RUNS = 5;

async function makeTracker(path: string, rows: number): Promise<void> {
  const example = new ExcelJS.Workbook();
  await example.xlsx.readFile(join(REPO, 'examples', 'tracker.xlsx'));
  const source = example.getWorksheet('Tracker') as ExcelJS.Worksheet;
  const headerRow = 4;
  const header = (source.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1);
  const people: ExcelJS.CellValue[][] = [];
  for (let r = headerRow + 1; r <= source.actualRowCount; r += 1) {
    people.push((source.getRow(r).values as ExcelJS.CellValue[]).slice(1));
  }
  const out = new ExcelJS.Workbook();
  const sheet = out.addWorksheet('Tracker');
  sheet.addRow(['Children Looked After & Care Leavers Tracker (benchmark)']);
  sheet.addRow([]);
  sheet.addRow([]);
  sheet.addRow(header);
  for (let i = 0; i < rows; i += 1) {
    const values = [...people[i % people.length]];
    values[0] = `B${100000 + i}`; // a unique ID
    sheet.addRow(values);
  }
  for (let c = 1; c <= header.length; c += 1) {
    if (
      /date|dob|d\.o\.b|review|visit|iha|rha|check|pep|plan|referral|register|meeting|discussed|passport|left|contact/i.test(
        String(header[c - 1]),
      )
    ) {
      sheet.getColumn(c).numFmt = 'dd/mm/yyyy';
    }
  }
  await out.xlsx.writeFile(path);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 20_000);
  const tracker = join(tmpdir(), `caseload-flags-bench-tracker-${rows}.xlsx`);
  if (!existsSync(tracker)) {
    process.stdout.write(`making ${tracker} ...\n`);
    await makeTracker(tracker, rows);
  }
  execFileSync('npm', ['run', '-s', 'build:node'], { cwd: REPO, stdio: 'inherit' });
  const output = join(tmpdir(), `caseload-flags-bench-tracker-${rows}-flags.xlsx`);
  // The child reports its own peak memory as it exits.
  const runner = `
    const { run, processIo } = require(${JSON.stringify(join(REPO, 'dist', 'cli', 'main.js'))});
    run(process.argv.slice(1), processIo()).then((code) => {
      const usage = process.resourceUsage();
      process.stderr.write('maxRSS ' + usage.maxRSS + ' cpu ' + (usage.userCPUTime + usage.systemCPUTime) + '\\n');
      process.exitCode = code;
    });`;
  const times: number[] = [];
  const memory: number[] = [];
  // CPU time (user + system) of the child: the fairer figure on a machine others are using
  const cpu: number[] = [];
  let summary = '';
  for (let i = 0; i < RUNS; i += 1) {
    const started = process.hrtime.bigint();
    const child = spawnSync(
      process.execPath,
      ['-e', runner, 'refresh', tracker, '--out', output, '--as-of', '2026-11-23'],
      { encoding: 'utf8' },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.status !== 0) throw new Error(`refresh failed: ${child.stderr}`);
    times.push(seconds);
    memory.push(Number(/maxRSS (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024);
    cpu.push(Number(/cpu (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1e6);
    summary = child.stdout;
  }
  process.stdout.write(summary);
  process.stdout.write(
    `refresh command, ${rows} rows: median ${median(times).toFixed(2)} s wall, peak RSS median ${median(memory).toFixed(0)} MB ` +
      `(runs: ${times.map((t) => t.toFixed(2)).join(', ')} s; ${memory.map((m) => m.toFixed(0)).join(', ')} MB)\n` +
      `CPU time (user + system) median ${median(cpu).toFixed(2)} s (runs: ${cpu.map((c) => c.toFixed(2)).join(', ')} s); ` +
      `output ${(statSync(output).size / 1e6).toFixed(1)} MB (input ${(statSync(tracker).size / 1e6).toFixed(1)} MB)\n` +
      `targets: <= 6 s and <= 600 MB\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
