/**
 * Reading a tracker file into plain rows of cells: an .xlsx workbook with the file
 * adapter's package reader (cli/xlsx/readValues.ts), or a CSV file with csv-parse. Values
 * arrive as the user typed them (`RawCell`): dates, numbers, text, booleans; rich text is
 * flattened, a formula gives its last calculated result, an error value is unreadable.
 *
 * The file is checked before it is parsed, so that the usual wrong files get a sentence a
 * social worker can act on: a password-protected workbook (Excel encrypts the whole
 * package into an OLE compound file), an old .xls, a Word document, a text file renamed.
 * Nothing here writes to the file.
 */
import type * as CsvParse from 'csv-parse/sync';
import type IconvLite from 'iconv-lite';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { RawCell } from '../shared/cells';
import { UserError } from './errors';
import { XlsxPackage } from './xlsx/package';
import { WorkbookProblem } from './xlsx/problems';
import { readSheetValues, valueContext, type ValueContext } from './xlsx/readValues';
import { readSheets } from './xlsx/workbook';

/** One sheet: `rows[i]` is worksheet row i + 1, `rows[i][j]` is column j + 1 (A = 0). */
export interface SheetRows {
  readonly name: string;
  readonly rows: readonly (readonly RawCell[])[];
}

export interface TrackerFile {
  readonly format: 'xlsx' | 'csv';
  /** the file name without folders, for messages */
  readonly fileName: string;
  /** in workbook order */
  readonly sheetNames: readonly string[];
  /** sheets the user has hidden (an old copy of the tracker, a lookup list) */
  readonly hiddenSheetNames: readonly string[];
  /** the rows of a sheet (converted on first use) */
  sheet(name: string): SheetRows;
  /** the .xlsx package the values were read from (null for CSV): `refresh` edits it */
  readonly workbook?: XlsxPackage;
  /** only the first `count` rows of a sheet: enough to look for the header row */
  head(name: string, count: number): readonly (readonly RawCell[])[];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an encrypted .xlsx, or an old binary .xls */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** the stream an encrypted OOXML package keeps its key data in, named in UTF-16LE in the OLE directory */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** `shownAs`: the path as the user typed it, for messages (default: the path itself). */
export async function readTrackerFile(path: string, shownAs: string = path): Promise<TrackerFile> {
  const fileName = basename(path);
  const bytes = await readBytes(path, shownAs, fileName);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (bytes.includes(ENCRYPTION_INFO)) {
      throw new UserError(
        `${fileName} is protected with a password: save a copy without a password (File > Info > Protect Workbook > Encrypt with Password, clear it) and run this on the copy.`,
      );
    }
    throw new UserError(
      `${fileName} is an old-style Excel file (.xls): open it in Excel and save it as an Excel Workbook (.xlsx), then run this on the .xlsx.`,
    );
  }
  if (startsWith(bytes, ZIP_SIGNATURE)) return readXlsx(bytes, fileName);
  if (extname(path).toLowerCase() === '.csv') return readCsv(bytes, fileName);
  throw new UserError(
    `${fileName} is not an Excel workbook: give an .xlsx file (or a .csv export of the tracker sheet).`,
  );
}

async function readBytes(path: string, shownAs: string, fileName: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UserError(`There is no file ${shownAs}: check the file name and folder.`);
    if (code === 'EISDIR') throw new UserError(`${shownAs} is a folder: give the tracker file inside it.`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UserError(
        `${fileName} cannot be opened (permission denied): copy it somewhere you can read it.`,
      );
    }
    if (code === 'EBUSY')
      throw new UserError(`${fileName} is in use by another program: close it and try again.`);
    throw error;
  }
}

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

// ---------------------------------------------------------------------------------------
// .xlsx

function notAWorkbook(fileName: string): UserError {
  return new UserError(
    `${fileName} is not an Excel workbook (it has no worksheets; it may be a Word or PowerPoint file): give the tracker's .xlsx file.`,
  );
}

/**
 * Reads values straight from the package (cli/xlsx), the same package `refresh` then edits:
 * one unzip, no model of the whole workbook (ExcelJS's full read of a 20,000-row tracker
 * takes seconds and hundreds of megabytes). Sheets are read when first asked for.
 */
