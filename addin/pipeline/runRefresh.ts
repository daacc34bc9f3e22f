/**
 * One refresh, as the pane runs it: read the mapped columns, evaluate (in the service, or
 * here with the same rules module), build the shared write plan, apply it, save the
 * confirmed mapping. Progress is reported by stage. No Office here: the workbook is the
 * `TrackerWorkbook` the App was given.
 */
import { fromIso } from '../../shared/dates/calendar';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy';
import type { Evaluation } from '../../shared/results';
import { STATUS_SEVERITY, type Status } from '../../shared/status';
import { applyExplicitMapping } from '../../shared/mapping';
import { RULE_BY_ID } from '../../shared/rules';
import { evaluateRemote, ServiceError } from '../api/client';
import type { Detection } from '../excel/readTracker';
import { trackerLayout } from '../excel/readTracker';
import type { TrackerWorkbook } from '../excel/workbook';
import type { Progress, RefreshResults, UrgentItem } from '../pane/flow';
import type { PaneSettings } from '../pane/settings';
import { canonicalRows, evaluateHere, planFor } from './refresh';

/** the same words as the CLI's, so the same workbook gets the same sheets from both */
export const COMPUTED_HERE = 'this computer (built-in rules)';
export const COMPUTED_BY_SERVICE = 'the caseload-flags service';

export interface RefreshInput {
  readonly detection: Detection;
  /** field → header text ('' for a field taken out), as saved in the workbook */
  readonly explicit: Record<string, string>;
  readonly asOf: string;
  readonly dueSoonDays: number;
  readonly settings: PaneSettings;
}

const URGENT: readonly Status[] = ['Overdue', 'Action needed', 'Check data', 'Due soon'];

export async function runRefresh(
  workbook: TrackerWorkbook,
  input: RefreshInput,
  onProgress: (progress: Progress) => void,
): Promise<RefreshResults> {
  const asOf = fromIso(input.asOf);
  if (asOf === null) throw new Error('The as-of date is not a date: pick one from the calendar.');
  const policy: Policy = { ...DEFAULT_POLICY, defaultWindow: { days: input.dueSoonDays } };
  const { detection } = input;
  const proposal = applyExplicitMapping(detection.mappableHeaders, input.explicit);

  onProgress({ stage: 'reading', fraction: 0.05, detail: 'Reading the mapped columns' });
  const read = await workbook.read(detection, proposal, ({ block, blocks }) =>
    onProgress({
      stage: 'reading',
      fraction: 0.05 + 0.25 * (block / blocks),
      detail: `Reading block ${block} of ${blocks}`,
    }),
  );
  const rows = canonicalRows(read.grid, proposal);

  onProgress({
    stage: 'evaluating',
    fraction: 0.35,
    detail: `Checking ${rows.rows.length} young people against the rules`,
  });
  let evaluation: Evaluation;
  let computedBy = COMPUTED_HERE;
  let serviceNotice: string | null = null;
  const service = input.settings.computeHere ? null : input.settings.serviceUrl.trim();
  if (service) {
    try {
      evaluation = await evaluateRemote(
        { url: service, key: input.settings.serviceKey || undefined },
        { tracked: rows.tracked, rows: rows.rows },
        asOf,
        { defaultWindow: { days: input.dueSoonDays } },
        {
          onChunk: (done, of) =>
            onProgress({
              stage: 'evaluating',
              fraction: 0.35 + 0.2 * (done / of),
              detail: `Service: part ${done} of ${of}`,
            }),
        },
      );
      computedBy = COMPUTED_BY_SERVICE;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      serviceNotice = `${error.message} The flags were worked out in this workbook instead, with the built-in copy of the same rules.`;
      evaluation = evaluateHere(rows, proposal, detection.headers, asOf, policy);
    }
  } else {
    evaluation = evaluateHere(rows, proposal, detection.headers, asOf, policy);
  }

  const plan = planFor({
    layout: trackerLayout(
      detection,
      rows.rows.map((r) => r.row),
    ),
    rows,
    evaluation,
    asOf,
    policy,
    computedBy,
  });
  const toolSheets = plan.sheets.map((s) => s.name);
  const report = await workbook.apply(plan, (p) => {
    if (p.stage !== 'writing' || !p.block || !p.blocks) return;
    const summary = toolSheets.some((name) => p.label?.startsWith(name));
    onProgress({
      stage: summary ? 'summary' : 'writing',
      fraction: 0.6 + 0.38 * (p.block / p.blocks),
      detail: `Writing block ${p.block} of ${p.blocks}${p.label ? ` (${p.label})` : ''}`,
    });
  });
  await workbook.saveMapping(detection.sheetName, input.explicit);

  return {
    sheetName: detection.sheetName,
    rows: evaluation.rows.length,
    counts: countByStatus(evaluation),
    urgent: urgentItems(evaluation, rows.local),
    computedBy,
    rulesVersion: evaluation.rulesVersion,
    asOf: input.asOf,
    serviceNotice,
    syncs: read.syncs + report.syncs,
  };
}

function countByStatus(evaluation: Evaluation): Partial<Record<Status, number>> {
  const counts: Partial<Record<Status, number>> = {};
  for (const row of evaluation.rows) counts[row.overall] = (counts[row.overall] ?? 0) + 1;
  return counts;
}

/** The ten most urgent young people: worst status first, then the earliest due item. */
function urgentItems(
  evaluation: Evaluation,
  local: ReadonlyMap<number, { name?: string; childId?: string; socialWorker?: string }>,
): UrgentItem[] {
  const items: UrgentItem[] = [];
  for (const row of evaluation.rows) {
    if (!URGENT.includes(row.overall)) continue;
    // the item that makes the row this bad, earliest due first
    const worst = Object.entries(row.results)
      .filter(([, r]) => r.status === row.overall)
      .sort(([, a], [, b]) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))[0];
    const details = local.get(row.row);
    items.push({
      row: row.row,
      who: details?.name || details?.childId || `Row ${row.row}`,
      worker: details?.socialWorker ?? null,
      status: row.overall,
      what: worst ? (RULE_BY_ID.get(worst[0])?.label ?? worst[0]) : row.overall,
      due: worst?.[1].due ?? null,
    });
  }
  items.sort(
    (a, b) =>
      STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999'),
  );
  return items.slice(0, 10);
}
