/**
 * A whole refresh against the recording double, as the pane runs it: detect, read the
 * mapped columns, evaluate with the built-in rules, build the shared write plan, apply.
 * Each step gets its own context so its syncs and payloads can be told apart.
 */
import { fromIso, type Day } from '../../../shared/dates/calendar';
import { DEFAULT_POLICY, type Policy } from '../../../shared/policy';
import type { WritePlan } from '../../../shared/writePlan/types';
import { canonicalRows, evaluateHere, planFor } from '../../pipeline/refresh';
import { applyWritePlan, type ApplyReport } from '../applyWritePlan';
import { detectTracker, readMappedRows, trackerLayout, type Detection } from '../readTracker';
import { FakeContext, type WorkbookModel } from './fakeExcel';

export const SAMPLE_AS_OF: Day = fromIso('2026-11-23') as Day;

export interface RefreshRun {
  readonly detection: Detection;
  readonly plan: WritePlan;
  readonly report: ApplyReport;
  readonly detect: FakeContext;
  readonly read: FakeContext;
  readonly apply: FakeContext;
}

export async function refreshWorkbook(
  model: WorkbookModel,
  options: {
    asOf?: Day;
    policy?: Policy;
    recordWrites?: boolean;
    storeCells?: boolean;
    budgetBytes?: number;
  } = {},
): Promise<RefreshRun> {
  const asOf = options.asOf ?? SAMPLE_AS_OF;
  const policy = options.policy ?? DEFAULT_POLICY;
  const detect = new FakeContext(model);
  const detection = await detectTracker(detect);
  const read = new FakeContext(model);
  const { grid } = await readMappedRows(read, detection, detection.proposal.mapping, {
    surnameColumn: detection.proposal.surname?.column,
    features: { mergedAreas: true },
  });
  const rows = canonicalRows(grid, detection.proposal);
  const evaluation = evaluateHere(rows, detection.proposal, detection.headers, asOf, policy);
  const plan = planFor({
    layout: trackerLayout(
      detection,
      rows.rows.map((r) => r.row),
    ),
    rows,
    evaluation,
    asOf,
    policy,
    computedBy: 'this computer (built-in rules)',
  });
  const apply = new FakeContext(model);
  apply.recordWrites = options.recordWrites ?? true;
  apply.storeCells = options.storeCells ?? true;
  const report = await applyWritePlan(apply, plan, { budgetBytes: options.budgetBytes });
  return { detection, plan, report, detect, read, apply };
}
