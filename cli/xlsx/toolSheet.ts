/**
 * The tool's own sheets (summary, details, review pack), written whole from their plan:
 * cells, merges, frozen header rows, widths, print setup (landscape, one page wide,
 * repeated title rows, page breaks), conditional formats and a filter.
 */
import { cellRef, rangeRef } from '../../shared/writePlan/a1';
import type { CellStyle, SheetPlan } from '../../shared/writePlan/types';
import { CellWriter, type CellStyles } from './cells';
import { conditionalFormatXml } from './conditionalFormats';
import type { DeflatedPart } from './deflated';
import { ChunkWriter } from './xml';
import type { StyleBook } from './styles';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function toolSheetXml(plan: SheetPlan, styles: StyleBook): DeflatedPart {
  const lastColumn = plan.rows.reduce((m, r) => Math.max(m, r.length), Math.max(1, plan.columnWidths.length));
  const lastRow = Math.max(1, plan.rows.length);
  const parts = new ChunkWriter();
  parts.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  parts.write(`<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  if (plan.print.fitToWidth) parts.write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.write(`<dimension ref="A1:${cellRef(lastRow, lastColumn)}"/>`);
  parts.write(sheetViews(plan.freezeRows));
  parts.write('<sheetFormatPr defaultRowHeight="15"/>');
  if (plan.columnWidths.length) {
    parts.write(
      `<cols>${plan.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`,
    );
  }
  parts.write('<sheetData>');
  const byStyle = new Map<CellStyle | undefined, CellStyles>();
  const looks = (style: CellStyle | undefined): CellStyles => {
    let found = byStyle.get(style);
    if (!found) {
      found = { plain: styles.cellStyle(style, false), date: styles.cellStyle(style, true) };
      byStyle.set(style, found);
    }
    return found;
  };
  const cells = new CellWriter('');
  const rowOpen = Buffer.from('<row r="');
  const rowOpenEnd = Buffer.from('">');
  // rows that wrap onto several lines get their height (15 points a line, Calibri 11)
  const tallRowEnd = new Map(
    (plan.tallRows ?? []).map(({ row, lines }) => [row, `" ht="${lines * 15}" customHeight="1">`]),
  );
  const rowClose = Buffer.from('</row>');
  plan.rows.forEach((row, r) => {
    // a row with nothing to write is left out
    let any = false;
    for (let c = 0; c < row.length && !any; c++)
      any = row[c] !== undefined && cells.writes(row[c].value, looks(row[c].style ?? 'body'), true);
    if (!any) return;
    parts.bytes(rowOpen);
    parts.uint(r + 1);
    const tall = tallRowEnd.get(r + 1);
    if (tall === undefined) parts.bytes(rowOpenEnd);
    else parts.write(tall);
    for (let c = 0; c < row.length; c++) {
      const planned = row[c];
      if (planned === undefined) continue;
      // a cell without a look of its own is body text: top-aligned, like the wrapped text beside it
      cells.write(parts, r + 1, c + 1, planned.value, looks(planned.style ?? 'body'), true);
    }
    parts.bytes(rowClose);
  });
  parts.write('</sheetData>');
  if (plan.autoFilter) parts.write(`<autoFilter ref="${rangeRef(plan.autoFilter)}"/>`);
  if (plan.merges.length) {
    parts.write(
      `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>`,
    );
  }
  parts.write(conditionalFormatXml('', plan.conditionalFormats, styles, 1));
  parts.write('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  const setup = [
    plan.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '',
    plan.print.landscape ? ' orientation="landscape"' : ' orientation="portrait"',
  ].join('');
  parts.write(`<pageSetup paperSize="9"${setup}/>`);
  const breaks = plan.print.breaksAfterRows;
  if (breaks.length) {
    parts.write(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('') +
        '</rowBreaks>',
    );
  }
  parts.write('</worksheet>');
  return parts.finish();
}

function sheetViews(freezeRows: number): string {
  if (freezeRows <= 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const top = cellRef(freezeRows + 1, 1);
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>` +
    '</sheetView></sheetViews>'
  );
}
