/**
 * A value for each whole number below a limit (a day, a count of days), worked out when
 * first asked for and kept for the life of the process.
 *
 * The values live in blocks allocated as they are needed. A plain array filled at
 * scattered indexes is turned by the JavaScript engine into a hash table, which is slow to
 * read on every cell of every row; an array of the full length would hold megabytes for
 * the few hundred days a tracker names.
 */
const BLOCK_BITS = 9;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK_SIZE - 1;

/**
 * `build(index)`, kept for indexes 0 to `limit - 1`. At most `maxKept` values are kept: past
 * that, new ones are worked out each time (so a service fed every day of two centuries keeps
 * a bounded amount).
 */
export function memoByIndex<T>(
  build: (index: number) => T,
  limit: number,
  maxKept = limit,
): (index: number) => T {
  const blocks: (T | undefined)[][] = new Array<(T | undefined)[]>(Math.ceil(limit / BLOCK_SIZE));
  let kept = 0;
  return (index) => {
    if (!(index >= 0 && index < limit) || (index | 0) !== index) return build(index);
    const b = index >> BLOCK_BITS;
    let block = blocks[b];
    if (block === undefined) {
      block = new Array<T | undefined>(BLOCK_SIZE).fill(undefined);
      blocks[b] = block;
    }
    let value = block[index & IN_BLOCK];
    if (value === undefined) {
      value = build(index);
      if (kept < maxKept) {
        block[index & IN_BLOCK] = value;
        kept += 1;
      }
    }
    return value;
  };
}
