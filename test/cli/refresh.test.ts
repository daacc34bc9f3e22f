/**
 * `caseload-flags refresh`, end to end on real files: what it writes, that a second
 * refresh changes nothing, that the tracker is never damaged, and the plain message and
 * exit code 2 for each way it can be refused.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationSchema } from '../../shared/results';
import { AS_OF_TEXT, cli, EXAMPLE, tempDir } from './helpers';

jest.setTimeout(60_000);

function columnHeaded(sheet: ExcelJS.Worksheet, header: string, headerRow = 4): number {
  let found = 0;
  sheet.getRow(headerRow).eachCell((cell, column) => {
    if (cell.text === header) found = column;
  });
  return found;
}

function contentsOf(path: string): Record<string, string> {
  const parts = unzipSync(readFileSync(path));
  return Object.fromEntries(
    Object.entries(parts).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]),
  );
}

describe('refresh', () => {
  let tmp: ReturnType<typeof tempDir>;
  let tracker: string;
  beforeEach(() => {
    tmp = tempDir();
    tracker = tmp.path('tracker.xlsx');
    copyFileSync(EXAMPLE, tracker);
  });
  afterEach(() => tmp.cleanup());

  it('writes status columns and the three sheets to <name>-flags.xlsx, leaving the tracker as it was', async () => {
    const before = readFileSync(tracker);
    const result = await cli(['refresh', tracker, '--as-of', AS_OF_TEXT]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Refreshed 62 young people: Overdue \d+/);
    expect(result.stdout).toContain('"Pathway plan summary", "Flag details", "Review pack"');
    expect(readFileSync(tracker).equals(before)).toBe(true);

    const output = tmp.path('tracker-flags.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tracker',
      'Pathway plan summary',
      'Flag details',
      'Review pack',
    ]);

    // The overall flag written beside each young person is the one `evaluate` reports.
    const json = await cli(['evaluate', tracker, '--as-of', AS_OF_TEXT, '--json']);
    const evaluation = evaluationSchema.parse(JSON.parse(json.stdout));
    const sheet = workbook.getWorksheet('Tracker') as ExcelJS.Worksheet;
    const overallColumn = columnHeaded(sheet, 'Flag: overall');
    expect(overallColumn).toBeGreaterThan(0);
    for (const row of evaluation.rows) {
      expect(sheet.getRow(row.row).getCell(overallColumn).text).toBe(row.overall);
    }
  });

  it('gives the same workbook when the refreshed workbook is refreshed again', async () => {
    const first = tmp.path('first.xlsx');
    const second = tmp.path('second.xlsx');
    expect((await cli(['refresh', tracker, '--out', first, '--as-of', AS_OF_TEXT])).code).toBe(0);
    expect((await cli(['refresh', first, '--out', second, '--as-of', AS_OF_TEXT])).code).toBe(0);
    expect(contentsOf(second)).toEqual(contentsOf(first));
  });

  it('clears the flags of young people removed from the bottom of the tracker since the last refresh', async () => {
    const first = tmp.path('first.xlsx');
    expect((await cli(['refresh', tracker, '--out', first, '--as-of', AS_OF_TEXT])).code).toBe(0);
    // The team deletes the last three young people's details (their own columns only).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(first);
    const sheet = workbook.getWorksheet('Tracker') as ExcelJS.Worksheet;
    const overallColumn = columnHeaded(sheet, 'Flag: overall');
    const lastRow = sheet.actualRowCount;
    for (let row = lastRow - 2; row <= lastRow; row += 1) {
      for (let column = 1; column < overallColumn; column += 1)
        sheet.getRow(row).getCell(column).value = null;
    }
    await workbook.xlsx.writeFile(first);
    expect(sheet.getRow(lastRow).getCell(overallColumn).text).not.toBe('');

    const second = tmp.path('second.xlsx');
    const result = await cli(['refresh', first, '--out', second, '--as-of', AS_OF_TEXT]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Refreshed 59 young people');
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(second);
    const refreshed = after.getWorksheet('Tracker') as ExcelJS.Worksheet;
    for (let row = lastRow - 2; row <= lastRow; row += 1) {
      for (let column = overallColumn; column < overallColumn + 10; column += 1) {
        expect(refreshed.getRow(row).getCell(column).text).toBe('');
      }
    }
    expect(refreshed.getRow(lastRow - 3).getCell(overallColumn).text).not.toBe('');
  });

  it('with --in-place keeps a backup of the tracker as it was, then replaces it', async () => {
    const before = readFileSync(tracker);
    const result = await cli(['refresh', tracker, '--in-place', '--as-of', AS_OF_TEXT]);
    expect(result.code).toBe(0);
    const backups = readdirSync(tmp.dir).filter((name) => name.startsWith('tracker.backup-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(tmp.dir, backups[0])).equals(before)).toBe(true);
    expect(result.stdout).toContain(`kept as ${backups[0]}`);
    expect(Object.keys(contentsOf(tracker))).toContain('xl/worksheets/sheet2.xml');
    expect(readdirSync(tmp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refreshes a tracker kept in a Table saved by LibreOffice (no tableStyleInfo), inside the Table', async () => {
    const saved = tmp.path('lo.xlsx');
    copyFileSync(join(__dirname, '../fixtures/libreoffice-tracker.xlsx'), saved);
    const result = await cli(['refresh', saved, '--as-of', AS_OF_TEXT]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const tables = Object.entries(unzipSync(readFileSync(tmp.path('lo-flags.xlsx')))).filter(([name]) =>
      name.startsWith('xl/tables/'),
    );
    expect(tables).toHaveLength(1);
    expect(Buffer.from(tables[0][1]).toString()).toContain('name="Flag: overall"');
  });

  describe('refuses, with one sentence and exit code 2, leaving every file as it was', () => {
    async function refused(argv: string[], message: RegExp): Promise<void> {
      const before = readFileSync(tracker);
      const result = await cli(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(readFileSync(tracker).equals(before)).toBe(true);
    }

    it('--out naming the tracker itself', () =>
      refused(['refresh', tracker, '--out', tracker], /--out names the tracker itself: .*--in-place/));

    it('--out naming another kind of file', async () => {
      await refused(
        ['refresh', tracker, '--out', tmp.path('flags.csv')],
        /--out flags\.csv should end in \.xlsx/,
      );
      expect(existsSync(tmp.path('flags.csv'))).toBe(false);
    });

    it('--out and --in-place together', () =>
      refused(
        ['refresh', tracker, '--out', tmp.path('x.xlsx'), '--in-place'],
        /either --out .* or --in-place/,
      ));

    it('a CSV file', async () => {
      const csv = tmp.path('tracker.csv');
      writeFileSync(csv, 'Name,DOB\nA,01/01/2010\n');
      await refused(['refresh', csv], /not one: open it in Excel, save it as an Excel Workbook/);
    });

    it('a tracker open in Excel, when it would be updated', async () => {
      writeFileSync(tmp.path('~$tracker.xlsx'), 'owner');
      await refused(
        ['refresh', tracker, '--in-place'],
        /tracker\.xlsx looks open in Excel .*close it in Excel/,
      );
    });

    it('an output that is open in Excel', async () => {
      writeFileSync(tmp.path('~$tracker-flags.xlsx'), 'owner');
      await refused(['refresh', tracker], /tracker-flags\.xlsx looks open in Excel/);
    });

    it('an output folder that does not exist', async () => {
      await refused(
        ['refresh', tracker, '--out', tmp.path('no/such/folder/out.xlsx'), '--as-of', AS_OF_TEXT],
        /out\.xlsx could not be written \(its folder does not exist\): choose another place with --out/,
      );
      expect(existsSync(tmp.path('no'))).toBe(false);
    });

    it("a sheet of the team's with the name of one of the tool's sheets", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(EXAMPLE);
      workbook.addWorksheet('Review pack').getCell('A1').value = 'Our own review notes';
      await workbook.xlsx.writeFile(tracker);
      await refused(
        ['refresh', tracker, '--as-of', AS_OF_TEXT],
        /'Review pack' already exists and was not made by caseload-flags: rename it/,
      );
      expect(existsSync(tmp.path('tracker-flags.xlsx'))).toBe(false);
    });

    it('a tracker sheet protected against editing', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(EXAMPLE);
      await (workbook.getWorksheet('Tracker') as ExcelJS.Worksheet).protect('secret', {});
      await workbook.xlsx.writeFile(tracker);
      await refused(['refresh', tracker, '--as-of', AS_OF_TEXT], /protected/i);
      expect(existsSync(tmp.path('tracker-flags.xlsx'))).toBe(false);
    });
  });
});
