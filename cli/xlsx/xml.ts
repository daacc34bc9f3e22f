import { constants, deflateRawSync } from 'node:zlib';
import { crc32, type DeflatedPart } from './deflated';

/**
 * Small, exact tools for editing OOXML text in place. The file adapter never re-serialises
 * a part from a model: it finds elements by scanning tags and splices new text between
 * the original bytes, so everything it does not touch stays exactly as it was.
 */

export interface Tag {
  /** qualified name as written, e.g. `x:row` */
  readonly name: string;
  /** name without its namespace prefix */
  readonly local: string;
  readonly kind: 'open' | 'close' | 'empty';
  /** index of '<' */
  readonly start: number;
  /** index just after '>' */
  readonly end: number;
}

/** Element found in a text: its open tag and (for non-empty elements) its close tag. */
export interface Element {
  readonly tag: Tag;
  /** index just after the open tag ('>' of `<x ...>`) */
  readonly contentStart: number;
  /** index of `</x>` (equal to contentStart for an empty element) */
  readonly contentEnd: number;
  /** index just after the whole element */
  readonly end: number;
}

/** The next tag at or after `from` (comments, CDATA, processing instructions and DOCTYPE skipped). */
export function nextTag(xml: string, from: number, to = xml.length): Tag | null {
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) return null;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        i = e < 0 ? to : e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        i = e < 0 ? to : e + 3;
      } else {
        const e = xml.indexOf('>', lt + 2);
        i = e < 0 ? to : e + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      i = e < 0 ? to : e + 2;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt < 0) return null;
    if (c === 47 /* / */) {
      const name = xml.slice(lt + 2, gt).trim();
      return { name, local: localName(name), kind: 'close', start: lt, end: gt + 1 };
    }
    let j = lt + 1;
    while (j < gt && !isSpace(xml.charCodeAt(j)) && xml.charCodeAt(j) !== 47 && xml.charCodeAt(j) !== 62) j++;
    const name = xml.slice(lt + 1, j);
    const empty = xml.charCodeAt(gt - 1) === 47;
    return { name, local: localName(name), kind: empty ? 'empty' : 'open', start: lt, end: gt + 1 };
  }
}

/** Index of the '>' closing the tag that starts at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let k = lt + 1; k < xml.length; k++) {
    const ch = xml.charCodeAt(k);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return k;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Completes an element from its open (or empty) tag by finding the matching close tag. */
export function elementAt(xml: string, tag: Tag, to = xml.length): Element {
  if (tag.kind === 'empty') return { tag, contentStart: tag.end, contentEnd: tag.end, end: tag.end };
  let depth = 1;
  let pos = tag.end;
  for (;;) {
    const t = nextTag(xml, pos, to);
    if (!t) throw new Error(`Unclosed <${tag.name}> in a workbook part`);
    if (t.name === tag.name) {
      if (t.kind === 'open') depth++;
      else if (t.kind === 'close') depth--;
      if (depth === 0) return { tag, contentStart: tag.end, contentEnd: t.start, end: t.end };
    }
    pos = t.end;
  }
}

/** Direct children of an element (or of the whole text when `parent` is null). */
export function children(xml: string, parent: Element | null): Element[] {
  const from = parent ? parent.contentStart : 0;
  const to = parent ? parent.contentEnd : xml.length;
  const out: Element[] = [];
  let pos = from;
  for (;;) {
    const t = nextTag(xml, pos, to);
    if (!t) return out;
    if (t.kind === 'close') {
      pos = t.end;
      continue;
    }
    const el = elementAt(xml, t, to);
    out.push(el);
    pos = el.end;
  }
}

/** The first direct child with this local name. */
export function child(xml: string, parent: Element, local: string): Element | null {
  return children(xml, parent).find((e) => e.tag.local === local) ?? null;
}

/** The document element of a part. */
export function rootElement(xml: string): Element {
  const t = nextTag(xml, 0);
  if (!t || t.kind === 'close') throw new Error('A workbook part has no root element');
  return elementAt(xml, t);
}

/** The namespace prefix the root element uses ('' or e.g. 'x:'), to write matching names. */
export function prefixOf(tag: Tag): string {
  const colon = tag.name.indexOf(':');
  return colon < 0 ? '' : tag.name.slice(0, colon + 1);
}

/** The text of an open tag (`<c r="A1" s="3">`). */
export function tagText(xml: string, el: Element | Tag): string {
  const t = 'tag' in el ? el.tag : el;
  return xml.slice(t.start, t.end);
}

const ATTR = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  // skip the element name
  const first = tag.search(/[\s/>]/);
  const body = tag.slice(first);
  for (let m = ATTR.exec(body); m; m = ATTR.exec(body)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ''));
  return out;
}

export function attr(tag: string, name: string): string | null {
  return attributes(tag).get(name) ?? null;
}

/** The same tag with one attribute set (added before the tag's end when absent). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const escaped = escapeAttr(value);
  if (re.test(tag)) return tag.replace(re, (_m, p1: string) => `${p1}"${escaped}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${name}="${escaped}"${tag.slice(close)}`;
}

/** The same tag without one attribute. */
export function removeAttr(tag: string, name: string): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tag.replace(re, '');
}

