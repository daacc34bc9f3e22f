/**
 * Engine throughput: `evaluate` on 20,000 generated rows with every rule column tracked,
 * excluding any file reading. Three inputs with the same dates: JavaScript Dates (what
 * ExcelJS and Office.js hand over), Excel serial numbers, and UK text dates ("03/04/2025",
 * what a CSV or a text-typed column holds).
 *
 * Prints rows/s as the median of 7 timed runs after 2 warm-up runs, and the time of the
 * first warm-up run: for the first input form that is a fresh process, where what the engine
 * keeps from one evaluation to the next (sentences, date texts, due-date endings, and each
 * rule's results for the as-of date) is all still to be made, as for a one-off CLI run.
 * Because results are kept for the next evaluation on the same as-of date, the JS Date cells
 * are also measured on a different 20,000 rows each run (same generator, another seed): the
 * figure a service sees from one tracker to the next, rather than from refreshing one. Those
 * rows are made just before each run, so, like a request's rows, they are new to the garbage
 * collector, which moves them while the engine runs (the other lines' rows have long settled).
 * Usage: `npm run bench:engine [-- <rows>]`. Target: ≥ 100,000 rows/s for date-typed input.
 *
 * It measures the built engine (dist/, see ./dist.ts); BENCH_FROM=source measures the
 * TypeScript sources through tsx instead, for comparison.
 *
 * Last, the output floor: the time to build the date-typed evaluation's output again with no
 * rule logic at all: the row objects, their results records and next actions, holding the
 * results the evaluation gave (which the engine keeps from one evaluation to the next).
 * Any engine giving the same results in the same shape spends at least this long.
 */
import { performance } from 'node:perf_hooks';
import { type Day, edate, fromYmd, toExcelSerial, toJsDate, toYmd } from '../shared/dates/calendar';
import { type CanonicalRow, evaluate as evaluateFromSource, type RawCell } from '../shared/engine';
import type { Evaluation, RowResult, RuleResult } from '../shared/results';
import { FIELD_BY_NAME, RULE_FIELD_NAMES, type RuleFieldName } from '../shared/fields';
import { seededRandom as mulberry32 } from '../test/support/seededRandom';
import { buildDist, fromDist } from './dist';

type Evaluate = typeof evaluateFromSource;

const AS_OF: Day = fromYmd(2026, 11, 23);
const WARM_UP = 2;
const RUNS = 7;

/** A row's values with dates as day numbers; converted to each input form below. */
type BaseRow = Partial<Record<RuleFieldName, Day | string | number | null>>;

