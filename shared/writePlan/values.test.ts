import {
  compareText,
  dateValue,
  MAX_CELL_TEXT,
  safeText,
  statusConditionalFormat,
  textValue,
} from './values';

describe('safeText', () => {
  it('drops control characters but keeps tabs and line breaks', () => {
    expect(safeText('a\u0000b\u0007c\td\ne\u001Ff\u007F')).toBe('abc\td\nef');
    expect(safeText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('drops lone surrogates but keeps real characters outside the BMP', () => {
    expect(safeText('a\uD800b')).toBe('ab');
    expect(safeText('ok 😀')).toBe('ok 😀');
  });

  it("cuts text to Excel's 32,767 characters", () => {
    const long = safeText('x'.repeat(40_000));
    expect(long).toHaveLength(MAX_CELL_TEXT);
    expect(long.endsWith('…')).toBe(true);
    expect(safeText('x'.repeat(MAX_CELL_TEXT))).toHaveLength(MAX_CELL_TEXT);
  });

  it('leaves formula-like text alone (adapters write it literally)', () => {
    expect(safeText('=SUM(A1)')).toBe('=SUM(A1)');
    expect(textValue('')).toBeNull();
    expect(textValue('\u0000')).toBeNull();
    expect(textValue(undefined)).toBeNull();
  });
});

describe('compareText', () => {
  it('sorts ignoring case, then by exact text, whatever the machine locale', () => {
    expect(['b', 'B', 'a', 'C'].sort(compareText)).toEqual(['a', 'B', 'b', 'C']);
  });
});

describe('statusConditionalFormat', () => {
  it('has the four colour groups of RULES.md section 2, Not applicable uncoloured', () => {
    const cf = statusConditionalFormat({ firstRow: 2, lastRow: 9, firstColumn: 3, lastColumn: 3 });
    expect(cf.rules.map((rule) => rule.fill)).toEqual(['F4CCCC', 'FCE5CD', 'D9EAD3', 'D9D2E9']);
    expect(cf.rules.map((rule) => rule.formula).join()).not.toContain('Not applicable');
    expect(cf.rules[2].formula).toBe('OR(C2="On track",C2="Done")');
  });
});

describe('dateValue', () => {
  it('makes real dates date cells, and anything else text (never an impossible date cell)', () => {
    expect(dateValue('2026-02-28')).toEqual({ kind: 'date', iso: '2026-02-28' });
    expect(dateValue('2026-02-30')).toEqual({ kind: 'text', text: '2026-02-30' });
    expect(dateValue(null)).toBeNull();
    expect(dateValue('')).toBeNull();
  });
});
