import fc from 'fast-check';
import { cellRef, columnLetters, columnNumber, MAX_COLUMN, parseRangeRef, rangeRef } from './a1';

describe('column letters', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('%i is %s and back', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(`$${letters.toLowerCase()}`)).toBe(n);
  });

  it('round-trips every column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_COLUMN }), (n) => columnNumber(columnLetters(n)) === n),
    );
  });

  it('refuses columns Excel does not have', () => {
    expect(() => columnLetters(0)).toThrow(RangeError);
    expect(() => columnLetters(MAX_COLUMN + 1)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
    expect(() => columnNumber('XFE')).toThrow(RangeError);
    expect(() => columnNumber('A1')).toThrow(RangeError);
  });
});

describe('A1 references', () => {
  it('writes relative and absolute cells and ranges', () => {
    expect(cellRef(5, 26)).toBe('Z5');
    expect(cellRef(4, 26, true)).toBe('$Z$4');
    expect(rangeRef({ firstRow: 4, lastRow: 4, firstColumn: 26, lastColumn: 53 }, true)).toBe('$Z$4:$BA$4');
    expect(rangeRef({ firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 1 }, true)).toBe('$A$1');
  });

  it('parses what it writes', () => {
    const range = { firstRow: 4, lastRow: 9, firstColumn: 26, lastColumn: 53 };
    expect(parseRangeRef(rangeRef(range, true))).toEqual(range);
    expect(parseRangeRef('A1')).toEqual({ firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 1 });
    expect(() => parseRangeRef('Sheet1!A1')).toThrow(RangeError);
  });
});
