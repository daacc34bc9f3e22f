/**
 * Parity with the CLI: for the example tracker, the service's results (for the rows as the
 * pane sends them, encoded with `toWireRow`) equal `caseload-flags evaluate --json`.
 */
import { join } from 'node:path';
import { chooseSheet } from '../../cli/commands/evaluate';
import { run } from '../../cli/main';
import { readTrackerFile } from '../../cli/readWorkbook';
import { fromYmd } from '../../shared/dates/calendar';
import { proposeMapping } from '../../shared/mapping';
import type { Evaluation } from '../../shared/results';
import { readTracker, toWireRow, type SheetRow } from '../../shared/tracker';
import type { EvaluateRequest, EvaluateResponse } from '../../shared/wire';
import { makeEvaluateHandler } from '../../functions/handlers/evaluate';
import { loadConfig } from '../../functions/lib/config';
import { invoke } from './invoke';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'tracker.xlsx');
const AS_OF = '2026-11-23';

async function cliJson(): Promise<Evaluation> {
  const out: string[] = [];
  const code = await run(['evaluate', EXAMPLE, '--json', '--as-of', AS_OF], {
    stdout: (text: string) => void out.push(text),
    stderr: () => undefined,
    env: {},
    cwd: join(__dirname, '..', '..'),
    today: () => fromYmd(2026, 11, 23),
  });
  expect(code).toBe(0);
  return JSON.parse(out.join('')) as Evaluation;
}

/** The request the pane sends for the example tracker: rule fields only, each cell as its reading. */
async function paneRequest(): Promise<{ request: EvaluateRequest; unreadableRows: Set<number> }> {
  const file = await readTrackerFile(EXAMPLE);
  const { sheet, header } = chooseSheet(file, undefined);
  const proposal = proposeMapping(sheet.rows[header.index]);
  const grid: SheetRow[] = sheet.rows.map((cells, i) => ({ rowNumber: i + 1, cells }));
  const tracker = readTracker(grid, proposal.mapping, header.index, {
    ...(proposal.surname ? { surnameColumn: proposal.surname.column } : {}),
  });
  const rows = tracker.rows.map(toWireRow);
  const unreadableRows = new Set(
    rows
      .filter((row) => Object.values(row.fields).some((v) => v !== null && typeof v === 'object'))
      .map((row) => row.row),
  );
  return { request: { asOf: AS_OF, tracked: tracker.tracked, rows }, unreadableRows };
}

it('the service gives the CLI evaluate --json results for the example tracker', async () => {
  const [expected, { request, unreadableRows }] = await Promise.all([cliJson(), paneRequest()]);
  expect(expected.rows.length).toBeGreaterThan(10);

  const response = await invoke(makeEvaluateHandler(loadConfig({})), { body: request });
  expect(response.status).toBe(200);
  const { correlationId: _id, ...api } = response.body as EvaluateResponse;
  const { mapping: _mapping, ...cli } = expected;

  // Same rows, rules, statuses, due dates, next actions and leaving-care statuses everywhere.
  const outline = (e: Omit<Evaluation, 'mapping'>) => ({
    ...e,
    rows: e.rows.map((row) => ({
      ...row,
      results: Object.fromEntries(
        Object.entries(row.results).map(([id, r]) => [id, { status: r.status, due: r.due }]),
      ),
    })),
  });
  expect(outline(api)).toEqual(outline(cli));
  // And the same explanations, word for word, except where the CLI quotes the text of an
  // unreadable cell, which never travels to the service.
  const same = (e: Omit<Evaluation, 'mapping'>) => e.rows.filter((row) => !unreadableRows.has(row.row));
  expect(same(api)).toEqual(same(cli));
  expect(same(cli).length).toBeGreaterThan(5);
});
