/**
 * Test helpers for the CLI: an in-memory Io, and small workbooks written with ExcelJS to a
 * temporary folder.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromYmd } from '../../shared/dates/calendar';
import { run, type Io } from '../../cli/main';

export const REPO = join(__dirname, '..', '..');
export const EXAMPLE = join(REPO, 'examples', 'tracker.xlsx');
export const AS_OF_TEXT = '2026-11-23';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function memoryIo(overrides: Partial<Io> = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    env: {},
    cwd: REPO,
    today: () => fromYmd(2026, 11, 23),
    ...overrides,
  };
}

/** Runs the CLI in-process and returns its exit code and output. */
export async function cli(argv: readonly string[], overrides: Partial<Io> = {}): Promise<Captured> {
  const io = memoryIo(overrides);
  const code = await run(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** A temporary folder, removed by the returned cleanup function. */
export function tempDir(): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'caseload-flags-cli-'));
  return {
    dir,
    path: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function writeText(path: string, text: string | Buffer): string {
  writeFileSync(path, text);
  return path;
}

/** A worksheet as rows of ExcelJS cell values (row 1 first). */
export type SheetSpec = { name: string; rows: ExcelJS.CellValue[][]; hidden?: boolean };

export async function writeWorkbook(path: string, sheets: SheetSpec[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    spec.rows.forEach((cells, r) => {
      cells.forEach((value, c) => {
        if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
      });
    });
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

/** UTC midnight, as ExcelJS hands dates over */
export function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** A small tracker: headers on row 1, three young people. */
export const SMALL_TRACKER: ExcelJS.CellValue[][] = [
  ['Name', 'DOB', 'Date became looked after', 'Last review', 'Last visit', 'Dental check'],
  ['Amy A.', utc(2015, 3, 1), utc(2026, 11, 2), null, utc(2026, 11, 5), null],
  ['Bo B.', utc(2014, 7, 9), utc(2026, 1, 5), utc(2026, 1, 30), utc(2026, 11, 2), utc(2025, 12, 1)],
  ['Cy C.', '05/2012', utc(2020, 1, 1), 'N/A', utc(2026, 10, 19), utc(2026, 5, 12)],
];
