/**
 * Benchmarks measure what is deployed: the `npm run build:node` output (tsc, dist/) run by
 * plain Node, not the TypeScript sources through tsx. tsx's esbuild output routes every
 * call between modules through an export getter, which makes the rules markedly slower
 * than the built Functions app (and than the add-in's bundle).
 *
 * BENCH_BUILD=0 measures dist/ as it is, without building first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(__dirname, '..');
export const DIST = join(ROOT, 'dist');

/** Runs `npm run build:node` (tsc -p tsconfig.build.json) unless BENCH_BUILD=0. */
export function buildDist(): void {
  if (process.env.BENCH_BUILD === '0') {
    if (!existsSync(join(DIST, 'shared', 'engine.js'))) {
      throw new Error('dist/ has no build: run npm run build:node, or leave BENCH_BUILD unset');
    }
    return;
  }
  const started = performance.now();
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (tsc.status !== 0) {
    throw new Error(
      'npm run build:node failed (see above): fix it, or set BENCH_BUILD=0 to measure dist/ as it is',
    );
  }
  process.stdout.write(
    `Built dist/ (npm run build:node) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

/** A module of the built app, typed as its source: `fromDist<typeof import('../shared/engine')>('shared/engine')`. */
export async function fromDist<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(DIST, `${path}.js`)).href)) as T;
}
