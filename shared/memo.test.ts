import { IndexedTable, memoByIndex, memoByKey } from './memo';

describe('memoByIndex', () => {
  it('works each value out once and gives the same value back', () => {
    const built: number[] = [];
    const text = memoByIndex((i) => {
      built.push(i);
      return { text: `#${i}` };
    }, 100_000);
    const first = text(73_000);
    expect(first).toEqual({ text: '#73000' });
    expect(text(73_000)).toBe(first);
    expect(text(0)).toEqual({ text: '#0' });
    expect(text(99_999)).toEqual({ text: '#99999' });
    expect(text(511)).not.toBe(text(512)); // either side of a block boundary
    expect(built).toEqual([73_000, 0, 99_999, 511, 512]);
  });

  it('works out, but does not keep, values outside 0..limit-1 or for fractions', () => {
    let calls = 0;
    const square = memoByIndex((i) => {
      calls += 1;
      return i * i;
    }, 10);
    expect([square(-1), square(10), square(2.5), square(Number.NaN)]).toEqual([1, 100, 6.25, Number.NaN]);
    expect([square(-1), square(10), square(2.5)]).toEqual([1, 100, 6.25]);
    expect(calls).toBe(7);
    expect(square(3)).toBe(9);
    expect(square(3)).toBe(9);
    expect(calls).toBe(8);
  });

  it('keeps at most maxKept values, and still works out the rest', () => {
    let calls = 0;
    const double = memoByIndex(
      (i) => {
        calls += 1;
        return { value: i * 2 };
      },
      1_000,
      3,
    );
    const kept = [double(1), double(2), double(3)];
    expect(double(1)).toBe(kept[0]);
    expect(double(3)).toBe(kept[2]);
    expect(double(4)).toEqual({ value: 8 });
    expect(double(4)).not.toBe(double(4));
    expect(calls).toBe(6);
  });
});

describe('IndexedTable', () => {
  it('gives back what was set at each index, and undefined elsewhere', () => {
    const table = new IndexedTable<string>(2_000);
    expect(table.get(700)).toBeUndefined();
    expect(table.set(700, 'a')).toBe(true);
    expect(table.set(511, 'b')).toBe(true);
    expect(table.set(512, 'c')).toBe(true);
    expect([table.get(700), table.get(511), table.get(512), table.get(701), table.get(0)]).toEqual([
      'a',
      'b',
      'c',
      undefined,
      undefined,
    ]);
    table.set(700, 'd');
    expect(table.get(700)).toBe('d');
  });

  it('holds nothing outside 0..limit-1 or at a fraction', () => {
    const table = new IndexedTable<number>(10);
    for (const index of [-1, 10, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(table.holds(index)).toBe(false);
      expect(table.set(index, 1)).toBe(false);
      expect(table.get(index)).toBeUndefined();
    }
    expect(table.holds(9)).toBe(true);
  });
});

describe('memoByKey', () => {
  it('builds each key’s value once, and starts afresh once it holds maxKept', () => {
    const built: string[] = [];
    const greeting = memoByKey((name: string) => {
      built.push(name);
      return `Hello ${name}`;
    }, 2);
    expect(greeting('a')).toBe('Hello a');
    expect(greeting('a')).toBe('Hello a');
    expect(greeting('b')).toBe('Hello b');
    expect(built).toEqual(['a', 'b']);
    greeting('c'); // a third key: the table is cleared, then keeps c
    greeting('a');
    expect(built).toEqual(['a', 'b', 'c', 'a']);
    greeting('c');
    expect(built).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keys by identity for objects', () => {
    const length = memoByKey((terms: readonly number[]) => terms.length, 10);
    const terms = [1, 2, 3];
    expect(length(terms)).toBe(3);
    expect(length([1])).toBe(1);
  });
});