function generate(count: number, seed = 42): BaseRow[] {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const rows: BaseRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const age = int(0, 20);
    const dob = edate(AS_OF, -12 * age) - int(1, 364);
    const birthday = (years: number, months = 0) => edate(dob, 12 * years + months);
    const leaver = AS_OF >= birthday(18);
    const careStart = leaver ? birthday(13) + int(0, 1400) : Math.max(dob + 5, AS_OF - int(10, 2500));
    const end = leaver ? birthday(18) : AS_OF;
    const recent = (maxDays: number) => Math.max(careStart, end - int(1, maxDays));
    const maybe = <T>(p: number, v: T): T | null => (random() < p ? v : null);
    rows.push({
      dateOfBirth: dob,
      careStartDate: careStart,
      careEndDate: leaver ? birthday(18) : null,
      placementType: pick([
        'Foster',
        'U4',
        'Children’s home',
        'Supported accommodation',
        'Placed with parents',
      ]),
      placementStartDate: careStart,
      placementUntil18: pick(['Y', 'N', '']),
      firstReviewDate: maybe(0.5, careStart + int(10, 28)),
      reviewsHeld: maybe(0.4, int(0, 12)),
      lastReviewDate: maybe(0.9, recent(220)),
      lastVisitDate: maybe(0.95, recent(60)),
      initialHealthAssessmentDate: maybe(0.8, careStart + int(5, 40)),
      lastHealthAssessmentDate: maybe(0.8, recent(400)),
      lastDentalCheckDate: maybe(0.8, recent(420)),
      immunisationsUpToDate: pick(['Y', 'N', 'Yes', '']),
      gpRegistered: pick(['Y', 'Y', 'N']),
      dentistRegistered: pick(['Y', 'N', '']),
      lastSdqDate: maybe(0.7, recent(400)),
      sdqScore: maybe(0.7, int(0, 30)),
      camhsReferralDate: maybe(0.2, recent(300)),
      lastPepDate: maybe(0.8, recent(150)),
      ncYearOverride: maybe(0.02, int(0, 13)),
      pathwayPlanDate: age >= 16 ? maybe(0.8, Math.min(AS_OF, birthday(15, 11))) : null,
      lastPathwayReviewDate: age >= 16 ? maybe(0.7, AS_OF - int(5, 200)) : null,
      paReferralDate: age >= 15 ? maybe(0.8, Math.min(AS_OF, birthday(15, 9))) : null,
      personalAdviser: age >= 16 ? pick(['Jo M.', '', 'Sam R.']) : null,
      additionalNeeds: pick(['Y', 'N', 'N', 'N']),
      adultTransitionsReferralDate: maybe(0.1, recent(300)),
      housingRegisterDate: age >= 16 ? maybe(0.5, Math.min(AS_OF, birthday(16))) : null,
      housingOptionsMeetingDate: age >= 17 ? maybe(0.5, Math.min(AS_OF, birthday(17, 6))) : null,
      stayingPutDiscussedDate: age >= 16 ? maybe(0.4, Math.min(AS_OF, birthday(16))) : null,
      niNumber: age >= 17 ? pick(['Y', '', 'Received']) : null,
      photoId: age >= 17 ? pick(['Y', '', 'Passport']) : null,
      bankAccount: age >= 17 ? pick(['Y', 'N']) : null,
      juniorIsaInfo: age >= 17 ? pick(['Y', '']) : null,
      cicaConsidered: age >= 17 ? pick(['Y', 'N']) : null,
      recordsAccessInfo: age >= 17 ? pick(['Y', '']) : null,
      healthPassportDate: age >= 17 ? maybe(0.5, Math.min(AS_OF, birthday(17, 9))) : null,
      leavingCareTransferDate: age >= 17 ? maybe(0.5, Math.min(AS_OF, birthday(17, 8))) : null,
      secureStartDate: maybe(0.03, recent(200)),
      secureEndDate: null,
      unregulatedApprovalDate: maybe(0.1, recent(300)),
      lastPaContactDate: leaver ? maybe(0.9, AS_OF - int(1, 90)) : null,
      eetStatus: age >= 16 ? pick(['EET', 'NEET', 'F1', 'G4', '']) : null,
      leavingCareStatus: null,
      supportTo25: leaver ? pick(['Y', 'N', '']) : null,
    });
  }
  return rows;
}

const DATE_FIELDS = new Set<RuleFieldName>(
  RULE_FIELD_NAMES.filter(
    (name) => FIELD_BY_NAME[name].kind === 'date' || FIELD_BY_NAME[name].kind === 'dateOfBirth',
  ),
);

function ukText(day: Day): string {
  const { year, month, day: dd } = toYmd(day);
  return `${dd < 10 ? '0' : ''}${dd}/${month < 10 ? '0' : ''}${month}/${year}`;
}

