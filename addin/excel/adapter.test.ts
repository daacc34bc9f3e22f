import { WritePlanConflict } from '../../shared/writePlan/conflicts';
import { COLUMNS_MARKER } from '../../shared/writePlan/markers';
import { DEFAULT_BUDGET_BYTES, escapeText, toCellValue } from './applyWritePlan';
import { saveMapping } from './mappingStore';
import { WorkbookProblem } from './problems';
import { detectTracker } from './readTracker';
import {
  cellOf,
  FakeContext,
  PAYLOAD_LIMIT_BYTES,
  snapshotCells,
  type WorkbookModel,
} from './testing/fakeExcel';
import { refreshWorkbook } from './testing/harness';
import { SAMPLE_HEADER_ROW, SAMPLE_HEADERS, SAMPLE_SHEET, sampleWorkbook } from './testing/sampleTracker';

function structure(model: WorkbookModel) {
  return {
    cells: snapshotCells(model),
    sheets: model.sheets.map((s) => s.name),
    names: model.names.map((n) => `${n.name}=${n.sheet}!${n.area.firstRow}:${n.area.lastColumn}`).sort(),
    formats: model.sheets.map((s) => s.conditionalFormats.length),
    merges: model.sheets.map((s) => s.merges.length),
    tables: model.tables.map((t) => ({ ...t.area })),
  };
}

describe('detecting the tracker', () => {
  it('finds the header row below the title rows and proposes the mapping in two round-trips', async () => {
    const context = new FakeContext(sampleWorkbook(20));
    const detection = await detectTracker(context);
    expect(context.syncs).toHaveLength(2);
    expect(detection.sheetName).toBe(SAMPLE_SHEET);
    expect(detection.headerRow).toBe(SAMPLE_HEADER_ROW);
    expect(detection.proposal.mapping.dateOfBirth).toBe(4);
    expect(detection.proposal.mapping.lastReviewDate).toBe(8);
    expect(detection.proposal.mapping.name).toBe(1);
    expect(detection.table).toBeNull();
    expect(detection.savedMapping).toBeNull();
  });

  it('recognises an Excel Table', async () => {
    const detection = await detectTracker(new FakeContext(sampleWorkbook(20, { table: true })));
    expect(detection.table).toEqual({
      name: 'CaseloadTable',
      firstColumn: 1,
      lastColumn: SAMPLE_HEADERS.length,
    });
  });

  it('says plainly when there is no tracker on the sheet', async () => {
    const model = sampleWorkbook(5);
    model.active = 'Team notes';
    await expect(detectTracker(new FakeContext(model))).rejects.toThrow(
      /No tracker was found on 'Team notes'/,
    );
  });

  it('uses the mapping saved in the workbook on the next run', async () => {
    const model = sampleWorkbook(10);
    // the user says "Last statutory visit" is not the visit date, and names the review column themselves
    await saveMapping(new FakeContext(model), {
      sheetName: SAMPLE_SHEET,
      mapping: { lastVisitDate: '', lastReviewDate: 'Last LAC review' },
    });
    expect(model.xmlParts).toHaveLength(1);
    const detection = await detectTracker(new FakeContext(model));
    expect(detection.savedMapping).toEqual({ lastVisitDate: '', lastReviewDate: 'Last LAC review' });
    expect(detection.proposal.mapping.lastVisitDate).toBeUndefined();
    expect(detection.proposal.mapping.lastReviewDate).toBe(8);
  });
});

