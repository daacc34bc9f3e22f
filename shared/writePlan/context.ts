/**
 * What the sheet builders share: the input, results by row, rule labels, and how rows
 * are named on the sheets.
 */
import type { RowResult } from '../results';
import type { WritePlanInput } from './build';

/** What every sheet builder works from: the input plus a few look-ups made once. */
export interface PlanContext {
  readonly input: WritePlanInput;
  readonly resultsByRow: ReadonlyMap<number, RowResult>;
  /** result rows in worksheet order */
  readonly results: readonly RowResult[];
  readonly ruleLabels: ReadonlyMap<string, string>;
  /** catalogue position of each active rule, for ties */
  readonly ruleOrder: ReadonlyMap<string, number>;
}

/** The young person's name as shown on the sheets; a row without one is named by its row. */
export function personName(context: PlanContext, row: number): string {
  const name = context.input.local.get(row)?.name?.trim();
  return name ? name : `Row ${row}`;
}

export const NO_WORKER = 'No worker recorded';

export function workerName(context: PlanContext, row: number): string {
  const worker = context.input.local.get(row)?.socialWorker?.trim();
  return worker ? worker : NO_WORKER;
}
