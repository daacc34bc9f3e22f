/**
 * Reading a tracker file into plain rows of cells: an .xlsx workbook with ExcelJS, or a
 * CSV file with csv-parse. Values arrive as the user typed them (`RawCell`): Excel dates,
 * numbers, text, booleans; rich text, formulas (their cached result), hyperlinks and
 * error values are flattened by `toRawCell` (shared/cells.ts).
 *
 * The file is checked before it is parsed, so that the usual wrong files get a sentence a
 * social worker can act on: a password-protected workbook (Excel encrypts the whole
 * package into an OLE compound file), an old .xls, a Word document, a text file renamed.
 * Nothing here writes to the file.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type RawCell, toRawCell } from '../shared/cells';
import { UserError } from './errors';

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

async function readXlsx(bytes: Buffer, fileName: string): Promise<TrackerFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError(
      `${fileName} could not be read as an Excel workbook (it may be damaged, or another kind of file): open it in Excel and save it as .xlsx.`,
    );
  }
  const worksheets = workbook.worksheets.filter((ws) => ws.state !== 'veryHidden');
  if (worksheets.length === 0) {
    throw new UserError(
      `${fileName} is not an Excel workbook (it has no worksheets; it may be a Word or PowerPoint file): give the tracker's .xlsx file.`,
    );
  }
  const cache = new Map<string, SheetRows>();
  const worksheet = (name: string): ExcelJS.Worksheet => {
    const ws = worksheets.find((candidate) => candidate.name === name);
    if (!ws) throw new Error(`No worksheet ${name}`);
    return ws;
  };
  return {
    format: 'xlsx',
    fileName,
    sheetNames: worksheets.map((ws) => ws.name),
    hiddenSheetNames: worksheets.filter((ws) => ws.state === 'hidden').map((ws) => ws.name),
    sheet(name) {
      let sheet = cache.get(name);
      if (!sheet) {
        sheet = { name, rows: worksheetRows(worksheet(name)) };
        cache.set(name, sheet);
      }
      return sheet;
    },
    head(name, count) {
      const cached = cache.get(name);
      if (cached) return cached.rows.slice(0, count);
      const ws = worksheet(name);
      const rows: RawCell[][] = [];
      for (let r = 1; r <= Math.min(count, ws.rowCount); r += 1) {
        const row = ws.findRow(r);
        rows.push(row ? rowCells(row) : []);
      }
      return rows;
    },
  };
}

/** One row's cells, column A first. */
function rowCells(row: ExcelJS.Row): RawCell[] {
  // `row.values` is sparse and 1-based: index 1 is column A.
  const values = row.values as readonly unknown[];
  const cells: RawCell[] = new Array<RawCell>(Math.max(0, values.length - 1));
  for (let c = 1; c < values.length; c += 1) cells[c - 1] = excelValue(values[c]);
  return cells;
}

/** All rows with something in them; rows in between are empty arrays. */
function worksheetRows(ws: ExcelJS.Worksheet): RawCell[][] {
  const rows: RawCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    rows[rowNumber - 1] = rowCells(row);
  });
  for (let i = 0; i < rows.length; i += 1) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

/** ExcelJS value → RawCell; a hyperlink whose text is itself rich text is unwrapped first. */
function excelValue(value: unknown): RawCell {
  if (value !== null && typeof value === 'object' && 'hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (text !== null && typeof text === 'object') return toRawCell(text);
  }
  return toRawCell(value);
}

// ---------------------------------------------------------------------------------------
// CSV

function readCsv(bytes: Buffer, fileName: string): TrackerFile {
  let records: string[][];
  try {
    records = parseCsv(decodeText(bytes), {
      bom: true,
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
 * UTF-8 (with or without a BOM); Excel's plain "CSV" export on Windows is Windows-1252.
 * (iconv-lite, because Node 20's TextDecoder reads windows-1252 as Latin-1: ’ and € go wrong.)
 */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}