describe('refreshing through the Office.js adapter', () => {
  it('writes the plan in a few round-trips for 200 rows, and only into the tool’s columns and sheets', async () => {
    const model = sampleWorkbook(200);
    const before = snapshotCells(model);
    const run = await refreshWorkbook(model);
    const t = run.plan.tracker;
    const lastColumn = t.firstColumn + t.columns.length - 1;
    expect(t.firstColumn).toBe(SAMPLE_HEADERS.length + 1);
    expect(run.apply.syncs.length).toBeLessThanOrEqual(3);

    const toolSheets = new Set(run.plan.sheets.map((s) => s.name));
    const outside = run.apply.writes.filter(
      (w) =>
        !toolSheets.has(w.sheet) &&
        !(w.sheet === t.sheetName && w.col >= t.firstColumn && w.col <= lastColumn && w.row >= t.headerRow),
    );
    expect(outside).toEqual([]);
    // every cell of the team's own is as it was
    for (const [sheet, cells] of Object.entries(before)) {
      for (const [key, value] of Object.entries(cells))
        expect(model.sheets.find((s) => s.name === sheet)!.cells.get(key)).toBe(value);
    }
    // the block holds exactly the plan's values
    t.columns.forEach((column, c) =>
      t.rows.forEach((row, i) => {
        const expected = toCellValue(column.values[i]);
        const actual = cellOf(model, t.sheetName, row, t.firstColumn + c) ?? '';
        expect(actual).toBe(typeof expected === 'string' ? expected.replace(/^'/, '') : expected);
      }),
    );
    expect(model.sheets.map((s) => s.name)).toEqual([
      SAMPLE_SHEET,
      'Team notes',
      ...run.plan.sheets.map((s) => s.name),
    ]);
    // colours are conditional formats, one set per status column
    const statusColumns = t.columns.filter((c) => c.kind === 'status').length;
    expect(model.sheets[0].conditionalFormats.length).toBe(statusColumns * 4);
    expect(model.sheets[0].conditionalFormats[0].formula).toMatch(/^=OR\(/);
    // markers are hidden names the next run reads
    const marker = model.names.find((n) => n.name === COLUMNS_MARKER)!;
    expect(marker.visible).toBe(false);
    expect(marker.area).toEqual({ firstRow: 4, lastRow: 204, firstColumn: t.firstColumn, lastColumn });
    // no formula was ever created by the tool
    for (const sheet of model.sheets) expect([...sheet.formulas.keys()]).toEqual([]);
    // sheets with rows of wrapped text have their rows fitted to it by Excel
    for (const plan of run.plan.sheets) {
      const fitted = model.sheets.find((s) => s.name === plan.name)!.autofitRows;
      for (const { row } of plan.tallRows ?? []) expect(fitted.has(row)).toBe(true);
    }
    expect(run.plan.sheets.some((plan) => (plan.tallRows ?? []).length > 0)).toBe(true);
  });

  it('packs 20,000 rows into as few round-trips as the 5 MB limit allows, each well under it', async () => {
    const run = await refreshWorkbook(sampleWorkbook(20_000), { recordWrites: false, storeCells: false });
    const total = run.apply.syncs.reduce((sum, s) => sum + s.requestBytes, 0);
    // one check round-trip, then batches packed to the budget: at most one more than the minimum
    const minimum = Math.ceil(total / DEFAULT_BUDGET_BYTES);
    expect(run.apply.syncs.length).toBeLessThanOrEqual(1 + minimum + 1);
    // the tracker's own columns alone (4.9 MB of values) take two batches
    expect(run.plan.tracker.rows).toHaveLength(20_000);
    expect(run.apply.maxRequestBytes).toBeLessThan(0.8 * PAYLOAD_LIMIT_BYTES);
    expect(run.read.maxResponseBytes).toBeLessThan(0.8 * PAYLOAD_LIMIT_BYTES);
    expect(run.read.syncs.length).toBeLessThanOrEqual(4);
  }, 120_000);

  it('adds nothing on a second refresh: same cells, colours, names and sheets', async () => {
    const model = sampleWorkbook(60);
    await refreshWorkbook(model);
    const first = structure(model);
    const second = await refreshWorkbook(model);
    expect(structure(model)).toEqual(first);
    expect(second.detection.previousBlock).not.toBeNull();
    expect(second.plan.tracker.firstColumn).toBe(SAMPLE_HEADERS.length + 1);
  });

  it('clears the flags beside young people removed from the bottom of the tracker', async () => {
    const model = sampleWorkbook(30);
    const first = await refreshWorkbook(model);
    const { firstColumn } = first.plan.tracker;
    const lastRow = SAMPLE_HEADER_ROW + 30;
    // the team deletes the last two young people's own cells
    for (const key of [...model.sheets[0].cells.keys()]) {
      const [row, column] = key.split(',').map(Number);
      if (row > lastRow - 2 && column < firstColumn) model.sheets[0].cells.delete(key);
    }
    const second = await refreshWorkbook(model);
    expect(second.plan.tracker.clearRows).toEqual({ firstRow: lastRow - 1, lastRow });
    const left = [...model.sheets[0].cells.entries()].filter(([key, value]) => {
      const [row, column] = key.split(',').map(Number);
      return row > lastRow - 2 && column >= firstColumn && value !== '' && value !== null;
    });
    expect(left).toEqual([]);
  });

  it('extends an Excel Table over its columns, once', async () => {
    const model = sampleWorkbook(30, { table: true });
    const run = await refreshWorkbook(model);
    const lastColumn = run.plan.tracker.firstColumn + run.plan.tracker.columns.length - 1;
    expect(model.tables[0].area.lastColumn).toBe(lastColumn);
    await refreshWorkbook(model);
    expect(model.tables[0].area.lastColumn).toBe(lastColumn);
  });

  it('shrinks the Table with the block when a rule stops being tracked', async () => {
    const model = sampleWorkbook(30, { table: true });
    const first = await refreshWorkbook(model);
    // the team renames its PEP column: the PEP rule is no longer tracked
    model.sheets[0].cells.set(`${SAMPLE_HEADER_ROW},14`, 'Comments');
    const second = await refreshWorkbook(model);
    const t = second.plan.tracker;
    expect(t.columns.length).toBeLessThan(first.plan.tracker.columns.length);
    expect(model.tables[0].area.lastColumn).toBe(t.firstColumn + t.columns.length - 1);
    const headers = [...model.sheets[0].cells.entries()]
      .filter(([key, value]) => key.startsWith(`${SAMPLE_HEADER_ROW},`) && String(value).startsWith('Flag: '))
      .map(([, value]) => value);
    expect(headers).toHaveLength(t.columns.length);
    expect(headers.some((h) => /PEP/.test(String(h)))).toBe(false);
  });

  it('leaves a user column headed like one of the tool’s alone, and says so', async () => {
    const model = sampleWorkbook(10);
    model.sheets[0].cells.set(`${SAMPLE_HEADER_ROW},25`, 'Flag: overall');
    const before = structure(model);
    await expect(refreshWorkbook(model)).rejects.toThrow(WritePlanConflict);
    await expect(refreshWorkbook(model)).rejects.toThrow(/headed 'Flag: overall'/);
    expect(structure(model)).toEqual(before);
  });

  it('leaves a user sheet with the name of a tool sheet alone, and says so', async () => {
    const model = sampleWorkbook(10);
    model.sheets.push({ ...sampleWorkbook(1).sheets[1], name: 'Review pack' });
    const before = structure(model);
    await expect(refreshWorkbook(model)).rejects.toThrow(
      /'Review pack' already exists and was not made by caseload-flags/,
    );
    expect(structure(model)).toEqual(before);
  });

  it('stops with a plain message on a protected or filtered tracker, writing nothing', async () => {
    const model = sampleWorkbook(10);
    model.sheets[0].protected = true;
    const before = structure(model);
    const protectedRun = refreshWorkbook(model);
    await expect(protectedRun).rejects.toThrow(WorkbookProblem);
    await expect(refreshWorkbook(model)).rejects.toThrow(/is protected.*Unprotect/);
    model.sheets[0].protected = false;
    model.sheets[0].filtered = true;
    await expect(refreshWorkbook(model)).rejects.toThrow(/filtered.*Clear the filter/);
    expect(structure(model)).toEqual(before);
  });

  it('stops before reading when the data rows hold merged cells', async () => {
    const model = sampleWorkbook(10);
    model.sheets[0].merges.push({ firstRow: 6, lastRow: 7, firstColumn: 19, lastColumn: 19 });
    await expect(refreshWorkbook(model)).rejects.toThrow(/merged cells below its header row/);
  });
});

describe('text written by the tool', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+44 1234', `'+44 1234`],
    ['-3', `'-3`],
    ['@user', `'@user`],
    ['00123', `'00123`],
    ['03/04/2010', `'03/04/2010`],
    ['3 Apr 2010', `'3 Apr 2010`],
    ['TRUE', `'TRUE`],
    ['Overdue', 'Overdue'],
    ['Second review due 3 months after first review', 'Second review due 3 months after first review'],
  ])('%s is written so it stays text', (text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });

  it('writes dates as serial numbers and blanks as empty strings', () => {
    expect(toCellValue({ kind: 'date', iso: '2026-11-23' })).toBe(46349);
    expect(toCellValue(null)).toBe('');
  });
});
