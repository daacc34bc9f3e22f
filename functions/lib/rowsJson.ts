/**
 * The evaluate reply's rows as JSON bytes: exactly the UTF-8 of JSON.stringify, written a few
 * rows at a time. A result that rows share is one frozen object, and the engine keeps it for
 * the next evaluation on the same as-of date (shared/resultCaches.ts, shared/assess.ts), so
 * its bytes are made once and copied into every row and every reply that holds it, rather
 * than written out as JSON and encoded again each time (most of a reply's bytes are results).
 */

import { isPlainObject } from '../../shared/json';

/** The bytes of frozen results, for as long as the result itself is kept. */
const resultBytes = new WeakMap<object, Buffer>();

/** `"key":` of each results key seen (rule ids), up to a bound. */
const keyBytes = new Map<string, Buffer>();
const KEYS_KEPT = 1_000;

const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** A growing buffer that JSON text and kept bytes are written into. */
class ByteWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  byte(value: number): void {
    this.room(1);
    this.buffer[this.length] = value;
    this.length += 1;
  }

  bytes(bytes: Buffer): void {
    this.room(bytes.length);
    bytes.copy(this.buffer, this.length);
    this.length += bytes.length;
  }

  text(text: string): void {
    // (UTF-8 takes at most 3 bytes for each UTF-16 code unit)
    this.room(text.length * 3);
    this.length += this.buffer.write(text, this.length);
  }

  /** What has been written (the buffer is not written to again). */
  written(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private room(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + more));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}

function keyOf(key: string): Buffer {
  let bytes = keyBytes.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(`${JSON.stringify(key)}:`);
    if (keyBytes.size >= KEYS_KEPT) keyBytes.clear();
    keyBytes.set(key, bytes);
  }
  return bytes;
}

/**
 * What JSON.stringify writes for `value` under `key` in an object (undefined when it leaves
 * the key out): written inside an object of its own, so a `toJSON` is given the same key.
 */
function memberJson(key: string, value: unknown): string | undefined {
  const calledWithKey =
    (typeof value === 'object' && value !== null && 'toJSON' in value) || typeof value === 'bigint';
  if (!calledWithKey) return JSON.stringify(value) as string | undefined;
  const object = JSON.stringify({ [key]: value });
  return object === '{}' ? undefined : object.slice(JSON.stringify(key).length + 2, -1);
}

/** A plain result's JSON: kept when the result is frozen (it cannot change), made each time otherwise. */
function writeResult(out: ByteWriter, result: object): void {
  let bytes = resultBytes.get(result);
  if (bytes === undefined) {
    if (!Object.isFrozen(result)) {
      out.text(JSON.stringify(result));
      return;
    }
    bytes = Buffer.from(JSON.stringify(result));
    resultBytes.set(result, bytes);
  }
  out.bytes(bytes);
}

/** `{"rule-id":{...},...}`: JSON.stringify of a row's results. */
function writeResults(out: ByteWriter, results: Record<string, unknown>): void {
  out.byte(OPEN_BRACE);
  let first = true;
  for (const key of Object.keys(results)) {
    const result = results[key];
    if (isPlainObject(result) && !('toJSON' in result)) {
      if (!first) out.byte(COMMA);
      out.bytes(keyOf(key));
      writeResult(out, result);
    } else {
      const json = memberJson(key, result);
      if (json === undefined) continue;
      if (!first) out.byte(COMMA);
      out.bytes(keyOf(key));
      out.text(json);
    }
    first = false;
  }
  out.byte(CLOSE_BRACE);
}

/**
 * One row (`index` in the list of rows): its own fields as JSON.stringify writes them, and
 * its `results` (a plain object) from kept bytes where it can. Anything else is
 * JSON.stringify's.
 */
function writeRow(out: ByteWriter, row: unknown, index: number): void {
  if (!isPlainObject(row) || 'toJSON' in row || !isPlainObject(row.results) || 'toJSON' in row.results) {
    // (in a list, what JSON.stringify leaves out of an object is null)
    out.text(memberJson(String(index), row) ?? 'null');
    return;
  }
  // The fields before and after the results each go in one text, with the results in between.
  let text = '{';
  let first = true;
  for (const key of Object.keys(row)) {
    if (key === 'results') {
      out.text(`${text}${first ? '' : ','}"results":`);
      writeResults(out, row.results);
      text = '';
    } else {
      const json = memberJson(key, row[key]);
      if (json === undefined) continue;
      text += `${first ? '' : ','}${JSON.stringify(key)}:${json}`;
    }
    first = false;
  }
  out.text(`${text}}`);
}

/** rows[start..end-1] as JSON separated by commas, with a comma first when `after` (rows went before). */
export function rowsJson(rows: readonly unknown[], start: number, end: number, after: boolean): Buffer {
  // (about 3 KB a row for a fully tracked tracker)
  const out = new ByteWriter(Math.max(1, end - start) * 4_096);
  for (let i = start; i < end; i += 1) {
    if (after || i > start) out.byte(COMMA);
    writeRow(out, rows[i], i);
  }
  return out.written();
}
