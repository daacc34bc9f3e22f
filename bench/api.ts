/**
 * Load benchmark of the evaluate endpoint, through the local server (`npm run serve:api`,
 * which mounts the same handlers as the Functions host) started here as a child process.
 *
 *   npm run bench:api
 *
 * 1. autocannon: 500-row evaluate requests over 10 connections for 20 seconds —
 *    requests/s, p50/p99 latency, errors. Targets: 0 errors, p99 ≤ 250 ms.
 * 2. One 5,000-row request (the default row limit), one at a time: the median latency of
 *    several runs.
 *
 * Options (environment): BENCH_DURATION (seconds, default 20), BENCH_CONNECTIONS (10),
 * BENCH_RUNS (runs of the 5,000-row request, 7), BENCH_WORKERS (worker processes, as the host's
 * FUNCTIONS_WORKER_PROCESS_COUNT, 1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { fromIso } from '../shared/dates/calendar';
import { evaluate } from '../shared/engine';
import { makeEvaluateRequestSchema, toEvaluateInput } from '../shared/wire';
import { evaluateRequest } from '../test/api/wireRows';

const ROOT = join(__dirname, '..');
const KEY = 'bench-key';
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Node worker processes behind the port (the host's FUNCTIONS_WORKER_PROCESS_COUNT) */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  // One process (tsx as a loader, not a wrapper), so that stopping it stops the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/localServer.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      CASELOAD_QUIET: '1',
      CASELOAD_FUNCTION_KEY: KEY,
      FUNCTIONS_WORKER_PROCESS_COUNT: String(WORKERS),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the local server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error('the local server did not start within 60 s');
}

/**
 * CPU time (user + system, ms) a process has used, from /proc (Linux). On a shared machine
 * wall-clock latency depends on what else runs; CPU time per request does not.
 */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime (fields 14-17 of stat; 12-15 after the command name), in clock ticks
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function timeOne(url: string, body: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-functions-key': KEY },
    body,
  });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, bytes: text.length };
}

/**
 * Where a request's time goes, measured in this process without HTTP: reading the JSON,
 * validating it (zod), the rules (shared/engine.ts) and writing the JSON reply. Medians.
 */
function phases(body: string, runs: number): Record<'json' | 'validation' | 'rules' | 'reply', number> {
  const schema = makeEvaluateRequestSchema();
  const asOf = fromIso('2026-11-23') as number;
  const times = {
    json: [] as number[],
    validation: [] as number[],
    rules: [] as number[],
    reply: [] as number[],
  };
  for (let i = 0; i < runs; i += 1) {
    let t = performance.now();
    const json: unknown = JSON.parse(body);
    times.json.push(performance.now() - t);
    t = performance.now();
    const request = schema.parse(json);
    times.validation.push(performance.now() - t);
    t = performance.now();
    const result = evaluate(toEvaluateInput(request), { asOf });
    times.rules.push(performance.now() - t);
    t = performance.now();
    JSON.stringify(result);
    times.reply.push(performance.now() - t);
  }
  const round = (values: number[]) => Number(median(values).toFixed(1));
  return {
    json: round(times.json),
    validation: round(times.validation),
    rules: round(times.rules),
    reply: round(times.reply),
  };
}

