/**
 * Workbooks as LibreOffice saves them (a Table without tableStyleInfo, a chart, a pivot
 * table and its cache, comments, custom properties), and the written workbooks opened for
 * real in LibreOffice: rendered to PDF and PNG, the status colours must show.
 *
 * `test/fixtures/libreoffice-tracker.xlsx` is made by `test/fixtures/make_lo_workbook.py`.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PNG } from 'pngjs';
import { applyWritePlan, readLayout, WorkbookProblem } from '../../cli/xlsx';
import { makeTracker } from '../fixtures/workbooks';
import { changedParts, partsOf, sameBytes, textOf } from './inspect';
import { trackerPlan } from './plans';

const LO_FIXTURE = join(__dirname, '../fixtures/libreoffice-tracker.xlsx');
const ROWS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
const position = { sheetName: 'Tracker', headerRow: 3, dataRows: ROWS };

function loPlan(input: Uint8Array) {
  const layout = readLayout(input, position);
  return trackerPlan({
    sheetName: 'Tracker',
    headerRow: 3,
    rows: ROWS,
    firstColumn: layout.previousBlock?.firstColumn ?? layout.lastUsedColumn + 1,
    table: layout.table?.name ?? null,
  });
}

describe('a tracker saved by LibreOffice', () => {
  const input = new Uint8Array(readFileSync(LO_FIXTURE));

  it('is read: its Table has no tableStyleInfo, and the dashboard sheet is listed', () => {
    expect(textOf(input, 'xl/tables/table1.xml')).not.toContain('tableStyleInfo');
    const layout = readLayout(input, position);
    expect(layout.table).toEqual({ name: 'Caseload', firstColumn: 1, lastColumn: 6 });
    expect(layout.headers).toEqual([
      'Name',
      'Child ID',
      'Social worker',
      'Date of birth',
      'Last review',
      'Age (years)',
    ]);
    expect(layout.lastUsedColumn).toBe(6);
    expect(layout.sheets.map((s) => s.name)).toEqual(['Tracker', 'Dashboard']);
  });

  it('keeps the chart, the pivot table and its cache, comments and custom properties byte for byte', () => {
    const output = applyWritePlan(input, loPlan(input));
    const before = partsOf(input);
    const after = partsOf(output);
    const kept = Object.keys(before).filter((p) =>
      /chart|pivot|drawing|comments|custom|core|app\.xml|sheet2/.test(p),
    );
    expect(kept.length).toBeGreaterThanOrEqual(12);
    for (const path of kept) expect(sameBytes(before[path], after[path])).toBe(true);
    expect(changedParts(input, output)).toEqual(
      [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/styles.xml',
        'xl/tables/table1.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet3.xml',
      ].sort(),
    );
    const table = textOf(output, 'xl/tables/table1.xml');
    expect(table).toContain('ref="A3:M13"');
    expect(table).toContain('<autoFilter ref="A3:M13">');
    // a refresh of the refreshed workbook changes nothing
    expect(sameBytes(applyWritePlan(output, loPlan(output)), output)).toBe(true);
  });

  it('refuses a pivot table as the tracker', () => {
    const attempt = (): unknown =>
      readLayout(input, { sheetName: 'Dashboard', headerRow: 23, dataRows: [24, 25, 26] });
    expect(attempt).toThrow(WorkbookProblem);
    expect(attempt).toThrow(/pivot table \(A23:B26\)/);
  });
});

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const soffice = hasSoffice();
if (!soffice) {
  console.warn(
    'SKIPPED: LibreOffice rendering tests need `soffice` and `pdftoppm` (apt-get install libreoffice-calc-nogui poppler-utils)',
  );
}
const renderIt = soffice ? it : it.skip;

/** Pixels of each colour across every page of the workbook rendered by LibreOffice. */
function renderColours(xlsx: Uint8Array, colours: readonly string[]): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-render-'));
  try {
    writeFileSync(join(dir, 'book.xlsx'), xlsx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'book.xlsx'),
      ],
      { stdio: 'ignore', timeout: 90_000 },
    );
    execFileSync('pdftoppm', ['-png', '-r', '80', join(dir, 'book.pdf'), join(dir, 'page')], {
      timeout: 60_000,
    });
    const counts = new Map(colours.map((c) => [c, 0]));
    const wanted = colours.map(
      (c) =>
        [c, parseInt(c.slice(0, 2), 16), parseInt(c.slice(2, 4), 16), parseInt(c.slice(4, 6), 16)] as const,
    );
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const png = PNG.sync.read(readFileSync(join(dir, page)));
      for (let i = 0; i < png.data.length; i += 4) {
        for (const [hex, r, g, b] of wanted) {
          if (
            Math.abs(png.data[i] - r) <= 2 &&
            Math.abs(png.data[i + 1] - g) <= 2 &&
            Math.abs(png.data[i + 2] - b) <= 2
          ) {
            counts.set(hex, (counts.get(hex) ?? 0) + 1);
          }
        }
      }
    }
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FILLS = ['F4CCCC', 'FCE5CD', 'D9EAD3', 'D9D2E9'];

describe('the written workbook opened in LibreOffice', () => {
  renderIt(
    'shows the status colours of the conditional formats (Excel-style workbook)',
    async () => {
      const input = await makeTracker({ table: true });
      const before = renderColours(input, FILLS);
      const output = applyWritePlan(input, loPlan(input));
      const after = renderColours(output, FILLS);
      for (const fill of FILLS) {
        expect(before.get(fill)).toBe(0);
        expect(after.get(fill)).toBeGreaterThan(200);
      }
    },
    180_000,
  );

  renderIt(
    'shows the status colours in a LibreOffice workbook with a chart and a pivot table',
    () => {
      const input = new Uint8Array(readFileSync(LO_FIXTURE));
      const after = renderColours(applyWritePlan(input, loPlan(input)), FILLS);
      for (const fill of FILLS) expect(after.get(fill)).toBeGreaterThan(200);
    },
    180_000,
  );
});
