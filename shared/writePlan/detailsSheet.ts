/**
 * "Flag details": one row per flag — each rule that needs attention for a young person
 * (Overdue, Action needed, Check data, Due soon) — worst first, with its explanation, so a
 * worker can filter to their own caseload or to one rule. Done and On track are not flags:
 * they show in the status columns with their due dates. (Listing them too would make this
 * sheet five times longer — over 200,000 lines for a 20,000-row tracker — and bury the
 * flags among them.)
 */
import { STATUS_SEVERITY, type Status } from '../status';
import type { RuleResult } from '../results';
import { type PlanContext, personName, workerName, NO_WORKER } from './context';
import { cell, compareText, dateCell, numberValue, statusConditionalFormat, textCell } from './values';
import type { PlannedCell, SheetPlan } from './types';

const NEEDS_ATTENTION: ReadonlySet<Status> = new Set<Status>([
  'Overdue',
  'Action needed',
  'Check data',
  'Due soon',
]);

interface DetailLine {
  readonly row: number;
  readonly ruleId: string;
  readonly result: RuleResult;
  readonly name: string;
}

/** A line with its sort key worked out once (the details sheet can run to 100,000s of lines). */
interface KeyedLine extends DetailLine {
  readonly severity: number;
  readonly due: string;
  readonly nameKey: string;
  readonly order: number;
}

const NO_DUE = '9999-99-99';

function compareKeyed(a: KeyedLine, b: KeyedLine): number {
  if (a.severity !== b.severity) return a.severity - b.severity;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.nameKey !== b.nameKey) return a.nameKey < b.nameKey ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  return a.order - b.order;
}

/** Worst status first, then the earliest due date (no date last), then name, row and catalogue order. */
export function compareDetailLines(
  a: Pick<DetailLine, 'row' | 'ruleId' | 'result' | 'name'>,
  b: Pick<DetailLine, 'row' | 'ruleId' | 'result' | 'name'>,
  ruleOrder: ReadonlyMap<string, number>,
): number {
  const severity = STATUS_SEVERITY[a.result.status] - STATUS_SEVERITY[b.result.status];
  if (severity !== 0) return severity;
  const dueA = a.result.due ?? NO_DUE;
  const dueB = b.result.due ?? NO_DUE;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  const byName = compareText(a.name, b.name);
  if (byName !== 0) return byName;
  if (a.row !== b.row) return a.row - b.row;
  return (ruleOrder.get(a.ruleId) ?? Infinity) - (ruleOrder.get(b.ruleId) ?? Infinity);
}

export function buildDetailsSheet(context: PlanContext, sheetName: string): SheetPlan {
  const { input } = context;
  const showTeam = [...input.local.values()].some((local) => (local.team ?? '').trim() !== '');

  // who the young person is: the same cells on each of their lines (plan values are never mutated)
  const personCells = new Map<number, readonly PlannedCell[]>();
  const lines: KeyedLine[] = [];
  for (const rowResult of context.results) {
    const name = personName(context, rowResult.row);
    const nameKey = name.toLowerCase();
    input.rules.forEach((rule, order) => {
      const result = rowResult.results[rule.id];
      if (!result || !NEEDS_ATTENTION.has(result.status)) return;
      if (!personCells.has(rowResult.row)) {
        const local = input.local.get(rowResult.row);
        const worker = workerName(context, rowResult.row);
        personCells.set(rowResult.row, [
          textCell(name),
          textCell(local?.childId),
          textCell(worker === NO_WORKER ? null : worker),
          ...(showTeam ? [textCell(local?.team)] : []),
          cell(numberValue(rowResult.row)),
        ]);
      }
      lines.push({
        row: rowResult.row,
        ruleId: rule.id,
        result,
        name,
        severity: STATUS_SEVERITY[result.status],
        due: result.due ?? NO_DUE,
        nameKey,
        order,
      });
    });
  }
  // same order as compareDetailLines, with the keys made once
  lines.sort(compareKeyed);

  const headers = ['Young person', 'Child ID', 'Social worker', ...(showTeam ? ['Team'] : []), 'Tracker row'];
  const statusColumn = headers.length + 2;
  headers.push('Flag', 'Status', 'Due', 'Why');
  const widths = [28, 14, 22, ...(showTeam ? [18] : []), 9, 34, 15, 12, 90];

  const ruleCells = new Map(input.rules.map((rule) => [rule.id, textCell(rule.label || rule.id)]));
  const rows: PlannedCell[][] = [headers.map((header) => textCell(header, 'header'))];
  for (const line of lines) {
    // (concat rather than spreading: a hundred thousand lines)
    rows.push(
      (personCells.get(line.row) as PlannedCell[]).concat([
        ruleCells.get(line.ruleId) as PlannedCell,
        textCell(line.result.status),
        dateCell(line.result.due),
        textCell(line.result.explanation, 'wrap'),
      ]),
    );
  }

  const lastRow = rows.length;
  return {
    key: 'details',
    name: sheetName,
    columnWidths: widths,
    rows,
    merges: [],
    freezeRows: 1,
    print: { landscape: true, fitToWidth: true, repeatRows: { first: 1, last: 1 }, breaksAfterRows: [] },
    conditionalFormats:
      lastRow > 1
        ? [
            statusConditionalFormat({
              firstRow: 2,
              lastRow,
              firstColumn: statusColumn,
              lastColumn: statusColumn,
            }),
          ]
        : [],
    autoFilter: { firstRow: 1, lastRow, firstColumn: 1, lastColumn: headers.length },
  };
}
