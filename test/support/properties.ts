/**
 * Property tests (fast-check) run from one fixed seed, so `npm test` and CI give the same
 * verdict on the same code every time. `npm run test:properties` runs them from fresh
 * random seeds, ten times as many runs (`runs`), to look for new counterexamples; a failure prints
 * its seed, and FC_SEED=<seed> replays it. A counterexample found that way belongs in the
 * test's `examples`, so the fixed run keeps checking it.
 */
import fc from 'fast-check';

const FIXED_SEED = 20261202;

function configuredSeed(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return FIXED_SEED;
  if (text === 'random') return undefined;
  const seed = Number(text);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not "${text}"`);
  return seed;
}

const seed = configuredSeed(process.env.FC_SEED);
const runsFactor = Number(process.env.FC_RUNS_FACTOR ?? '1');
if (!(runsFactor >= 1)) throw new Error('FC_RUNS_FACTOR must be a number of at least 1');

/** A property's number of runs: `count` in `npm test`, more in `npm run test:properties`. */
export function runs(count: number): number {
  return Math.round(count * runsFactor);
}

fc.configureGlobal({ ...(seed === undefined ? {} : { seed }), numRuns: runs(100) });