function readXlsx(bytes: Buffer, fileName: string): TrackerFile {
  let workbook: XlsxPackage;
  let worksheets: { name: string; path: string; hidden: boolean }[];
  try {
    workbook = XlsxPackage.open(bytes);
    worksheets = readSheets(workbook)
      .filter((sheet) => sheet.path !== null && sheet.state !== 'veryHidden' && workbook.has(sheet.path))
      .map((sheet) => ({ name: sheet.name, path: sheet.path as string, hidden: sheet.state === 'hidden' }));
  } catch (error) {
    if (error instanceof WorkbookProblem && error.kind === 'not-a-workbook') throw notAWorkbook(fileName);
    if (error instanceof WorkbookProblem && error.kind === 'opendocument') {
      throw new UserError(
        `${fileName} is an OpenDocument spreadsheet (LibreOffice .ods), not an Excel workbook: open it in LibreOffice Calc or Excel, save it as an Excel Workbook (.xlsx), and run this on the .xlsx.`,
      );
    }
    if (error instanceof WorkbookProblem && error.kind !== 'damaged') throw error;
    throw new UserError(
      `${fileName} could not be read as an Excel workbook (it may be damaged, or another kind of file): open it in Excel and save it as .xlsx.`,
    );
  }
  if (worksheets.length === 0) throw notAWorkbook(fileName);
  let context: ValueContext | null = null;
  const cache = new Map<string, SheetRows>();
  const pathOf = (name: string): string => {
    const sheet = worksheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`No worksheet ${name}`);
    return sheet.path;
  };
  const values = (name: string, limit?: number) =>
    readSheetValues(workbook, pathOf(name), (context ??= valueContext(workbook)), limit);
  return {
    format: 'xlsx',
    fileName,
    workbook,
    sheetNames: worksheets.map((sheet) => sheet.name),
    hiddenSheetNames: worksheets.filter((sheet) => sheet.hidden).map((sheet) => sheet.name),
    sheet(name) {
      let sheet = cache.get(name);
      if (!sheet) {
        sheet = { name, rows: values(name) };
        cache.set(name, sheet);
      }
      return sheet;
    },
    head: (name, count) => cache.get(name)?.rows.slice(0, count) ?? values(name, count),
  };
}

// ---------------------------------------------------------------------------------------
// CSV

/**
 * The CSV reader and the Windows-1252 decoder are loaded when a CSV file is read: a
 * workbook needs neither, and every run of the command would otherwise load them.
 */
function csvParse(): typeof CsvParse {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('csv-parse/sync') as typeof CsvParse;
}

function iconv(): typeof IconvLite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('iconv-lite') as typeof IconvLite;
}

function readCsv(bytes: Buffer, fileName: string): TrackerFile {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = csvParse().parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new UserError(
      `${fileName} could not be read as CSV${where ? ` (near line ${where})` : ''}: export the tracker sheet from Excel again as "CSV UTF-8", or give the .xlsx file.`,
    );
  }
  // CSV holds only text: every cell is as typed, dates included ("03/04/2025").
  const rows: RawCell[][] = records.map((record) => record.map((text) => (text === '' ? null : text)));
  const name = basename(fileName, extname(fileName));
  const sheet: SheetRows = { name, rows };
  return {
    format: 'csv',
    fileName,
    sheetNames: [name],
    hiddenSheetNames: [],
    sheet: () => sheet,
    head: (_name, count) => rows.slice(0, count),
  };
}

/**
 * The separator of a CSV file, from its first line: a comma, or the semicolon of Excel's CSV
 * export where the decimal mark is a comma, or the tab of its "Unicode Text" export,
 * whichever the line has most of outside quotes.
 */
function delimiterOf(text: string): string {
  const newline = text.indexOf('\n');
  const firstLine = (newline < 0 ? text : text.slice(0, newline)).replace(/"[^"]*"/g, '');
  const count = (separator: string) => firstLine.split(separator).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return count(best) > 0 ? best : ',';
}

/**
 * UTF-8 (with or without a BOM); Excel's plain "CSV" export on Windows is Windows-1252, and
 * its "Unicode Text" export UTF-16 with a byte order mark.
 * (iconv-lite, because Node 20's TextDecoder reads windows-1252 as Latin-1: ’ and € go wrong.)
 */
function decodeText(bytes: Buffer): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv().decode(bytes, 'win1252');
  }
}
