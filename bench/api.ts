/**
 * Load benchmark of the evaluate endpoint, through the local server (the same handlers as
 * the Functions host) started here as a child process. It measures what a council deploys:
 * the `npm run build:node` output (tsc, dist/), run by plain Node — not the TypeScript
 * sources through tsx, whose esbuild output routes every call between modules through an
 * export getter and runs the rules markedly slower.
 *
 *   npm run bench:api
 *
 * 0. Builds dist/ (`npm run build:node`), unless BENCH_BUILD=0.
 * 1. autocannon: 500-row evaluate requests over 10 connections for 20 seconds —
 *    requests/s, p50/p99 latency, errors. Targets: 0 errors, p99 ≤ 250 ms.
 * 2. One 5,000-row request (the default row limit), one at a time: the median latency of
 *    several runs.
 * 3. Where one 500-row request's time goes (JSON read, validation, rules, JSON reply),
 *    measured in this process on the same dist/ modules.
 * 4. The transport floor: the load of step 1 against a plain server that only reads and
 *    parses each request and sends a stored 500-row reply (./floorServer.ts). What it
 *    measures is HTTP on loopback, the bytes and autocannon on this machine: no service
 *    sending these replies can be faster, so it says how much of step 1 is the service.
 *
 * Options (environment): BENCH_DURATION (seconds, default 20), BENCH_CONNECTIONS (10),
 * BENCH_RUNS (runs of the 5,000-row request, 7), BENCH_WORKERS (worker processes behind the
 * port, as the host's FUNCTIONS_WORKER_PROCESS_COUNT; default 1, the host's own default),
 * BENCH_BUILD (0: use dist/ as it is), BENCH_FLOOR (0: skip step 4).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { evaluateRequest } from '../test/api/wireRows';
import { buildDist, DIST, fromDist, ROOT } from './dist';

const KEY = 'bench-key';
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Node worker processes behind the port (the host's FUNCTIONS_WORKER_PROCESS_COUNT) */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
/** whether to measure the transport floor (step 4) */
const FLOOR = process.env.BENCH_FLOOR !== '0';
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
  return startAndWait(
    [join(DIST, 'functions', 'localServer.js')],
    {
      PORT: String(port),
      CASELOAD_QUIET: '1',
      CASELOAD_FUNCTION_KEY: KEY,
      FUNCTIONS_WORKER_PROCESS_COUNT: String(WORKERS),
    },
    `http://127.0.0.1:${port}/api/health`,
    'the local server',
  );
}

/** The transport floor's server (./floorServer.ts), answering every request with `replyFile`. */
async function startFloorServer(port: number, replyFile: string): Promise<ChildProcess> {
  return startAndWait(
    ['--import', 'tsx', join(ROOT, 'bench', 'floorServer.ts')],
    { PORT: String(port), FLOOR_REPLY_FILE: replyFile },
    `http://127.0.0.1:${port}/`,
    'the transport floor server',
  );
}

/** Starts `node <args>` and waits until `readyUrl` answers 200. */
async function startAndWait(
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
  what: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(readyUrl);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error(`${what} did not start within 60 s`);
}

/** CPU time (user + system, ms) one process has used, from /proc (Linux). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime (fields 14-15 of stat; 12-13 after the command name), in clock ticks
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The process ids of a process's living children (the cluster's workers), from /proc. */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter((text) => text.trim() !== '')
        .map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * CPU time (ms) the server has used: its process and, with several workers, each worker
 * process. On a shared machine wall-clock latency depends on what else runs; CPU time per
 * request does not.
 */
function serverCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  let total = 0;
  for (const each of [pid, ...childPids(pid)]) {
    const ms = processCpuMs(each);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function timeOne(url: string, body: string): Promise<{ ms: number; status: number; reply: string }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-functions-key': KEY },
    body,
  });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, reply: text };
}

type Phases = Record<'json' | 'validation' | 'rules' | 'reply', number>;

/**
 * Where a request's time goes, measured in this process without HTTP, on the built dist/
 * modules and the same calls as the evaluate handler: reading the JSON, validating it (zod),
 * the rules (shared/engine.ts) and writing the JSON reply (as the handler does, a few rows at
 * a time). Medians.
 */
async function phases(body: string, runs: number): Promise<Phases> {
  const { validateEvaluateRequest, toEvaluateInput } =
    await fromDist<typeof import('../shared/wire')>('shared/wire');
  const { evaluate } = await fromDist<typeof import('../shared/engine')>('shared/engine');
  const { fromIso } = await fromDist<typeof import('../shared/dates/calendar')>('shared/dates/calendar');
  const { jsonRowsResponse } = await fromDist<typeof import('../functions/lib/http')>('functions/lib/http');
  const asOf = fromIso('2026-11-23') as number;
  const times = {
    json: [] as number[],
    validation: [] as number[],
    rules: [] as number[],
    reply: [] as number[],
  };
  // (the first runs warm up the JIT, and are not counted)
  for (let i = -5; i < runs; i += 1) {
    if (i === 0) for (const list of Object.values(times)) list.length = 0;
    let t = performance.now();
    const json: unknown = JSON.parse(body);
    times.json.push(performance.now() - t);
    t = performance.now();
    const request = validateEvaluateRequest(json);
    times.validation.push(performance.now() - t);
    if (!request.success) throw new Error('the 500-row request is not valid');
    t = performance.now();
    const result = evaluate(toEvaluateInput(request.data), { asOf });
    times.rules.push(performance.now() - t);
    t = performance.now();
    const reply = { ...result, correlationId: 'bench' };
    jsonRowsResponse(reply, 'bench');
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

/** autocannon: `body` POSTed over CONNECTIONS connections for DURATION seconds. */
function loadTest(url: string, body: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'content-type': 'application/json', 'x-functions-key': KEY },
    body,
  });
}

