/**
 * Sheets written by other generators: SpreadsheetML with a namespace prefix (`<x:row>`,
 * as the Open XML SDK writes it), and rows and cells without their optional `r`
 * references. The adapter must place its cells correctly and keep the others.
 */
import { strFromU8, strToU8 } from 'fflate';
import { applyWritePlan, readLayout } from '../../cli/xlsx';
import { DATA_ROWS, HEADER_ROW, HEADERS, makeTracker, rezip, TRACKER_SHEET } from '../fixtures/workbooks';
import { partsOf, sameBytes, textOf } from './inspect';
import { trackerPlan } from './plans';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The tracker sheet rewritten with an `x:` prefix, row 4's cells and row 5's own reference without `r`. */
async function prefixedTracker(): Promise<Uint8Array> {
  const parts = partsOf(await makeTracker());
  let xml = strFromU8(parts['xl/worksheets/sheet1.xml']);
  xml = xml.replace(
    /<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g,
    (_m, slash: string, name: string) => `<${slash}x:${name}`,
  );
  xml = xml.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
  xml = xml.replace(
    /(<x:row r="4"[^>]*>)([\s\S]*?)(<\/x:row>)/,
    (_m, open: string, cells: string, close: string) => {
      return open + cells.replace(/<x:c r="[A-Z]+4"/g, '<x:c') + close;
    },
  );
  xml = xml.replace(/<x:row r="5"/, '<x:row');
  return rezip({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(xml) });
}

describe('a tracker sheet written with a namespace prefix and without optional references', () => {
  it('is read and written in place, keeping every original value', async () => {
    const input = await prefixedTracker();
    const source = textOf(input, 'xl/worksheets/sheet1.xml');
    expect(source).not.toContain('<x:c r="A4"');
    expect(source).not.toContain('<x:row r="5"');
    const position = { sheetName: TRACKER_SHEET, headerRow: HEADER_ROW, dataRows: DATA_ROWS };
    const layout = readLayout(input, position);
    expect(layout.headers).toEqual(HEADERS);
    expect(layout.lastUsedColumn).toBe(6);
    const plan = trackerPlan({
      sheetName: TRACKER_SHEET,
      headerRow: HEADER_ROW,
      rows: DATA_ROWS,
      firstColumn: 7,
    });
    const output = applyWritePlan(input, plan);
    const xml = textOf(output, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<x:c r="G4" t="inlineStr"><x:is><x:t>Overdue</x:t></x:is></x:c>');
    expect(xml).toContain('<x:conditionalFormatting sqref="G4:G13">');

    // (ExcelJS cannot read prefixed sheets, so the cells are compared as written)
    const cellsWithRef = source.match(/<x:c r="[A-Z]+\d+"[^>]*?(?:\/>|>[\s\S]*?<\/x:c>)/g) ?? [];
    expect(cellsWithRef.length).toBeGreaterThan(50);
    for (const cell of cellsWithRef) expect(xml).toContain(cell);
    // row 4's cells kept their order and content, now with references, and the tool's follow them
    const row4In = /<x:row r="4"[^>]*>([\s\S]*?)<\/x:row>/.exec(source)?.[1] as string;
    const row4Out = /<x:row r="4"[^>]*>([\s\S]*?)<\/x:row>/.exec(xml)?.[1] as string;
    const refs = [...row4Out.matchAll(/<x:c r="([A-Z]+)4"/g)].map((m) => m[1]);
    expect(refs).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M']);
    expect(row4Out.replace(/ r="[A-Z]+4"/g, '').startsWith(row4In)).toBe(true);
    // the row without its reference is row 5
    expect(xml).toMatch(
      /<x:row spans="[^"]*"[^>]*>(?:(?!<\/x:row>)[\s\S])*<x:c r="G5" t="inlineStr"><x:is><x:t>Due soon<\/x:t>/,
    );
    expect(sameBytes(applyWritePlan(output, plan), output)).toBe(true);
  });
});