function asInput(base: BaseRow[], date: (day: Day) => RawCell): CanonicalRow[] {
  return base.map((values, i) => {
    const out: Partial<Record<RuleFieldName, RawCell>> = {};
    for (const field of RULE_FIELD_NAMES) {
      const v = values[field];
      if (v === null || v === undefined) continue;
      out[field] = DATE_FIELDS.has(field) && typeof v === 'number' ? date(v) : v;
    }
    return { row: i + 2, values: out };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Prints the figures of one input form; returns the median wall time. `rowsFor(run)` gives
 * the rows of each run, warm-up runs first (made before the run's clock starts).
 */
function measure(evaluate: Evaluate, label: string, rowsFor: (run: number) => CanonicalRow[]): number {
  let firstRun = 0;
  let count = 0;
  for (let i = 0; i < WARM_UP; i += 1) {
    const input = { tracked: RULE_FIELD_NAMES, rows: rowsFor(i) };
    const start = performance.now();
    count = evaluate(input, { asOf: AS_OF }).rows.length;
    if (i === 0) firstRun = performance.now() - start;
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const input = { tracked: RULE_FIELD_NAMES, rows: rowsFor(WARM_UP + i) };
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    evaluate(input, { asOf: AS_OF });
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = median(wall);
  const cpuMs = median(cpu);
  const rate = (perMs: number) => Math.round((count / perMs) * 1000).toLocaleString('en-GB');
  // CPU time is shown beside wall time: on a shared machine, wall time also counts waiting for a core.
  process.stdout.write(
    `${label.padEnd(22)} ${String(count).padStart(6)} rows  median ${ms.toFixed(1).padStart(7)} ms  ` +
      `${rate(ms).padStart(9)} rows/s   (CPU ${cpuMs.toFixed(1)} ms: ${rate(cpuMs)} rows/CPU-s; ` +
      `runs ${wall.map((t) => t.toFixed(0)).join(', ')} ms; first warm-up ${firstRun.toFixed(0)} ms)\n`,
  );
  return ms;
}

/**
 * A function that builds `evaluation`'s rows again without any rule: a row object, a results
 * record holding the results the evaluation gave, and the next action. It makes no results:
 * the engine keeps its results from one evaluation to the next, and on these rows makes about
 * 10,000 of the 500,000 in each evaluation after the first (the first makes about 54,000).
 * (It also reads each result from the evaluation's record, which the engine does not.)
 */
function outputBuilder(evaluation: Evaluation): () => RowResult[] {
  const ids = Object.keys(evaluation.rows[0]?.results ?? {});
  const shape = Object.fromEntries(ids.map((id) => [id, null]));
  return () =>
    evaluation.rows.map((row) => {
      const results: Record<string, RuleResult | null> = { ...shape };
      for (const id of ids) results[id] = row.results[id];
      return {
        row: row.row,
        overall: row.overall,
        nextAction: row.nextAction && { ...row.nextAction },
        leavingCareStatus: row.leavingCareStatus,
        results: results as Record<string, RuleResult>,
      };
    });
}

/**
 * The output floor of one input form. (Measured last: the evaluation it copies stays in
 * memory while it runs, which would slow the collector in the engine's runs.)
 */
function measureOutputFloor(evaluate: Evaluate, rows: CanonicalRow[], evaluateMs: number): void {
  const evaluation = evaluate({ tracked: RULE_FIELD_NAMES, rows }, { asOf: AS_OF });
  const build = outputBuilder(evaluation);
  for (let i = 0; i < WARM_UP; i += 1) build();
  const wall: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    build();
    wall.push(performance.now() - start);
  }
  const ms = median(wall);
  process.stdout.write(
    `\nOutput floor (the JS Date evaluation's output built again with no rules): median ${ms.toFixed(1)} ms, ` +
      `${Math.round((evaluation.rows.length / ms) * 1000).toLocaleString('en-GB')} rows/s; ` +
      `${((ms / evaluateMs) * 100).toFixed(0)}% of evaluate's time\n`,
  );
}

async function loadEvaluate(): Promise<{ evaluate: Evaluate; from: string }> {
  if (process.env.BENCH_FROM === 'source') {
    return { evaluate: evaluateFromSource, from: 'TypeScript sources through tsx' };
  }
  buildDist();
  const { evaluate } = await fromDist<typeof import('../shared/engine')>('shared/engine');
  return { evaluate, from: 'dist/ (npm run build:node)' };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20_000);
  const { evaluate, from } = await loadEvaluate();
  const base = generate(count);
  process.stdout.write(
    `evaluate from ${from}: ${count} rows, ${RULE_FIELD_NAMES.length} columns tracked, as of 2026-11-23; median of ${RUNS} runs after ${WARM_UP} warm-up\n`,
  );
  const jsDates = (day: Day) => toJsDate(day);
  const sameRows = (rows: CanonicalRow[]) => () => rows;
  const datesMs = measure(evaluate, 'JS Date cells', sameRows(asInput(base, jsDates)));
  measure(evaluate, 'Excel serial numbers', sameRows(asInput(base, (day) => toExcelSerial(day))));
  measure(evaluate, 'UK text dates', sameRows(asInput(base, ukText)));
  measure(evaluate, 'JS Date, other rows', (run) => asInput(generate(count, 1000 + run), jsDates));
  measureOutputFloor(evaluate, asInput(base, jsDates), datesMs);
}

void main();
