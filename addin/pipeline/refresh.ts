/**
 * The refresh between reading and writing, with no Office in it: the sheet's rows become
 * canonical rows (shared tracker reader), the rules run (in the service or here, the same
 * module), and the shared write-plan builder says what to write. The add-in's adapter
 * only reads before and applies after, so the workbook gets what the CLI would write.
 */
import type { Day } from '../../shared/dates/calendar';
import { evaluate } from '../../shared/engine';
import { describeMapping, type ProposedMapping } from '../../shared/mapping';
import { RULES_VERSION, type Policy } from '../../shared/policy';
import type { Evaluation } from '../../shared/results';
import { planForResults } from '../../shared/refresh';
import { readTracker, type SheetRow, type TrackerRows } from '../../shared/tracker';
import type { TrackerLayout, WritePlan } from '../../shared/writePlan/types';

export { RULES_VERSION };

/** Canonical rows from the sheet rows read (`grid[0]` is the header row). */
export function canonicalRows(grid: readonly SheetRow[], proposal: ProposedMapping): TrackerRows {
  return readTracker(
    grid,
    proposal.mapping,
    0,
    proposal.surname ? { surnameColumn: proposal.surname.column } : {},
  );
}

/** The rules run here, in the pane: the same module the service runs. */
export function evaluateHere(
  rows: TrackerRows,
  proposal: ProposedMapping,
  headers: readonly string[],
  asOf: Day,
  policy: Policy,
): Evaluation {
  return evaluate(
    { tracked: rows.tracked, rows: rows.rows },
    { asOf, policy, mapping: describeMapping(proposal.mapping, headers) },
  );
}

export interface PlanRequest {
  readonly layout: TrackerLayout;
  readonly rows: TrackerRows;
  readonly evaluation: Evaluation;
  readonly asOf: Day;
  readonly policy: Policy;
  readonly computedBy: string;
}

/** The write plan, built by the same shared step as the CLI's refresh (`shared/refresh.ts`). */
export function planFor(request: PlanRequest): WritePlan {
  return planForResults({
    layout: request.layout,
    rows: request.rows.rows,
    local: request.rows.local,
    evaluation: request.evaluation,
    asOf: request.asOf,
    policy: request.policy,
    computedBy: request.computedBy,
  });
}