async function main(): Promise<void> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/evaluate`;
  const body500 = JSON.stringify(evaluateRequest(500, 1));
  const body5000 = JSON.stringify(evaluateRequest(5000, 2));
  const server = await startServer(port);
  try {
    // Warm up (JIT, caches), and check the requests are valid.
    for (let i = 0; i < 5; i += 1) {
      const warm = await timeOne(url, body500);
      if (warm.status !== 200) throw new Error(`the 500-row request was refused with ${warm.status}`);
    }

    const cpuBefore = cpuMs(server.pid);
    const load = await autocannon({
      url,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { 'content-type': 'application/json', 'x-functions-key': KEY },
      body: body500,
    });

    const single: number[] = [];
    let singleBytes = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const run = await timeOne(url, body5000);
      if (run.status !== 200) throw new Error(`the 5,000-row request was refused with ${run.status}`);
      single.push(run.ms);
      singleBytes = run.bytes;
    }

    const cpuAfter = cpuMs(server.pid);
    const cpuPerRequest =
      // (one process only: a cluster primary's /proc counts its workers only once they exit)
      WORKERS === 1 && cpuBefore !== null && cpuAfter !== null && load.requests.total > 0
        ? Number(((cpuAfter - cpuBefore) / load.requests.total).toFixed(1))
        : null;
    const split = phases(body500, 15);
    // autocannon's `errors` already counts its `timeouts`
    const errors = load.errors + load.non2xx;
    const figures = {
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)), node: process.version },
      workers: WORKERS,
      load500: {
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        requestBytes: body500.length,
        requests: load.requests.total,
        requestsPerSecond: load.requests.average,
        serverCpuMsPerRequest: cpuPerRequest,
        latencyMs: {
          p50: load.latency.p50,
          p90: load.latency.p90,
          p99: load.latency.p99,
          max: load.latency.max,
        },
        errors: {
          total: errors,
          connectionOrTimeout: load.errors,
          ofWhichTimeouts: load.timeouts,
          non2xx: load.non2xx,
        },
      },
      serviceTimeMs500: split,
      single5000: {
        runs: RUNS,
        requestBytes: body5000.length,
        responseBytes: singleBytes,
        medianMs: Number(median(single).toFixed(1)),
        minMs: Number(Math.min(...single).toFixed(1)),
        maxMs: Number(Math.max(...single).toFixed(1)),
      },
    };

    const p99ok = load.latency.p99 <= 250;
    const out = process.stdout;
    out.write(
      `\nEvaluate API benchmark (local server, ${WORKERS} worker process${WORKERS === 1 ? '' : 'es'}; ` +
        `${figures.machine.cpus} CPUs, load average ${figures.machine.loadAverage1m}, Node ${process.version})\n\n`,
    );
    out.write(
      `500-row requests, ${CONNECTIONS} connections, ${DURATION} s (${(body500.length / 1024).toFixed(0)} KB each)\n`,
    );
    out.write(`  requests/s      ${load.requests.average.toFixed(1)}  (${load.requests.total} requests)\n`);
    out.write(`  latency p50     ${load.latency.p50} ms\n`);
    out.write(`  latency p99     ${load.latency.p99} ms   target ≤ 250 ms: ${p99ok ? 'met' : 'NOT met'}\n`);
    out.write(
      `  errors          ${errors} (${load.timeouts} timeouts of 10 s, ${load.non2xx} non-2xx)   ` +
        `target 0: ${errors === 0 ? 'met' : 'NOT met'}\n`,
    );
    if (cpuPerRequest !== null) {
      out.write(`  server CPU      ${cpuPerRequest} ms per request\n`);
    }
    out.write('\n');
    const total = split.json + split.validation + split.rules + split.reply;
    out.write(`Where one 500-row request's time goes (in process, median of 15): ${total.toFixed(1)} ms\n`);
    out.write(
      `  JSON read ${split.json} ms, validation ${split.validation} ms, rules ${split.rules} ms, JSON reply ${split.reply} ms\n`,
    );
    out.write(
      `  → one worker serves at most ~${(1000 / total).toFixed(0)} requests/s; with ${CONNECTIONS} connections queued, p50 ≈ ${(CONNECTIONS * total).toFixed(0)} ms\n\n`,
    );
    out.write(`One 5,000-row request (${(body5000.length / 1024 / 1024).toFixed(1)} MB), ${RUNS} runs\n`);
    out.write(
      `  median          ${figures.single5000.medianMs} ms  (min ${figures.single5000.minMs}, max ${figures.single5000.maxMs})\n\n`,
    );

    const dir = join(ROOT, 'bench', 'output');
    mkdirSync(dir, { recursive: true });
    const file = `api-${WORKERS}w.json`;
    writeFileSync(join(dir, file), `${JSON.stringify(figures, null, 2)}\n`);
    out.write(`Figures written to bench/output/${file}\n`);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:api failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
