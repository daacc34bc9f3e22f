import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync } from 'node:fs';
import { UserError } from '../../cli/errors';
import { readTrackerFile } from '../../cli/readWorkbook';
import { tempDir, utc, writeText, writeWorkbook } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function expectUserError(path: string, message: RegExp): Promise<void> {
  const attempt = readTrackerFile(path);
  await expect(attempt).rejects.toBeInstanceOf(UserError);
  await expect(readTrackerFile(path)).rejects.toThrow(message);
}

describe('reading an .xlsx workbook', () => {
  it('turns every ExcelJS value shape into a plain cell', async () => {
    const path = tmp.path('shapes.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tracker');
    sheet.getCell('A1').value = 'text';
    sheet.getCell('B1').value = 42;
    sheet.getCell('C1').value = utc(2026, 4, 3);
    sheet.getCell('D1').value = true;
    sheet.getCell('E1').value = { richText: [{ text: '03/' }, { font: { bold: true }, text: '04/2026' }] };
    sheet.getCell('F1').value = { formula: 'B1+1', result: 43 };
    sheet.getCell('G1').value = { formula: 'C1+1', result: utc(2026, 4, 4) };
    sheet.getCell('H1').value = { text: 'Case notes', hyperlink: 'https://example.org/case' };
    sheet.getCell('I1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    sheet.getCell('J1').value = { formula: 'B1*2' } as ExcelJS.CellFormulaValue; // never calculated
    sheet.getCell('B3').value = 'below a gap';
    await workbook.xlsx.writeFile(path);

    const file = await readTrackerFile(path);
    expect(file.format).toBe('xlsx');
    expect(file.sheetNames).toEqual(['Tracker']);
    const rows = file.sheet('Tracker').rows;
    expect(rows[0]).toEqual([
      'text',
      42,
      utc(2026, 4, 3),
      true,
      '03/04/2026',
      43,
      utc(2026, 4, 4),
      'Case notes',
      { unreadable: true },
      { unreadable: true }, // a formula never calculated: something is there, but nothing to read
    ]);
    expect(rows[1]).toEqual([]); // the empty row 2 keeps its place
    expect(rows[2]).toEqual([null, 'below a gap']); // row 3, column B
  });

  it('lists the sheets in workbook order', async () => {
    const path = await writeWorkbook(tmp.path('sheets.xlsx'), [
      { name: 'Dashboard', rows: [['Summary']] },
      { name: 'CLA tracker', rows: [['Name', 'DOB']] },
    ]);
    const file = await readTrackerFile(path);
    expect(file.sheetNames).toEqual(['Dashboard', 'CLA tracker']);
    expect(file.sheet('CLA tracker').rows).toEqual([['Name', 'DOB']]);
  });
});

describe('reading a CSV file', () => {
  it('keeps every cell as text, blanks as null, quoted commas inside cells', async () => {
    const path = writeText(
      tmp.path('tracker.csv'),
      '\uFEFFName,DOB,Notes\r\n"Smith, Jo",03/04/2010,"said ""hi"""\r\nAl B.,,\r\n',
    );
    const file = await readTrackerFile(path);
    expect(file.format).toBe('csv');
    expect(file.sheetNames).toEqual(['tracker']);
    expect(file.sheet('tracker').rows).toEqual([
      ['Name', 'DOB', 'Notes'],
      ['Smith, Jo', '03/04/2010', 'said "hi"'],
      ['Al B.', null, null],
    ]);
  });

  it('reads a Windows-1252 export (Excel\'s plain "CSV")', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Name,Placement\r\nZo\u00eb K.,Children', 'latin1'),
      Buffer.from([0x92]), // right single quotation mark in Windows-1252
      Buffer.from('s home\r\n', 'latin1'),
    ]);
    const file = await readTrackerFile(writeText(tmp.path('cp1252.csv'), bytes));
    expect(file.sheet('cp1252').rows[1]).toEqual(['Zoë K.', 'Children’s home']);
  });

  it('reads a semicolon-separated export (Excel where the decimal mark is a comma)', async () => {
    const path = writeText(tmp.path('semi.csv'), 'Name;DOB;Notes\r\n"Smith; Jo";03/04/2010;"a, b"\r\n');
    expect((await readTrackerFile(path)).sheet('semi').rows).toEqual([
      ['Name', 'DOB', 'Notes'],
      ['Smith; Jo', '03/04/2010', 'a, b'],
    ]);
  });

  it('reads a tab-separated UTF-16 export (Excel\'s "Unicode Text"), either byte order', async () => {
    const text = 'Name\tDOB\tPlacement\r\nZoë K.\t03/04/2010\tChildren’s home\r\n';
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const big = Buffer.from(little);
    big.swap16();
    for (const [name, bytes] of [
      ['le.csv', little],
      ['be.csv', big],
    ] as const) {
      expect((await readTrackerFile(writeText(tmp.path(name), bytes))).sheet(name.slice(0, 2)).rows).toEqual([
        ['Name', 'DOB', 'Placement'],
        ['Zoë K.', '03/04/2010', 'Children’s home'],
      ]);
    }
  });
});

