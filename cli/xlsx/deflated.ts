/** A package part held compressed (raw deflate), with what the zip directory needs. */
import * as zlib from 'node:zlib';

export interface DeflatedPart {
  readonly deflated: Uint8Array;
  /** CRC-32 of the uncompressed bytes */
  readonly crc: number;
  /** length of the uncompressed bytes */
  readonly size: number;
}

export function isDeflated(part: Uint8Array | DeflatedPart): part is DeflatedPart {
  return !(part instanceof Uint8Array);
}

let table: Int32Array | null = null;

/** CRC-32 (zip's), continuing from `previous`: Node's own when it has one (20.15+). */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v: number) => number }).crc32;
  if (native) return native(data, previous);
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
