import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import { applyWritePlan, readLayout, WorkbookProblem } from '../../cli/xlsx';
import type { WritePlan } from '../../shared/writePlan/types';
import {
  DATA_ROWS,
  HEADER_ROW,
  HEADERS,
  makeMacroTracker,
  makeTracker,
  rezip,
  TRACKER_SHEET,
} from '../fixtures/workbooks';
import { cellsOf, changedParts, partsOf, sameBytes, sharedStrings, styleList, textOf } from './inspect';
import { trackerPlan } from './plans';

const TRACKER_PART = 'xl/worksheets/sheet1.xml';
const position = { sheetName: TRACKER_SHEET, headerRow: HEADER_ROW, dataRows: DATA_ROWS };

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function planFor(input: Uint8Array, extra: Partial<Parameters<typeof trackerPlan>[0]> = {}): WritePlan {
  const layout = readLayout(input, position);
  return trackerPlan({
    sheetName: TRACKER_SHEET,
    headerRow: HEADER_ROW,
    rows: DATA_ROWS,
    firstColumn: layout.previousBlock?.firstColumn ?? layout.lastUsedColumn + 1,
    table: layout.table?.name ?? null,
    ...extra,
  });
}

describe.each([
  ['a plain range', false],
  ['an Excel Table', true],
])('refreshing a tracker that is %s', (_label, table) => {
  let input: Uint8Array;
  let plan: WritePlan;
  let output: Uint8Array;

  beforeAll(async () => {
    input = await makeTracker({ table });
    plan = planFor(input);
    output = applyWritePlan(input, plan);
  });

  it('reads the layout of the workbook as it is', () => {
    const layout = readLayout(input, position);
    expect(layout.headers).toEqual(HEADERS);
    expect(layout.lastUsedColumn).toBe(6);
    expect(layout.previousBlock).toBeNull();
    expect(layout.table).toEqual(table ? { name: 'Caseload', firstColumn: 1, lastColumn: 6 } : null);
    expect(layout.sheets).toEqual([
      { name: 'Tracker', toolKey: null },
      { name: 'Lists', toolKey: null },
    ]);
  });

  it('changes only the parts it must; every other part keeps its bytes', () => {
    const allowed = new Set([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      TRACKER_PART,
      'xl/worksheets/sheet3.xml',
      ...(table ? ['xl/tables/table1.xml'] : []),
    ]);
    const changed = changedParts(input, output);
    expect(changed.filter((p) => !allowed.has(p))).toEqual([]);
    // the parts that matter most to teams are there and untouched
    const before = partsOf(input);
    const after = partsOf(output);
    for (const path of [
      'docProps/custom.xml',
      'xl/worksheets/sheet2.xml',
      'xl/media/image1.png',
      'xl/drawings/drawing1.xml',
      'docProps/core.xml',
    ]) {
      expect(after[path]).toBeDefined();
      expect(sameBytes(before[path], after[path])).toBe(true);
    }
    // comments, their drawing and the sheet's other relationships are untouched
    for (const path of Object.keys(before).filter(
      (p) => !p.endsWith('/') && /comments|vmlDrawing|worksheets\/_rels\/sheet/.test(p),
    )) {
      expect(sameBytes(before[path], after[path])).toBe(true);
    }
  });

  it('keeps every original cell of the tracker exactly as written (value, formula, style)', () => {
    const before = cellsOf(textOf(input, TRACKER_PART));
    const after = cellsOf(textOf(output, TRACKER_PART));
    expect(before.size).toBeGreaterThan(60);
    for (const [ref, xml] of before) expect(after.get(ref)).toBe(xml);
    // and the only new cells are in the tool's block, in the header row and the data rows
    const added = [...after.keys()].filter((ref) => !before.has(ref));
    const planned = plan.tracker.columns.reduce((n, c) => n + c.values.filter((v) => v !== null).length, 0);
    expect(added.length).toBe(plan.tracker.columns.length + planned);
    for (const ref of added) {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
      expect(col >= 'G' && col <= 'M').toBe(true);
      expect([HEADER_ROW, ...DATA_ROWS]).toContain(Number(row));
    }
  });

  it('keeps the rest of the tracker sheet: merges, validation, hidden rows and columns, filter, panes, user formats', () => {
    const before = textOf(input, TRACKER_PART);
    const after = textOf(output, TRACKER_PART);
    for (const re of [
      /<mergeCells[\s\S]*?<\/mergeCells>/,
      /<dataValidations[\s\S]*?<\/dataValidations>/,
      /<sheetViews>[\s\S]*?<\/sheetViews>/,
      /<autoFilter[^>]*>/,
      /<legacyDrawing[^>]*>/,
      /<tableParts[\s\S]*?<\/tableParts>/,
    ]) {
      expect(after.match(re)?.[0]).toBe(before.match(re)?.[0]);
    }
    // rows keep every attribute (only the optional `spans` hint widens over the new cells)
    const rowTags = (xml: string): string[] =>
      (xml.match(/<row [^>]*>/g) ?? []).map((t) => t.replace(/ spans="[^"]*"/, ''));
    expect(rowTags(after)).toEqual(rowTags(before));
    expect(before.match(/<row r="8"[^>]*>/)?.[0]).toContain('hidden="1"');
    // the team's own conditional format is still there, first, with its own priority
    const userFormat = before.match(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/)?.[0] as string;
    expect(after).toContain(userFormat);
    expect(after.indexOf(userFormat)).toBeLessThan(after.indexOf('sqref="G4:G13"'));
    // the user's column ranges keep their widths; the hidden column is still hidden
    const hiddenCol = before.match(/<col min="3" max="3"[^>]*>/)?.[0];
    expect(hiddenCol).toContain('hidden="1"');
    expect(after).toContain(hiddenCol);
    expect(after).toContain('<col min="8" max="8" width="40" customWidth="1"/>');
  });

  it('writes status words, literal text and real dates, read back by ExcelJS', async () => {
    const wb = await loadExcelJs(output);
    const ws = wb.getWorksheet(TRACKER_SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell('G3').value).toBe('Overall flag');
    expect(ws.getCell('M3').value).toBe('pep due');
    expect(ws.getCell('G4').value).toBe('Overdue');
    expect(ws.getCell('H5').value).toBe('=SUM(A1:A2) is not a formula');
    expect(ws.getCell('H5').formula).toBeUndefined();
    expect(ws.getCell('H4').value).toBe('Review <due> & "soon" #0');
    expect(ws.getCell('I4').value).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(ws.getCell('I4').numFmt).toBe('dd/mm/yyyy');
    // original cells read the same as before
    const original = (await loadExcelJs(input)).getWorksheet(TRACKER_SHEET) as ExcelJS.Worksheet;
    for (let r = 1; r <= 16; r++) {
      for (let c = 1; c <= 6; c++) {
        const a = original.getCell(r, c);
        const b = ws.getCell(r, c);
        expect([b.value, b.formula, b.numFmt, b.style.font?.bold]).toEqual([
          a.value,
          a.formula,
          a.numFmt,
          a.style.font?.bold,
        ]);
      }
    }
    expect(ws.getCell('B4').value).toBe('001000');
  });

  it('only appends to styles and shared strings', () => {
    const before = textOf(input, 'xl/styles.xml');
    const after = textOf(output, 'xl/styles.xml');
    for (const list of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const a = styleList(before, list);
      const b = styleList(after, list);
      expect(b.slice(0, a.length)).toEqual(a);
    }
    expect(styleList(after, 'dxfs').length).toBe(styleList(before, 'dxfs').length + 4);
    expect(after).toMatch(/<numFmt numFmtId="\d+" formatCode="dd\/mm\/yyyy"\/>/);
    const sstBefore = sharedStrings(input);
    const sstAfter = sharedStrings(output);
    expect(sstAfter.slice(0, sstBefore.length)).toEqual(sstBefore);
    expect(sstAfter.length).toBe(sstBefore.length + 7);
  });

  it('colours the status columns with expression rules on the status word, with appended fills', () => {
    const after = textOf(output, TRACKER_PART);
    const rules = after.match(
      /<conditionalFormatting sqref="G4:G13">[\s\S]*?<\/conditionalFormatting>/,
    )?.[0] as string;
    expect(rules).toContain('<formula>OR(G4="Overdue",G4="Action needed")</formula>');
    expect(rules).not.toContain('containsText');
    const dxfs = styleList(textOf(output, 'xl/styles.xml'), 'dxfs');
    const id = Number(/dxfId="(\d+)"/.exec(rules)?.[1]);
    expect(dxfs[id]).toContain('FFF4CCCC');
    // priorities unique across the sheet
    const priorities = [...after.matchAll(/priority="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it('is idempotent: the same plan on its own output gives the same file and the same layout', () => {
    const again = applyWritePlan(output, plan);
    expect(sameBytes(again, output)).toBe(true);
    const layout = readLayout(output, position);
    expect(layout.previousBlock).toEqual({
      firstColumn: 7,
      lastColumn: 13,
      lastRow: plan.tracker.rows[plan.tracker.rows.length - 1],
    });
    expect(layout.lastUsedColumn).toBe(13);
    expect(layout.headers.slice(6)).toEqual(plan.tracker.columns.map((c) => c.header));
    expect(layout.sheets).toEqual([
      { name: 'Tracker', toolKey: null },
      { name: 'Lists', toolKey: null },
      { name: 'Flag summary', toolKey: 'summary' },
    ]);
    if (table) expect(layout.table).toEqual({ name: 'Caseload', firstColumn: 1, lastColumn: 13 });
    // a plan built from the refreshed layout is the same plan
    expect(planFor(output)).toEqual(plan);
  });

  it('refreshes in place with new results and fewer columns: old cells and formats cleared, nothing duplicated', async () => {
    const narrower = planFor(output, {
      rules: ['cla-review'],
      shift: 3,
      clearColumns: { firstColumn: 12, lastColumn: 13 },
    });
    const refreshed = applyWritePlan(output, narrower);
    const xml = textOf(refreshed, TRACKER_PART);
    const cells = cellsOf(xml);
    expect([...cells.keys()].filter((r) => /^[LM]\d+$/.test(r))).toEqual([]);
    expect(xml).not.toContain('sqref="L4:L13"');
    expect(xml.match(/sqref="G4:G13"/g)?.length).toBe(1);
    const wb = textOf(refreshed, 'xl/workbook.xml');
    expect(wb.match(/name="CaseloadFlags_Columns"/g)?.length).toBe(1);
    // the columns marker spans the block from the header row to the last data row
    expect(wb).toContain("'Tracker'!$G$3:$K$13");
    expect(wb.match(/<sheet /g)?.length).toBe(3);
    expect(Object.keys(partsOf(refreshed)).filter((p) => p.startsWith('xl/worksheets/sheet')).length).toBe(3);
    // original cells still untouched after two refreshes
    const original = cellsOf(textOf(input, TRACKER_PART));
    for (const [ref, cell] of original) expect(cells.get(ref)).toBe(cell);
    const exceljs = (await loadExcelJs(refreshed)).getWorksheet(TRACKER_SHEET) as ExcelJS.Worksheet;
    expect(exceljs.getCell('G4').value).toBe('Check data');
    if (table) {
      const t = textOf(refreshed, 'xl/tables/table1.xml');
      expect(t).toContain('ref="A3:K13"');
      expect(t.match(/<tableColumn /g)?.length).toBe(11);
    }
  });
});

describe('the Excel Table holding the tracker', () => {
  it('is extended over the tool columns with unique ids and names matching the header cells', async () => {
    const input = await makeTracker({ table: true });
    const output = applyWritePlan(input, planFor(input));
    const xml = textOf(output, 'xl/tables/table1.xml');
    expect(xml).toMatch(/<table [^>]*ref="A3:M13"/);
    expect(xml).toMatch(/<autoFilter ref="A3:M13"/);
    expect(xml).toContain('<tableStyleInfo name="TableStyleMedium2"');
    const ids = [...xml.matchAll(/<tableColumn id="(\d+)" name="([^"]*)"/g)];
    expect(new Set(ids.map((m) => m[1])).size).toBe(13);
    expect(ids.slice(6).map((m) => m[2])).toEqual([
      'Overall flag',
      'Next action',
      'Next action due',
      'cla-review status',
      'cla-review due',
      'pep status',
      'pep due',
    ]);
    expect(xml).toContain('<tableColumns count="13">');
    // ExcelJS sees a 13-column table
    const wb = await loadExcelJs(output);
    const tableModel = (wb.getWorksheet(TRACKER_SHEET) as ExcelJS.Worksheet).getTable(
      'Caseload',
    ) as unknown as { table: { columns: unknown[] } };
    expect(tableModel.table.columns.length).toBe(13);
  });

  it('refuses a tool column named like one of the team\u2019s table columns', async () => {
    const input = await makeTracker({ table: true });
    const plan = planFor(input);
    const clash: WritePlan = {
      ...plan,
      tracker: {
        ...plan.tracker,
        columns: plan.tracker.columns.map((c, j) => (j === 0 ? { ...c, header: 'name' } : c)),
      },
    };
    expect(() => applyWritePlan(input, clash)).toThrow(/already has a column called 'name'/);
  });
});

describe('the tool sheets and their markers', () => {
  let input: Uint8Array;
  let output: Uint8Array;
  beforeAll(async () => {
    input = await makeTracker();
    output = applyWritePlan(input, planFor(input, { withReviewPack: true }));
  });

  it('writes each sheet with merges, frozen rows, widths, print setup, breaks, formats and filter', () => {
    const xml = textOf(output, 'xl/worksheets/sheet3.xml');
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0" orientation="landscape"/);
    expect(xml).toContain('<mergeCell ref="A1:E1"/>');
    expect(xml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<col min="1" max="1" width="24" customWidth="1"/>');
    expect(xml).toContain('<brk id="9" max="16383" man="1"/>');
    expect(xml).toContain('<autoFilter ref="A3:E15"/>');
    expect(xml).toContain('<formula>OR(E4="Overdue",E4="Action needed")</formula>');
    expect(xml).toContain('<is><t>-1 is text, +44 too, @home too</t></is>');
    const wb = textOf(output, 'xl/workbook.xml');
    expect(wb).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'Flag summary\'!$3:$3</definedName>',
    );
    expect(wb).toContain(
      '<definedName name="CaseloadFlags_Summary" hidden="1">\'Flag summary\'!$A$1</definedName>',
    );
    expect(wb).toContain(
      '<definedName name="CaseloadFlags_ReviewPack" hidden="1">\'Review pack\'!$A$1</definedName>',
    );
    expect(wb).toContain('<definedName name="Workers">Lists!$A$2:$A$3</definedName>');
    expect(textOf(output, '[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet4.xml"');
  });

  it('makes rows with wrapped text as high as their lines, and leaves the others to the default', () => {
    const plan = planFor(input, { withReviewPack: true });
    const [first, ...rest] = plan.sheets;
    const tall = { ...plan, sheets: [{ ...first, tallRows: [{ row: 3, lines: 2 }] }, ...rest] };
    const xml = textOf(applyWritePlan(input, tall), 'xl/worksheets/sheet3.xml');
    expect(xml).toContain('<row r="3" ht="30" customHeight="1">');
    expect(xml).toContain('<row r="4">');
  });

  it('gives cells the looks of the vocabulary, dates as dd/mm/yyyy, read back by ExcelJS', async () => {
    const wb = await loadExcelJs(output);
    const ws = wb.getWorksheet('Flag summary') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('Caseload flags');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.italic).toBe(true);
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('D4').value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(ws.getCell('D4').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B5').value).toBe(1);
    expect(ws.getCell('A18').alignment?.wrapText).toBe(true);
  });

  it('recognises its sheet after the user renamed it, and rewrites it in place', () => {
    // as Excel does on a rename: the sheet and the names pointing at it change
    const parts = partsOf(output);
    const wb = textOf(output, 'xl/workbook.xml').replace(/Flag summary/g, 'Our flags');
    const renamed = rezip({ ...parts, 'xl/workbook.xml': strToU8(wb) });
    const layout = readLayout(renamed, position);
    expect(layout.sheets.find((s) => s.name === 'Our flags')?.toolKey).toBe('summary');
    const next = applyWritePlan(
      renamed,
      planFor(renamed, { withReviewPack: true, summaryName: 'Our flags' }),
    );
    const after = textOf(next, 'xl/workbook.xml');
    expect(after.match(/<sheet /g)?.length).toBe(4);
    expect(after).toContain('name="Our flags" sheetId="3"');
    expect(after.match(/_xlnm.Print_Titles/g)?.length).toBe(2);
  });

  it('never overwrites a sheet of the user that has a tool sheet name', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(input) as unknown as ExcelJS.Buffer);
    wb.addWorksheet('Flag summary').getCell('A1').value = 'Our own notes';
    const withSheet = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(() => applyWritePlan(withSheet, planFor(withSheet))).toThrow(WorkbookProblem);
    expect(() => applyWritePlan(withSheet, planFor(withSheet))).toThrow(
      /already has a sheet called 'Flag summary'/,
    );
  });
});

describe('a macro-enabled workbook (.xlsm)', () => {
  it('keeps its VBA project and its macro-enabled content type', async () => {
    const input = await makeMacroTracker();
    const output = applyWritePlan(input, planFor(input));
    expect(sameBytes(partsOf(input)['xl/vbaProject.bin'], partsOf(output)['xl/vbaProject.bin'])).toBe(true);
    const types = textOf(output, '[Content_Types].xml');
    expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(textOf(output, 'xl/_rels/workbook.xml.rels')).toContain('Target="vbaProject.bin"');
  });
});

describe('workbooks the tool must not write into', () => {
  const problem = (fn: () => unknown): WorkbookProblem => {
    try {
      fn();
    } catch (e) {
      if (e instanceof WorkbookProblem) return e;
      throw e;
    }
    throw new Error('no problem reported');
  };

  it('a password-protected workbook, an old .xls, or not a workbook at all', () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = new Uint8Array(cfb);
    encrypted.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    expect(problem(() => readLayout(encrypted, position)).kind).toBe('encrypted');
    expect(problem(() => readLayout(encrypted, position)).message).toMatch(/password/);
    expect(problem(() => readLayout(cfb, position)).kind).toBe('old-format');
    expect(problem(() => readLayout(strToU8('Name,Date\nA,1'), position)).kind).toBe('not-a-workbook');
  });

  it('a tracker sheet that does not exist', async () => {
    const input = await makeTracker();
    const p = problem(() => readLayout(input, { ...position, sheetName: 'Caseload' }));
    expect(p.kind).toBe('no-such-sheet');
    expect(p.message).toContain("'Tracker', 'Lists'");
  });

  it('a protected tracker sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await makeTracker()) as unknown as ExcelJS.Buffer);
    await (wb.getWorksheet(TRACKER_SHEET) as ExcelJS.Worksheet).protect('', {});
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(problem(() => readLayout(input, position)).kind).toBe('sheet-protected');
    expect(problem(() => applyWritePlan(input, planFor(input, {}))).kind).toBe('sheet-protected');
  });

  it('merged cells among the tracker rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await makeTracker()) as unknown as ExcelJS.Buffer);
    (wb.getWorksheet(TRACKER_SHEET) as ExcelJS.Worksheet).mergeCells('B6:C6');
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = problem(() => readLayout(input, position));
    expect(p.kind).toBe('merged-cells');
    expect(p.message).toContain('B6:C6');
  });

  it("the team's own data where the flag columns would go", async () => {
    const input = await makeTracker();
    const plan = trackerPlan({
      sheetName: TRACKER_SHEET,
      headerRow: HEADER_ROW,
      rows: DATA_ROWS,
      firstColumn: 6,
    });
    const p = problem(() => applyWritePlan(input, plan));
    expect(p.kind).toBe('name-taken');
    expect(p.message).toContain('F3');
  });
});

describe('a row that is no longer a young person', () => {
  it('loses the flags of the last refresh, and keeps its own cells', async () => {
    const input = await makeTracker();
    const first = applyWritePlan(input, planFor(input));
    const rows = DATA_ROWS.filter((r) => r !== 7);
    const second = applyWritePlan(first, planFor(first, { rows }));
    const cells = cellsOf(textOf(second, TRACKER_PART));
    expect([...cells.keys()].filter((ref) => /^[G-M]7$/.test(ref))).toEqual([]);
    expect(cells.get('A7')).toBe(cellsOf(textOf(input, TRACKER_PART)).get('A7'));
    expect(cells.get('G8')).toContain('<t>');
  });
});