describe('files that are not a readable tracker', () => {
  it('a missing file', async () => {
    await expectUserError(
      tmp.path('nope.xlsx'),
      /^There is no file .*nope\.xlsx: check the file name and folder\.$/,
    );
  });

  it('a folder', async () => {
    mkdirSync(tmp.path('folder.xlsx'));
    await expectUserError(tmp.path('folder.xlsx'), /is a folder/);
  });

  it('a password-protected workbook (an encrypted package in an OLE compound file)', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1152);
    await expectUserError(
      writeText(tmp.path('locked.xlsx'), ole),
      /^locked\.xlsx is protected with a password: save a copy without a password/,
    );
  });

  it('an old .xls workbook (OLE without encryption)', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('Workbook', 'utf16le').copy(ole, 1024);
    await expectUserError(
      writeText(tmp.path('old.xls'), ole),
      /old-style Excel file \(\.xls\): .*save it as .*\.xlsx/,
    );
  });

  it('a Word document renamed .xlsx', async () => {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    zip.file('word/document.xml', '<w:document/>');
    const path = writeText(tmp.path('letter.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expectUserError(path, /^letter\.xlsx is not an Excel workbook \(it has no worksheets/);
  });

  it('an OpenDocument spreadsheet, named .ods or renamed .xlsx', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    zip.file('content.xml', '<office:document-content/>');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    for (const name of ['tracker.ods', 'tracker.xlsx']) {
      await expectUserError(
        writeText(tmp.path(name), bytes),
        new RegExp(
          `^${name.replace('.', '\\.')} is an OpenDocument spreadsheet .* save it as an Excel Workbook \\(\\.xlsx\\)`,
        ),
      );
    }
  });

  it('a text file renamed .xlsx', async () => {
    await expectUserError(
      writeText(tmp.path('notes.xlsx'), 'Name,DOB\nAl,01/01/2010\n'),
      /^notes\.xlsx is not an Excel workbook: give an \.xlsx file/,
    );
  });

  it('a damaged zip', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    await expectUserError(
      writeText(tmp.path('broken.xlsx'), bytes),
      /could not be read as an Excel workbook/,
    );
  });
});

describe('reading only the top of a sheet', () => {
  it('head() gives the first rows as sheet() does, without the rest', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`r${i + 1}`, i + 1]);
    rows[2] = []; // an empty row 3
    const path = await writeWorkbook(tmp.path('long.xlsx'), [{ name: 'Long', rows }]);
    const file = await readTrackerFile(path);
    const head = file.head('Long', 5);
    expect(head).toEqual([['r1', 1], ['r2', 2], [], ['r4', 4], ['r5', 5]]);
    expect(file.sheet('Long').rows.slice(0, 5)).toEqual(head);
    expect(file.sheet('Long').rows).toHaveLength(50);
  });
});
