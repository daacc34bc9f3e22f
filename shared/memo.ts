/**
 * Values kept by whole number below a limit (a day, a count of days).
 *
 * The values live in blocks allocated as they are needed. A plain array filled at
 * scattered indexes is turned by the JavaScript engine into a hash table, which is slow to
 * read on every cell of every row; an array of the full length would hold megabytes for
 * the few hundred days a tracker names.
 */
const BLOCK_BITS = 9;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK_SIZE - 1;

/** A value for each index from 0 to `limit - 1` that has been given one. */
export class IndexedTable<T> {
  /** allocated when the first value is set */
  private blocks: ((T | undefined)[] | undefined)[] | null = null;

  constructor(readonly limit: number) {}

  /** Whether `index` is one the table can hold: a whole number from 0 to limit - 1. */
  holds(index: number): boolean {
    return index >= 0 && index < this.limit && (index | 0) === index;
  }

  /** The value at `index`, or undefined (also for an index the table cannot hold). */
  get(index: number): T | undefined {
    if (this.blocks === null || !this.holds(index)) return undefined;
    return this.blocks[index >> BLOCK_BITS]?.[index & IN_BLOCK];
  }

  /** Sets the value at `index`; false (and nothing kept) for an index the table cannot hold. */
  set(index: number, value: T): boolean {
    if (!this.holds(index)) return false;
    this.blocks ??= new Array<(T | undefined)[] | undefined>(Math.ceil(this.limit / BLOCK_SIZE)).fill(
      undefined,
    );
    const b = index >> BLOCK_BITS;
    let block = this.blocks[b];
    if (block === undefined) {
      block = new Array<T | undefined>(BLOCK_SIZE).fill(undefined);
      this.blocks[b] = block;
    }
    block[index & IN_BLOCK] = value;
    return true;
  }
}

/**
 * `build(index)`, worked out when first asked for and kept for the life of the process, for
 * indexes 0 to `limit - 1`. At most `maxKept` values are kept: past that, new ones are worked
 * out each time (so a service fed every day of two centuries keeps a bounded amount).
 */
export function memoByIndex<T>(
  build: (index: number) => T,
  limit: number,
  maxKept = limit,
): (index: number) => T {
  const table = new IndexedTable<T>(limit);
  let kept = 0;
  return (index) => {
    let value = table.get(index);
    if (value === undefined) {
      value = build(index);
      if (kept < maxKept && table.set(index, value)) kept += 1;
    }
    return value;
  };
}

/**
 * `build(key)`, worked out when first asked for and kept, for keys that are small values (a
 * status, a policy number, a score). Once `maxKept` are kept the table starts afresh, so a
 * service sent many different values keeps a bounded amount.
 */
export function memoByKey<K, V>(build: (key: K) => V, maxKept: number): (key: K) => V {
  const made = new Map<K, V>();
  // The last key asked for is checked first: row after row asks for the same one (one
  // policy's number of days, one status), and a comparison is cheaper than a search.
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key) => {
    if (key === lastKey && lastValue !== undefined) return lastValue;
    let value = made.get(key);
    if (value === undefined) {
      value = build(key);
      if (made.size >= maxKept) made.clear();
      made.set(key, value);
    }
    lastKey = key;
    lastValue = value;
    return value;
  };
}
