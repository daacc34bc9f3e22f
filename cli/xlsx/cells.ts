/**
 * Cell XML for the values of a write plan. Text is always written as a literal string
 * (an inline string, or a shared string for table headers), never as a formula, so text
 * starting with `=`, `+`, `-` or `@` stays text. Dates are real date cells: the Excel
 * serial number with a dd/mm/yyyy format.
 */
import { fromIso, toExcelSerial } from '../../shared/dates/calendar';
import { columnLetters } from '../../shared/writePlan/a1';
import type { PlanValue } from '../../shared/writePlan/types';
import { escapeText, type ChunkWriter } from './xml';

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

/** Most repeated cell bodies kept as bytes per writer (status words, dates, names): bounded. */
const CACHED_BODIES = 50_000;
/** Longer text (explanations) is rarely repeated: written as it comes. */
const CACHED_TEXT_LENGTH = 64;

/** Cell bodies as bytes, by style index and then by text (or date). */
class BodyCache {
  private readonly byStyle = new Map<number, Map<string, Uint8Array>>();
  // cells come in runs of one style: the last one asked for is remembered
  private lastStyle = -1;
  private last = new Map<string, Uint8Array>();

  of(style: number): Map<string, Uint8Array> {
    if (style === this.lastStyle) return this.last;
    let bodies = this.byStyle.get(style);
    if (!bodies) {
      bodies = new Map();
      this.byStyle.set(style, bodies);
    }
    this.lastStyle = style;
    this.last = bodies;
    return bodies;
  }
}

/**
 * Writes the same cells as `valueCell` straight into a part's bytes, for the sheets of
 * tens of thousands of rows: a cell is its column's opening bytes, the row number, and
 * the bytes of its body, made once for each text, date and style (a tracker's million
 * cells hold a few hundred distinct values).
 */
export class CellWriter {
  /** `<c r="AB` by column */
  private readonly opens: Uint8Array[] = [];
  /** `" s="3" t="inlineStr"><is><t>Overdue</t></is></c>` by style and text */
  private readonly texts = new BodyCache();
  /** `" s="5"><v>46349</v></c>` by style and ISO date */
  private readonly dates = new BodyCache();
  private cached = 0;
  private readonly numberOpens = new Map<number, Uint8Array>();
  private readonly numberClose: Uint8Array;
  private readonly textOpens = new Map<number, Uint8Array>();
  private readonly textClose: Uint8Array;

  constructor(private readonly p: string) {
    this.numberClose = Buffer.from(`</${p}v></${p}c>`);
    this.textClose = Buffer.from(`</${p}t></${p}is></${p}c>`);
  }

  /** Whether `write` writes anything for this value. */
  writes(value: PlanValue, styles: CellStyles, keepEmptyStyled = false): boolean {
    if (value === null) return keepEmptyStyled && styles.plain !== 0;
    return value.kind !== 'number' || Number.isFinite(value.value);
  }

  /** The bytes of `valueCell(p, row, column, value, styles, keepEmptyStyled)`. */
  write(
    out: ChunkWriter,
    row: number,
    column: number,
    value: PlanValue,
    styles: CellStyles,
    keepEmptyStyled = false,
  ): void {
    if (!this.writes(value, styles, keepEmptyStyled)) return;
    out.bytes((this.opens[column] ??= Buffer.from(`<${this.p}c r="${columnLetters(column)}`)));
    out.uint(row);
    if (value === null) {
      out.write(`"${styleAttr(styles.plain)}/>`);
      return;
    }
    switch (value.kind) {
      case 'text': {
        const text = value.text;
        // long text (an explanation) is seldom repeated: not worth keeping
        if (text.length > CACHED_TEXT_LENGTH) {
          this.writeLongText(out, styles.plain, text);
          return;
        }
        const byText = this.texts.of(styles.plain);
        let body = byText.get(text);
        if (!body) {
          body = Buffer.from(this.textBody(styles.plain, text));
          if (this.cached < CACHED_BODIES) {
            byText.set(text, body);
            this.cached++;
          }
        }
        out.bytes(body);
        return;
      }
      case 'number': {
        let open = this.numberOpens.get(styles.plain);
        if (!open) {
          open = Buffer.from(`"${styleAttr(styles.plain)}><${this.p}v>`);
          this.numberOpens.set(styles.plain, open);
        }
        out.bytes(open);
        out.write(String(value.value));
        out.bytes(this.numberClose);
        return;
      }
      case 'date': {
        const byDate = this.dates.of(styles.date);
        let body = byDate.get(value.iso);
        if (!body) {
          const { p } = this;
          body = Buffer.from(`"${styleAttr(styles.date)}><${p}v>${serialOf(value.iso)}</${p}v></${p}c>`);
          if (this.cached < CACHED_BODIES) {
            byDate.set(value.iso, body);
            this.cached++;
          }
        }
        out.bytes(body);
        return;
      }
    }
  }

  /** The body of `textBody` in pieces, without making a string of the whole cell. */
  private writeLongText(out: ChunkWriter, style: number, raw: string): void {
    let open = this.textOpens.get(style);
    if (!open) {
      open = Buffer.from(`"${styleAttr(style)} t="inlineStr"><${this.p}is><${this.p}t`);
      this.textOpens.set(style, open);
    }
    const text = HAS_INVALID_XML.test(raw) ? raw.replace(INVALID_XML, '') : raw;
    out.bytes(open);
    out.write(NEEDS_SPACE_PRESERVED.test(text) ? ' xml:space="preserve">' : '>');
    out.write(escapeText(text));
    out.bytes(this.textClose);
  }

  private textBody(style: number, raw: string): string {
    const { p } = this;
    const text = HAS_INVALID_XML.test(raw) ? raw.replace(INVALID_XML, '') : raw;
    const space = NEEDS_SPACE_PRESERVED.test(text) ? ' xml:space="preserve"' : '';
    return `"${styleAttr(style)} t="inlineStr"><${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is></${p}c>`;
  }
}
