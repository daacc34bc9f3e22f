/**
 * The tool's status columns on the tracker sheet: overall flag, next action and its due
 * date, leaving-care status, then a status and a due date per active rule. They sit to
 * the right of the tracker (inside its Table when it is one), where the tool wrote them
 * last time if it did, so a refresh rewrites them in place.
 */
import type { RowResult } from '../results';
import { checkHeaderClashes, dataRightOfTable, noRoomToGrow, WritePlanConflict } from './conflicts';
import { MAX_COLUMN } from './a1';
import { dateValue, statusConditionalFormat, textValue } from './values';
import type {
  ConditionalFormatPlan,
  PlannedColumn,
  PlanValue,
  TrackerColumnsPlan,
  TrackerLayout,
} from './types';

export interface RuleInfo {
  readonly id: string;
  readonly label: string;
}

interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly kind: PlannedColumn['kind'];
  readonly width: number;
  readonly value: (result: RowResult) => PlanValue;
}

/** Every tool header starts with this, so it does not collide with a team's own ("Pathway plan"). */
export const HEADER_PREFIX = 'Flag: ';

export const FIXED_HEADERS = {
  overall: `${HEADER_PREFIX}overall`,
  nextAction: `${HEADER_PREFIX}next action`,
  nextActionDue: `${HEADER_PREFIX}next action due`,
  leavingCareStatus: `${HEADER_PREFIX}leaving-care status`,
} as const;

/**
 * The headers of one rule's two columns. Table column names must be unique (ignoring
 * case), so a label used twice is told apart by its rule id.
 */
