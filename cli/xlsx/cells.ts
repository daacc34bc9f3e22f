/**
 * Cell XML for the values of a write plan. Text is always written as a literal string
 * (an inline string, or a shared string for table headers), never as a formula, so text
 * starting with `=`, `+`, `-` or `@` stays text. Dates are real date cells: the Excel
 * serial number with a dd/mm/yyyy format.
 */
import { fromIso, toExcelSerial } from '../../shared/dates/calendar';
import { columnLetters } from '../../shared/writePlan/a1';
import type { PlanValue } from '../../shared/writePlan/types';
import { escapeText } from './xml';

/** Characters XML 1.0 cannot hold at all; dropped rather than making the part unreadable. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const HAS_INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NEEDS_SPACE_PRESERVED = /^\s|\s$|[\n\t]/;

/** Excel serial numbers by ISO date: a plan repeats the same dates many times. */
const serials = new Map<string, number>();

function serialOf(iso: string): number {
  let serial = serials.get(iso);
  if (serial === undefined) {
    const day = fromIso(iso);
    if (day === null) throw new Error(`A planned date is not an ISO date: ${iso}`);
    serial = toExcelSerial(day);
    if (serials.size < 100_000) serials.set(iso, serial);
  }
  return serial;
}

export interface CellStyles {
  /** style index for text and numbers */
  readonly plain: number;
  /** style index for dates */
  readonly date: number;
}

const letters: string[] = [];

/** `Z5`, with the column's letters worked out once (a large sheet has millions of cells). */
function cellRef(row: number, column: number): string {
  return (letters[column] ??= columnLetters(column)) + row;
}

/** `<c>` for a planned value; '' for an empty value with no style to keep. */
export function valueCell(
  p: string,
  row: number,
  column: number,
  value: PlanValue,
  styles: CellStyles,
  keepEmptyStyled = false,
): string {
  if (value === null)
    return keepEmptyStyled && styles.plain ? `<${p}c r="${cellRef(row, column)}" s="${styles.plain}"/>` : '';
  const r = cellRef(row, column);
  switch (value.kind) {
    case 'text': {
      const text = HAS_INVALID_XML.test(value.text) ? value.text.replace(INVALID_XML, '') : value.text;
      const space = NEEDS_SPACE_PRESERVED.test(text) ? ' xml:space="preserve"' : '';
      return `<${p}c r="${r}"${styleAttr(styles.plain)} t="inlineStr"><${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is></${p}c>`;
    }
    case 'number':
      if (!Number.isFinite(value.value)) return '';
      return `<${p}c r="${r}"${styleAttr(styles.plain)}><${p}v>${value.value}</${p}v></${p}c>`;
    case 'date':
      return `<${p}c r="${r}"${styleAttr(styles.date)}><${p}v>${serialOf(value.iso)}</${p}v></${p}c>`;
  }
}

export function sharedStringCell(
  p: string,
  row: number,
  column: number,
  index: number,
  style: number,
): string {
  return `<${p}c r="${cellRef(row, column)}"${style ? ` s="${style}"` : ''} t="s"><${p}v>${index}</${p}v></${p}c>`;
}

function styleAttr(index: number): string {
  return index ? ` s="${index}"` : '';
}