export function escapeText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Spreadsheet text also escapes characters as `_xHHHH_` (ECMA-376 §22.9.2.19). */
export function decodeOoxmlText(text: string): string {
  return unescapeXml(text).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) =>
    String.fromCharCode(parseInt(h, 16)),
  );
}

/** Joined text of every `<t>` in an `<si>`/`<is>` element (rich text runs included, phonetic runs left out). */
export function richText(xml: string, el: Element): string {
  let out = '';
  let pos = el.contentStart;
  let skipDepth = 0;
  for (;;) {
    const t = nextTag(xml, pos, el.contentEnd);
    if (!t) return out;
    if (t.local === 'rPh') {
      if (t.kind === 'open') skipDepth++;
      else if (t.kind === 'close') skipDepth--;
    } else if (t.local === 't' && t.kind === 'open' && skipDepth === 0) {
      const close = xml.indexOf('<', t.end);
      out += decodeOoxmlText(xml.slice(t.end, close));
    }
    pos = t.end;
  }
}

/** Splices edits (non-overlapping, any order) into a text. */
export function splice(xml: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('Overlapping edits in a workbook part');
    parts.push(xml.slice(pos, e.start), e.text);
    pos = e.end;
  }
  parts.push(xml.slice(pos));
  return parts.join('');
}

/** Buffer's own UTF-8 writer, without the argument juggling of `write` (called millions of times). */
interface Utf8Writable {
  utf8Write(text: string, offset: number): number;
}

/**
 * Builds a large part a couple of megabytes at a time, deflating each chunk as it goes,
 * so a sheet of a hundred megabytes is never held whole, neither as a string nor as
 * bytes. Text is encoded straight into the chunk; pieces that repeat (a cell's tags, a
 * status word) can be given as ready-made bytes, and numbers as digits.
 * (Deflate blocks from separate compressors may follow one another: each chunk's blocks
 * only refer back within that chunk, and only the last chunk ends the stream.)
 */
export class ChunkWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly deflated: Buffer[] = [];
  private crc = 0;
  private size = 0;

  constructor(
    /** zlib level: 1 (fastest) suits these parts, whose text repeats a great deal */
    private readonly level = DEFLATE_LEVEL,
  ) {}

  write(text: string): void {
    if (text.length > LARGE_TEXT) {
      // a long stretch of the original part: a chunk at a time (never splitting a surrogate pair)
      for (let from = 0; from < text.length;) {
        let to = Math.min(text.length, from + LARGE_TEXT);
        const last = text.charCodeAt(to - 1);
        if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
        this.write(text.slice(from, to));
        from = to;
      }
      return;
    }
    // a UTF-16 code unit never takes more than 3 bytes in UTF-8
    this.room(text.length * 3);
    this.used += (this.buffer as unknown as Utf8Writable).utf8Write(text, this.used);
  }

  /** Bytes made once and written many times (they must not change afterwards). */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** A non-negative integer in decimal, without making a string of it. */
  uint(value: number): void {
    if (!(value >= 0 && value < 1e15 && Number.isInteger(value))) {
      this.write(String(value));
      return;
    }
    this.room(16);
    let digits = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
    let at = this.used + digits;
    this.used = at;
    let v = value;
    do {
      this.buffer[--at] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
  }

  finish(): DeflatedPart {
    this.flush(true);
    return { deflated: Buffer.concat(this.deflated), crc: this.crc, size: this.size };
  }

  /** Makes room for `length` more bytes, deflating the chunk so far when it is full. */
  private room(length: number): void {
    if (this.used + length <= this.buffer.length) return;
    this.flush(false);
    if (length > this.buffer.length) this.buffer = Buffer.allocUnsafe(length);
  }

  private flush(final: boolean): void {
    const raw = this.buffer.subarray(0, this.used);
    this.crc = crc32(raw, this.crc);
    this.size += raw.length;
    // (deflating on Node's thread pool instead, beside the writing, was measured slower here)
    this.deflated.push(
      deflateRawSync(raw, {
        level: this.level,
        finishFlush: final ? constants.Z_FINISH : constants.Z_FULL_FLUSH,
      }),
    );
    this.used = 0;
  }
}

/** The deflate level of the large parts the adapter writes (see bench/refreshCommand.ts for sizes). */
export const DEFLATE_LEVEL = 1;

const CHUNK_BYTES = 2 * 1024 * 1024;
/** text longer than this is written in pieces (3 bytes a character at most: a quarter of a chunk) */
const LARGE_TEXT = CHUNK_BYTES / 12;

/** An edit's new text: a string, or something that writes itself (a sheet's rows, as they are made). */
export type EditText = string | ((out: ChunkWriter) => void);

/** `splice`, written straight to bytes. */
export function spliceToBytes(
  xml: string,
  edits: readonly { start: number; end: number; text: EditText }[],
): DeflatedPart {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out = new ChunkWriter();
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('Overlapping edits in a workbook part');
    out.write(xml.slice(pos, e.start));
    if (typeof e.text === 'string') out.write(e.text);
    else e.text(out);
    pos = e.end;
  }
  out.write(xml.slice(pos));
  return out.finish();
}
