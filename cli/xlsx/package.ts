/**
 * The zip layer: an .xlsx/.xlsm package as an ordered list of parts. Parts are kept as the
 * bytes read from the file; only the parts the adapter changes are replaced, so every
 * other part is written back byte for byte (its content; the zip container itself is
 * rebuilt).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { isDeflated, type DeflatedPart } from './deflated';
import { WorkbookProblem } from './problems';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b];

/** A fixed time stamp for the zip entries, so the same input and plan give the same file. */
const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1));

export class XlsxPackage {
  private readonly order: string[];
  /** a part's bytes, or (for the large parts the adapter writes) its deflated bytes */
  private readonly parts: Map<string, Uint8Array | DeflatedPart>;
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();

  private constructor(order: string[], parts: Map<string, Uint8Array>) {
    this.order = order;
    this.parts = parts;
  }

  /** Opens a package; a password-protected or old-style (.xls) workbook gets a plain message. */
  static open(bytes: Uint8Array): XlsxPackage {
    if (startsWith(bytes, CFB_SIGNATURE)) {
      if (containsUtf16(bytes, 'EncryptedPackage')) {
        throw new WorkbookProblem(
          'encrypted',
          'This workbook is protected with a password, so it cannot be read. Open it in Excel, remove the password ' +
            '(File > Info > Protect Workbook > Encrypt with Password, then clear it), save, and try again.',
        );
      }
      throw new WorkbookProblem(
        'old-format',
        'This is an old-style Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx), then try again.',
      );
    }
    if (!startsWith(bytes, ZIP_SIGNATURE)) {
      throw new WorkbookProblem('not-a-workbook', 'This file is not an Excel workbook (.xlsx or .xlsm).');
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      throw new WorkbookProblem(
        'damaged',
        'This workbook file is damaged and cannot be opened. Try opening it in Excel and saving it again.',
      );
    }
    const order = Object.keys(entries).filter((name) => !name.endsWith('/'));
    if (!order.includes('[Content_Types].xml') || !order.includes('xl/workbook.xml')) {
      throw new WorkbookProblem('not-a-workbook', 'This file is not an Excel workbook (.xlsx or .xlsm).');
    }
    return new XlsxPackage(order, new Map(order.map((name) => [name, entries[name]])));
  }

  has(path: string): boolean {
    return this.parts.has(path);
  }

  /** Part names in package order. */
  names(): readonly string[] {
    return this.order;
  }

  bytes(path: string): Uint8Array {
    const part = this.parts.get(path);
    if (!part) throw new WorkbookProblem('damaged', `This workbook is missing a part it needs (${path}).`);
    return isDeflated(part) ? inflateRawSync(part.deflated) : part;
  }

  text(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      text = strFromU8(this.bytes(path));
      this.texts.set(path, text);
    }
    return text;
  }

  /** Replaces (or adds, at the end) a part. Unchanged text leaves the original bytes in place. */
  setText(path: string, text: string): void {
    if (this.parts.has(path) && this.texts.get(path) === text) return;
    this.setBytes(path, strToU8(text));
    // small parts (workbook, rels, styles) are read again after an edit; a large sheet is not kept twice
    if (text.length < 4_000_000) this.texts.set(path, text);
  }

  setBytes(path: string, bytes: Uint8Array | DeflatedPart): void {
    if (!this.parts.has(path)) this.order.push(path);
    this.parts.set(path, bytes);
    this.texts.delete(path);
    this.changed.add(path);
  }

  /** Parts replaced or added since opening. */
  changedParts(): readonly string[] {
    return [...this.changed];
  }

  save(): Uint8Array {
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else chunks.push(chunk);
    });
    for (const name of this.order) {
      const data = this.parts.get(name) as Uint8Array | DeflatedPart;
      if (isDeflated(data)) {
        const entry: ZipInputFile = {
          filename: name,
          size: data.size,
          crc: data.crc,
          compression: 8,
          mtime: ENTRY_TIME,
        };
        zip.add(entry);
        entry.ondata?.(null, data.deflated as Uint8Array<ArrayBuffer>, true);
        continue;
      }
      // already-compressed media gains nothing from deflate
      const entry = /\.(png|jpe?g|gif)$/i.test(name) ? new ZipPassThrough(name) : new NativeDeflate(name);
      entry.mtime = ENTRY_TIME;
      zip.add(entry);
      entry.push(data, true);
    }
    zip.end();
    if (failure) throw failure;
    return Buffer.concat(chunks);
  }
}

/**
 * A zip entry deflated by Node's own zlib (several times faster than deflate in
 * JavaScript on a tracker sheet of tens of megabytes); fflate does the zip container.
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk, { level: 6 }), final);
  }
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
