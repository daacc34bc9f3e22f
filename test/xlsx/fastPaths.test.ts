/**
 * The fast paths of the file adapter give exactly what the plain ones give:
 * - cells written straight to bytes (`CellWriter`) are the bytes of `valueCell`;
 * - the cell attributes read without regular expressions are those the expressions find;
 * - the package reader keeps parts deflated as the file holds them, inflates them when read,
 *   writes the untouched ones back unchanged, and says plainly when a part is damaged.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { CellWriter, valueCell, type CellStyles } from '../../cli/xlsx/cells';
import { XlsxPackage } from '../../cli/xlsx/package';
import { WorkbookProblem } from '../../cli/xlsx/problems';
import { cellContent, inlineText, parseWorksheet, rowCells, rowsOf } from '../../cli/xlsx/sheetXml';
import { columnNumber } from '../../shared/writePlan/a1';
import type { PlanValue } from '../../shared/writePlan/types';
import { ChunkWriter } from '../../cli/xlsx/xml';

function written(write: (out: ChunkWriter) => void): string {
  const out = new ChunkWriter();
  write(out);
  return inflateRawSync(out.finish().deflated).toString('utf8');
}

const planValue: fc.Arbitrary<PlanValue> = fc.oneof(
  fc.constant(null),
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.oneof(
      fc.constantFrom(
        'Overdue',
        'Due soon',
        ' padded ',
        'a & b < c',
        '=SUM(A1)',
        'line\nbreak',
        '\u0001bell',
        '',
      ),
      fc.string({ maxLength: 80 }),
      fc.string({ minLength: 65, maxLength: 200, unit: 'grapheme' }),
    ),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    iso: fc.constantFrom('2026-03-01', '1999-12-31', '2030-02-28'),
  }),
  fc.record({
    kind: fc.constant('number' as const),
    value: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity)),
  }),
);

describe('cells written straight to bytes', () => {
  it('are the bytes valueCell gives, cell after cell', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'x:'),
        fc.array(
          fc.record({
            row: fc.integer({ min: 1, max: 1_048_576 }),
            column: fc.integer({ min: 1, max: 16_384 }),
            value: planValue,
            styles: fc.record({
              plain: fc.integer({ min: 0, max: 3 }),
              date: fc.integer({ min: 4, max: 6 }),
            }),
            keepEmptyStyled: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        (p, cells) => {
          const writer = new CellWriter(p);
          const bytes = written((out) => {
            for (const c of cells) writer.write(out, c.row, c.column, c.value, c.styles, c.keepEmptyStyled);
          });
          const expected = cells
            .map((c) => valueCell(p, c.row, c.column, c.value, c.styles as CellStyles, c.keepEmptyStyled))
            .join('');
          expect(bytes).toBe(expected);
          for (const c of cells) {
            expect(writer.writes(c.value, c.styles, c.keepEmptyStyled)).toBe(
              valueCell(p, c.row, c.column, c.value, c.styles, c.keepEmptyStyled) !== '',
            );
          }
        },
      ),
    );
  });

  it('keep text of every kind whole across chunk boundaries', () => {
    const long = `${'é€😀'.repeat(400_000)}end`;
    expect(written((out) => out.write(long))).toBe(long);
  });
});

/** What the attributes were read with before: the regular expressions on the open tag. */
function expectedCell(open: string): { column: number | null; type: string; style: number } {
  const ref = /\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d+["']/.exec(open);
  return {
    column: ref ? columnNumber(ref[1]) : null,
    type: /\st\s*=\s*["'](\w+)["']/.exec(open)?.[1] ?? 'n',
    style: Number(/\ss\s*=\s*["'](\d+)["']/.exec(open)?.[1] ?? 0),
  };
}

describe('cell attributes read without regular expressions', () => {
  const space = fc.constantFrom(' ', '  ', '\t', '\n', '', '\u00a0');
  const attribute = fc
    .tuple(
      space,
      fc.constantFrom('r', 't', 's', 'rr', 'xr', 'ts'),
      fc.constantFrom('', ' '),
      fc.constantFrom('"', "'"),
      fc.constantFrom('A1', '$B$7', 'zz9', 'XFD3', 'ABCD5', 's', 'inlineStr', 'str', '12', '', '3x', 'x_1'),
      fc.constantFrom('"', "'"),
    )
    .map(
      ([before, name, around, open, value, close]) =>
        `${before}${name}${around}=${around}${open}${value}${close}`,
    );

  it('find what the expressions find', () => {
    fc.assert(
      fc.property(fc.array(attribute, { maxLength: 4 }), fc.boolean(), (attributes, empty) => {
        const open = `<c ${attributes.join('')}${empty ? '/>' : '>'}`;
        const xml = `<worksheet><sheetData><row r="1">${open}${empty ? '' : '<v>1</v></c>'}</row></sheetData></worksheet>`;
        const expected = expectedCell(open);
        const ws = parseWorksheet(xml);
        const [row] = [...rowsOf(ws)];
        const [cell] = rowCells(ws, row);
        expect(cell.hasRef).toBe(expected.column !== null);
        if (expected.column !== null) expect(cell.column).toBe(expected.column);
        const content = cellContent(ws, cell);
        expect(content.type).toBe(expected.type);
        expect(content.style).toBe(expected.style);
      }),
    );
  });

  it('read an inline string as the rich-text reader does', () => {
    const bodies = [
      '<is><t>Overdue</t></is>',
      '<is><t xml:space="preserve"> a </t></is>',
      '<is><t>a &amp; b _x0041_</t></is>',
      '<is><t/></is>',
      '<is><r><t>rich</t></r><r><t> text</t></r></is>',
      '<is><t>base</t><rPh><t>phonetic</t></rPh></is>',
    ];
    for (const body of bodies) {
      const ws = parseWorksheet(
        `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr">${body}</c></row></sheetData></worksheet>`,
      );
      const [cell] = rowCells(ws, [...rowsOf(ws)][0]);
      expect(inlineText(ws, cell)).toBe(cellContent(ws, cell).inline);
    }
  });
});

describe('the package reader', () => {
  const parts = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8('<workbook/>'),
    'xl/media/image1.png': new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet>${'<row/>'.repeat(1000)}</worksheet>`),
  };

  it('reads stored and deflated parts, in the order of the zip', () => {
    const zip = zipSync({
      ...parts,
      'xl/media/image1.png': [parts['xl/media/image1.png'], { level: 0 }],
    });
    const pkg = XlsxPackage.open(zip);
    expect(pkg.names()).toEqual(Object.keys(parts));
    for (const [name, bytes] of Object.entries(parts))
      expect(Buffer.from(pkg.bytes(name))).toEqual(Buffer.from(bytes));
  });

  it('writes an untouched part back with the compressed bytes the file held', () => {
    const zip = zipSync(parts, { level: 9 });
    const pkg = XlsxPackage.open(zip);
    pkg.setText('xl/workbook.xml', '<workbook><sheets/></workbook>');
    const again = XlsxPackage.open(pkg.save());
    expect(again.text('xl/worksheets/sheet1.xml')).toBe(
      new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']),
    );
    expect(again.text('xl/workbook.xml')).toBe('<workbook><sheets/></workbook>');
    const compressed = (bytes: Uint8Array, name: string) => {
      const at = Buffer.from(bytes).indexOf(Buffer.from(name)) + name.length;
      return Buffer.from(bytes).subarray(at, at + 20);
    };
    expect(compressed(pkg.save(), 'xl/worksheets/sheet1.xml')).toEqual(
      compressed(zip, 'xl/worksheets/sheet1.xml'),
    );
  });

  it('says plainly when a part is damaged, when it is read', () => {
    const zip = zipSync(parts, { level: 6 });
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = Buffer.from(zip).indexOf(name) + name.length;
    const broken = new Uint8Array(zip);
    broken.fill(0xff, at, at + 8);
    const pkg = XlsxPackage.open(broken);
    expect(() => pkg.text('xl/worksheets/sheet1.xml')).toThrow(WorkbookProblem);
    expect(pkg.text('xl/workbook.xml')).toBe('<workbook/>');
  });
});