export function ruleHeaders(rules: readonly RuleInfo[]): Map<string, { status: string; due: string }> {
  const counts = new Map<string, number>();
  for (const rule of rules) {
    const key = rule.label.trim().toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const headers = new Map<string, { status: string; due: string }>();
  for (const rule of rules) {
    const label = rule.label.trim() || rule.id;
    const name = (counts.get(rule.label.trim().toLowerCase()) ?? 0) > 1 ? `${label} (${rule.id})` : label;
    headers.set(rule.id, { status: `${HEADER_PREFIX}${name}`, due: `${HEADER_PREFIX}${name} due` });
  }
  return headers;
}

function columnSpecs(rules: readonly RuleInfo[]): ColumnSpec[] {
  // the few texts these columns repeat on every row, made once (plan values are never mutated)
  const labels = new Map(rules.map((rule) => [rule.id, textValue(rule.label)]));
  const repeated = new Map<string, PlanValue>();
  const repeatedText = (text: string): PlanValue => {
    let value = repeated.get(text);
    if (value === undefined) {
      value = textValue(text);
      if (repeated.size < 1000) repeated.set(text, value);
    }
    return value;
  };
  const headers = ruleHeaders(rules);
  const specs: ColumnSpec[] = [
    {
      key: 'overall',
      header: FIXED_HEADERS.overall,
      kind: 'status',
      width: 15,
      value: (r) => textValue(r.overall),
    },
    {
      key: 'next-action',
      header: FIXED_HEADERS.nextAction,
      kind: 'text',
      width: 30,
      value: (r) => {
        if (!r.nextAction) return null;
        const label = labels.get(r.nextAction.rule);
        return label !== undefined ? label : repeatedText(r.nextAction.rule);
      },
    },
    {
      key: 'next-action-due',
      header: FIXED_HEADERS.nextActionDue,
      kind: 'date',
      width: 14,
      value: (r) => dateValue(r.nextAction?.due),
    },
    {
      key: 'leaving-care-status',
      header: FIXED_HEADERS.leavingCareStatus,
      kind: 'text',
      width: 18,
      value: (r) => repeatedText(r.leavingCareStatus),
    },
  ];
  for (const rule of rules) {
    const header = headers.get(rule.id) as { status: string; due: string };
    specs.push(
      {
        key: rule.id,
        header: header.status,
        kind: 'status',
        width: Math.min(40, Math.max(15, header.status.length + 2)),
        value: (r) => textValue(r.results[rule.id]?.status),
      },
      {
        key: `${rule.id}:due`,
        header: header.due,
        kind: 'date',
        width: 14,
        value: (r) => dateValue(r.results[rule.id]?.due),
      },
    );
  }
  return specs;
}

/** Where the block goes, and what happens to the Table and the previous block's leftovers. */
function placeBlock(
  layout: TrackerLayout,
  width: number,
): Pick<TrackerColumnsPlan, 'firstColumn' | 'clearColumns' | 'table'> {
  const previous = layout.previousBlock;
  const table = layout.table;
  let firstColumn: number;
  let clearColumns: TrackerColumnsPlan['clearColumns'] = null;

  if (previous) {
    firstColumn = previous.firstColumn;
    const lastColumn = firstColumn + width - 1;
    if (lastColumn < previous.lastColumn) {
      clearColumns = { firstColumn: lastColumn + 1, lastColumn: previous.lastColumn };
    } else if (lastColumn > previous.lastColumn && layout.lastUsedColumn > previous.lastColumn) {
      // the block must grow, and something of the user's lies to its right: never write over it
      throw noRoomToGrow(layout, previous.lastColumn, lastColumn - previous.lastColumn);
    }
  } else if (table) {
    if (layout.lastUsedColumn > table.lastColumn) throw dataRightOfTable(layout, table.lastColumn);
    firstColumn = table.lastColumn + 1;
  } else {
    firstColumn = Math.max(1, layout.lastUsedColumn + 1);
  }

  const lastColumn = firstColumn + width - 1;
  if (lastColumn > MAX_COLUMN) {
    throw new WritePlanConflict(
      `There is no room on '${layout.sheetName}' for caseload-flags' ${width} columns: the sheet runs out of ` +
        `columns. Move the tracker to a sheet with fewer columns and refresh again.`,
    );
  }

  let tablePlan: TrackerColumnsPlan['table'] = null;
  if (table) {
    // The block ends the Table when it did before (or is new): the Table then shrinks or grows
    // with it. If the team has added Table columns after the block, the Table keeps its end.
    const blockEndsTable = !previous || table.lastColumn <= previous.lastColumn;
    tablePlan = {
      name: table.name,
      newLastColumn: blockEndsTable ? lastColumn : Math.max(table.lastColumn, lastColumn),
    };
  }
  return { firstColumn, clearColumns, table: tablePlan };
}

export function buildStatusColumns(
  layout: TrackerLayout,
  rules: readonly RuleInfo[],
  resultsByRow: ReadonlyMap<number, RowResult>,
): TrackerColumnsPlan {
  const specs = columnSpecs(rules);
  const placement = placeBlock(layout, specs.length);
  checkHeaderClashes(
    layout,
    specs.map((spec) => spec.header),
    layout.previousBlock,
  );

  const rows = [...layout.dataRows];
  const values = columnValues(specs, rules, rows, resultsByRow);
  const columns: PlannedColumn[] = specs.map((spec, j) => ({
    key: spec.key,
    header: spec.header,
    kind: spec.kind,
    width: spec.width,
    values: values[j],
  }));

  const conditionalFormats: ConditionalFormatPlan[] = [];
  if (rows.length > 0) {
    const firstRow = rows.reduce((a, b) => Math.min(a, b));
    const lastRow = rows.reduce((a, b) => Math.max(a, b));
    columns.forEach((column, index) => {
      if (column.kind !== 'status') return;
      const at = placement.firstColumn + index;
      conditionalFormats.push(
        statusConditionalFormat({ firstRow, lastRow, firstColumn: at, lastColumn: at }),
      );
    });
  }

  return {
    sheetName: layout.sheetName,
    headerRow: layout.headerRow,
    firstColumn: placement.firstColumn,
    columns,
    rows,
    clearColumns: placement.clearColumns,
    clearRows: rowsLeftBelow(layout, rows),
    table: placement.table,
    conditionalFormats,
  };
}

/**
 * Every column's values, a row at a time (a 20,000-row tracker has a million of them):
 * each result is looked up once, and a rule's status and due date are read together.
 * The rule columns follow the four fixed ones, two per rule, as `columnSpecs` lists them.
 */
function columnValues(
  specs: readonly ColumnSpec[],
  rules: readonly RuleInfo[],
  rows: readonly number[],
  resultsByRow: ReadonlyMap<number, RowResult>,
): PlanValue[][] {
  const fixed = specs.length - 2 * rules.length;
  const values: PlanValue[][] = specs.map(() => new Array<PlanValue>(rows.length).fill(null));
  const ids = rules.map((rule) => rule.id);
  if (
    ids.some((id, k) => specs[fixed + 2 * k]?.key !== id || specs[fixed + 2 * k + 1]?.key !== `${id}:due`)
  ) {
    throw new Error('The status columns are not in rule order');
  }
  for (let i = 0; i < rows.length; i++) {
    const result = resultsByRow.get(rows[i]);
    if (!result) continue;
    for (let j = 0; j < fixed; j++) values[j][i] = specs[j].value(result);
    const byRule = result.results;
    for (let k = 0; k < ids.length; k++) {
      const ruleResult = byRule[ids[k]];
      if (!ruleResult) continue;
      values[fixed + 2 * k][i] = textValue(ruleResult.status);
      values[fixed + 2 * k + 1][i] = dateValue(ruleResult.due);
    }
  }
  return values;
}

/** The last row of the tool's block: its last data row, or the header row when there are none. */
export function blockLastRow(headerRow: number, rows: readonly number[]): number {
  return rows.reduce((a, b) => Math.max(a, b), headerRow);
}

/** Rows the tool wrote flags into last time that are now below the tracker's last row. */
function rowsLeftBelow(layout: TrackerLayout, rows: readonly number[]): TrackerColumnsPlan['clearRows'] {
  const previousLast = layout.previousBlock?.lastRow;
  const last = blockLastRow(layout.headerRow, rows);
  return previousLast !== undefined && previousLast > last
    ? { firstRow: last + 1, lastRow: previousLast }
    : null;
}
