/**
 * The zip layer: an .xlsx/.xlsm package as an ordered list of parts. Parts are kept as the
 * file holds them (still deflated, inflated only when read); only the parts the adapter
 * changes are replaced, so every other part is written back byte for byte (its content,
 * and even its compressed bytes; the zip container itself is rebuilt).
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
  /**
   * a part's bytes, or its deflated bytes: the large parts the adapter writes, and the
   * parts as the file holds them (inflated when read; written back as they were when not changed)
   */
  private readonly parts: Map<string, Uint8Array | DeflatedPart>;
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();

  private constructor(order: string[], parts: Map<string, Uint8Array | DeflatedPart>) {
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
    let entries: Record<string, Uint8Array | DeflatedPart>;
    try {
      entries = unzipNative(bytes) ?? unzipSync(bytes);
    } catch {
      throw damaged();
    }
    const order = Object.keys(entries).filter((name) => !name.endsWith('/'));
    if (order.includes('content.xml') && order.includes('mimetype')) {
      throw new WorkbookProblem(
        'opendocument',
        'This is an OpenDocument file (a LibreOffice .ods spreadsheet), not an Excel workbook. Open it in LibreOffice Calc or Excel and save it as an Excel Workbook (.xlsx), then try again.',
      );
    }
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
    if (!isDeflated(part)) return part;
    let bytes: Uint8Array;
    try {
      bytes = inflateRawSync(part.deflated);
    } catch {
      throw damaged();
    }
    if (bytes.length !== part.size) throw damaged();
    return bytes;
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

function damaged(): WorkbookProblem {
  return new WorkbookProblem(
    'damaged',
    'This workbook file is damaged and cannot be opened. Try opening it in Excel and saving it again.',
  );
}

/**
 * The entries of a zip as the file holds them, in the order of its central directory (as
 * fflate's `unzipSync` gives them): a deflated entry stays deflated, to be inflated by
 * Node's own zlib when it is read (four times faster than inflate in JavaScript on a
 * tracker sheet of tens of megabytes) and written back as it was when it is not changed.
 * Null for anything but the plain zips spreadsheet programs write (zip64, encryption,
 * other compression methods, a comment hiding the directory): fflate then reads it.
 */
function unzipNative(bytes: Uint8Array): Record<string, Uint8Array | DeflatedPart> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record: 22 bytes, then a comment of up to 65,535 bytes
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return null; // zip64
  const entries: Record<string, Uint8Array | DeflatedPart> = {};
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    // encrypted, or a size or offset kept in a zip64 field
    if (flags & 1 || compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      return null;
    if (method !== 0 && method !== 8) return null;
    if (method === 0 && compressedSize !== size) return null;
    // a name is UTF-8 when the zip says so, else (as fflate reads it) Latin-1
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? decoder.decode(nameBytes) : Buffer.from(nameBytes).toString('latin1');
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length) return null;
    const data = bytes.subarray(start, start + compressedSize);
    entries[name] = method === 0 ? data.slice() : { deflated: data, crc, size };
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
