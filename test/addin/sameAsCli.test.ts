/**
 * The add-in and the CLI write the same thing for the same workbook: the same tracker,
 * read once through the Office.js adapter (recording double) and once as an .xlsx file
 * through the CLI's refresh pipeline, gives the same write plan, value for value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadAndEvaluate } from '../../cli/commands/evaluate';
import { readLayout } from '../../cli/xlsx/readLayout';
import { fromExcelSerial, toJsDate } from '../../shared/dates/calendar';
import { planForResults } from '../../shared/refresh';
import { refreshWorkbook, SAMPLE_AS_OF } from '../../addin/excel/testing/harness';
import {
  sampleTrackerRows,
  sampleWorkbook,
  SAMPLE_HEADER_ROW,
  SAMPLE_SHEET,
} from '../../addin/excel/testing/sampleTracker';

const DATE_COLUMNS = new Set([4, 5, 7, 8, 9, 10, 11, 12, 14, 15]);

async function asXlsx(rows: ReturnType<typeof sampleTrackerRows>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      // dates as real date cells, as a team's tracker holds them
      if (r + 1 > SAMPLE_HEADER_ROW && DATE_COLUMNS.has(c + 1) && typeof value === 'number') {
        cell.value = toJsDate(fromExcelSerial(value));
        cell.numFmt = 'dd/mm/yyyy';
      } else cell.value = value;
    }),
  );
  const notes = wb.addWorksheet('Team notes');
  notes.getCell('A1').value = 'Supervision dates';
  notes.getCell('A2').value = 'Monday';
  notes.getCell('B2').value = 'Tuesday';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the add-in and the CLI', () => {
  it('build the same write plan for the same tracker', async () => {
    const rows = 60;
    const addin = await refreshWorkbook(sampleWorkbook(rows));

    const dir = mkdtempSync(join(tmpdir(), 'caseload-addin-'));
    try {
      const file = join(dir, 'tracker.xlsx');
      writeFileSync(file, await asXlsx(sampleTrackerRows(rows)));
      const run = await loadAndEvaluate(
        { file, asOf: '2026-11-23' },
        { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir, today: () => SAMPLE_AS_OF },
      );
      const layout = readLayout(run.workbook!, {
        sheetName: run.source.sheetName,
        headerRow: run.header.rowNumber,
        dataRows: run.tracker.rows.map((row) => row.row),
      });
      const cli = planForResults({
        layout,
        rows: run.tracker.rows,
        local: run.tracker.local,
        evaluation: run.evaluation,
        asOf: run.asOf,
        policy: run.policy,
        computedBy: 'this computer (built-in rules)',
      });
      expect(addin.plan.tracker).toEqual(cli.tracker);
      expect(addin.plan.sheets).toEqual(cli.sheets);
      expect(addin.plan.markers).toEqual(cli.markers);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