interface ServiceFigures {
  readonly load: autocannon.Result;
  readonly cpuPerRequest: number | null;
  readonly single: readonly number[];
  readonly singleBytes: number;
  /** the size of one 500-row reply */
  readonly replyBytes500: number;
}

/** Steps 1 and 2 against the local server; one 500-row reply is kept in `replyFile` for the floor. */
async function measureService(body500: string, body5000: string, replyFile: string): Promise<ServiceFigures> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/evaluate`;
  const server = await startServer(port);
  try {
    // Warm up (JIT, caches), and check the requests are valid.
    let reply500 = '';
    for (let i = 0; i < 5; i += 1) {
      const warm = await timeOne(url, body500);
      if (warm.status !== 200) throw new Error(`the 500-row request was refused with ${warm.status}`);
      reply500 = warm.reply;
    }
    writeFileSync(replyFile, reply500);

    const cpuBefore = serverCpuMs(server.pid);
    const load = await loadTest(url, body500);
    // (taken before the 5,000-row requests, which would otherwise be counted against the 500-row ones)
    const cpuAfter = serverCpuMs(server.pid);

    const single: number[] = [];
    let singleBytes = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const run = await timeOne(url, body5000);
      if (run.status !== 200) throw new Error(`the 5,000-row request was refused with ${run.status}`);
      single.push(run.ms);
      singleBytes = Buffer.byteLength(run.reply);
    }
    const cpuPerRequest =
      cpuBefore !== null && cpuAfter !== null && load.requests.total > 0
        ? Number(((cpuAfter - cpuBefore) / load.requests.total).toFixed(1))
        : null;
    return { load, cpuPerRequest, single, singleBytes, replyBytes500: Buffer.byteLength(reply500) };
  } finally {
    server.kill('SIGTERM');
  }
}

/** Step 4, the transport floor: the same load against ./floorServer.ts sending the stored reply. */
async function measureFloor(body500: string, replyFile: string): Promise<autocannon.Result> {
  const port = await freePort();
  const server = await startFloorServer(port, replyFile);
  try {
    return await loadTest(`http://127.0.0.1:${port}/api/evaluate`, body500);
  } finally {
    server.kill('SIGTERM');
  }
}

const latencyOf = (load: autocannon.Result) => ({
  p50: load.latency.p50,
  p90: load.latency.p90,
  p99: load.latency.p99,
  max: load.latency.max,
});

async function main(): Promise<void> {
  buildDist();
  const body500 = JSON.stringify(evaluateRequest(500, 1));
  const body5000 = JSON.stringify(evaluateRequest(5000, 2));
  const replyFile = join(tmpdir(), `caseload-flags-bench-reply-${process.pid}.json`);
  let service: ServiceFigures;
  let floor: autocannon.Result | null;
  try {
    service = await measureService(body500, body5000, replyFile);
    floor = FLOOR ? await measureFloor(body500, replyFile) : null;
  } finally {
    rmSync(replyFile, { force: true });
  }
  const { load, cpuPerRequest, single, singleBytes } = service;
  const split = await phases(body500, 15);
  // autocannon's `errors` already counts its `timeouts`
  const errors = load.errors + load.non2xx;
  const figures = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)), node: process.version },
    server: 'node dist/functions/localServer.js (npm run build:node)',
    workers: WORKERS,
    load500: {
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      requestBytes: body500.length,
      requests: load.requests.total,
      requestsPerSecond: load.requests.average,
      serverCpuMsPerRequest: cpuPerRequest,
      latencyMs: latencyOf(load),
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
    transportFloor500: floor && {
      server: 'bench/floorServer.ts: reads and parses each request, sends a stored 500-row reply',
      replyBytes: service.replyBytes500,
      requests: floor.requests.total,
      requestsPerSecond: floor.requests.average,
      latencyMs: latencyOf(floor),
      errors: floor.errors + floor.non2xx,
    },
  };

  const p99ok = load.latency.p99 <= 250;
  const out = process.stdout;
  const workers =
    WORKERS === 1
      ? '1 worker process (FUNCTIONS_WORKER_PROCESS_COUNT=1, the Functions host default)'
      : `${WORKERS} worker processes (FUNCTIONS_WORKER_PROCESS_COUNT=${WORKERS}; the Functions host default is 1)`;
  out.write(
    `\nEvaluate API benchmark: the local server on the tsc build (dist/), ${workers}\n` +
      `(${figures.machine.cpus} CPUs shared with autocannon, load average ${figures.machine.loadAverage1m}, Node ${process.version})\n\n`,
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
  if (floor) {
    out.write(
      `Transport floor: the same load against a server that only reads and parses each request and\n` +
        `sends a stored ${(service.replyBytes500 / 1024 / 1024).toFixed(1)} MB reply (bench/floorServer.ts; no validation, rules or serialisation)\n`,
    );
    out.write(`  requests/s      ${floor.requests.average.toFixed(1)}  (${floor.requests.total} requests)\n`);
    out.write(`  latency p50     ${floor.latency.p50} ms\n`);
    out.write(`  latency p99     ${floor.latency.p99} ms\n\n`);
  }

  const dir = join(ROOT, 'bench', 'output');
  mkdirSync(dir, { recursive: true });
  const file = `api-${WORKERS}w.json`;
  writeFileSync(join(dir, file), `${JSON.stringify(figures, null, 2)}\n`);
  out.write(`Figures written to bench/output/${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:api failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
