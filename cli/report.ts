/**
 * The human report of `caseload-flags evaluate` (without --json): what the tool
 * understood of the tracker (the column mapping and the rules it could not track), then
 * the counts by overall flag, one compact line per young person, and what to correct.
 *
 * It prints names and IDs: this is local output on the user's own machine, read by the
 * team that keeps the tracker.
 */
import { fromIso, toUk } from '../shared/dates/calendar';
import { FIELD_BY_NAME, type FieldName } from '../shared/fields';
import type { Ambiguity, ColumnMatch, UnmappedColumn } from '../shared/mapping';
import type { Evaluation, RowResult } from '../shared/results';
import { RULE_BY_ID } from '../shared/rules';
import { STATUSES } from '../shared/status';
import type { LocalDetails, SkippedRow } from '../shared/tracker';

export interface ReportInput {
  readonly fileName: string;
  readonly sheetName: string;
  readonly format: 'xlsx' | 'csv';
  readonly headerRowNumber: number;
  readonly columns: readonly ColumnMatch[];
  readonly unmapped: readonly UnmappedColumn[];
  readonly ambiguities: readonly Ambiguity[];
  /** whether the mapping came (partly) from a mapping file */
  readonly mappingFile?: string;
  readonly skipped: readonly SkippedRow[];
  readonly local: ReadonlyMap<number, LocalDetails>;
  readonly evaluation: Evaluation;
  readonly policyName: string;
  readonly version: string;
}

const NAME_WIDTH = 20;
const ID_WIDTH = 10;
const ACTION_WIDTH = 40;

export function formatReport(input: ReportInput): string {
  const { evaluation } = input;
  const lines: string[] = [];
  const asOf = fromIso(evaluation.asOf);
  const where = input.format === 'csv' ? input.fileName : `${input.fileName}, sheet "${input.sheetName}"`;
  lines.push(
    `caseload-flags ${input.version} · rules ${evaluation.rulesVersion} (${input.policyName}) · as of ${asOf === null ? evaluation.asOf : toUk(asOf)}`,
    `Tracker: ${where}, headers on row ${input.headerRowNumber}, ${plural(evaluation.rows.length, 'young person', 'young people')}`,
    '',
  );
  lines.push(...mappingSection(input), '');
  lines.push(...inactiveSection(evaluation), '');
  lines.push(countsLine(evaluation.rows), '');
  if (evaluation.rows.length > 0) lines.push(...rowTable(input), '');
  const checks = checkDataSection(input);
  if (checks.length > 0) lines.push(...checks, '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function mappingSection(input: ReportInput): string[] {
  const source = input.mappingFile ? ` (from the headers and ${input.mappingFile})` : ' (from the headers)';
  const lines = [`Columns used${source}: field ← header, how sure`];
  const fieldWidth = Math.max(...input.columns.map((c) => fieldLabel(c.field).length), 10);
  const headerWidth = Math.min(Math.max(...input.columns.map((c) => c.header.length + 2), 8), 40);
  for (const column of input.columns) {
    lines.push(
      `  ${fieldLabel(column.field).padEnd(fieldWidth)} ← ${clip(`"${column.header}"`, 40).padEnd(headerWidth)}  ${CONFIDENCE[column.confidence]}`,
    );
  }
  if (input.columns.length === 0) lines.push('  (none)');
  lines.push(
    input.unmapped.length
      ? `Columns not used: ${input.unmapped.map((c) => `"${c.header}"`).join(', ')}`
      : 'Columns not used: none',
  );
  for (const ambiguity of input.ambiguities) lines.push(`Note: ${ambiguity.message}`);
  for (const skip of input.skipped) lines.push(`Row ${skip.row} left out: ${skip.reason}.`);
  return lines;
}

const CONFIDENCE: Record<ColumnMatch['confidence'], string> = {
  exact: 'exact',
  synonym: 'synonym',
  partial: 'partial match: check',
};

function fieldLabel(field: FieldName): string {
  return FIELD_BY_NAME[field]?.label ?? field;
}

function inactiveSection(evaluation: Evaluation): string[] {
  const total = evaluation.inactiveRules.length + activeCount(evaluation);
  if (evaluation.mapping && evaluation.mapping.dateOfBirth === undefined) {
    return [
      'Rules tracked: none. No column was recognised as the date of birth, which every rule needs:',
      '  say which column holds it with --map, e.g. { "dateOfBirth": "Born" }.',
    ];
  }
  if (evaluation.inactiveRules.length === 0) return [`Rules tracked: all ${total}.`];
  const lines = [
    `Rules tracked: ${total - evaluation.inactiveRules.length} of ${total}. Not tracked (the tracker has no column for them):`,
  ];
  for (const rule of evaluation.inactiveRules) {
    const label = RULE_BY_ID.get(rule.id)?.label ?? rule.id;
    lines.push(`  ${label} (${rule.id}): ${rule.reason}`);
  }
  return lines;
}

function activeCount(evaluation: Evaluation): number {
  const first = evaluation.rows[0];
  if (first) return Object.keys(first.results).length;
  // no rows: every rule that is not inactive is active
  return Math.max(0, RULE_BY_ID.size - evaluation.inactiveRules.length);
}

function countsLine(rows: readonly RowResult[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.overall, (counts.get(row.overall) ?? 0) + 1);
  return `Overall flags: ${STATUSES.map((status) => `${status} ${counts.get(status) ?? 0}`).join(' · ')}`;
}

function rowTable(input: ReportInput): string[] {
  const header = ['Row', 'Young person', 'ID', 'Overall', 'Next action', 'Due'];
  const body = input.evaluation.rows.map((row) => {
    const local = input.local.get(row.row) ?? {};
    const next = row.nextAction;
    const due = next ? fromIso(next.due) : null;
    return [
      String(row.row),
      clip(local.name ?? '', NAME_WIDTH),
      clip(local.childId ?? '', ID_WIDTH),
      row.overall,
      next ? clip(RULE_BY_ID.get(next.rule)?.label ?? next.rule, ACTION_WIDTH) : '—',
      due === null ? '' : toUk(due),
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

/** What to correct: each row's Check data reasons, rules with the same reason grouped. */
function checkDataSection(input: ReportInput): string[] {
  const lines: string[] = [];
  for (const row of input.evaluation.rows) {
    const byReason = new Map<string, string[]>();
    const ids = Object.keys(row.results);
    for (const id of ids) {
      const result = row.results[id];
      if (result.status !== 'Check data') continue;
      const reason = result.explanation.replace(/^Check data:\s*/, '');
      byReason.set(reason, [...(byReason.get(reason) ?? []), RULE_BY_ID.get(id)?.label ?? id]);
    }
    if (byReason.size === 0) continue;
    const local = input.local.get(row.row) ?? {};
    const who = [local.name, local.childId].filter(Boolean).join(', ');
    for (const [reason, labels] of byReason) {
      const rules = labels.length === ids.length && ids.length > 1 ? 'every rule' : labels.join(', ');
      lines.push(`  Row ${row.row}${who ? ` (${who})` : ''}: ${rules}: ${reason}`);
    }
  }
  return lines.length ? ['Check data (correct these in the tracker):', ...lines] : [];
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
