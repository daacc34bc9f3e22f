import { STATUSES, STATUS_SEVERITY, worseOf, worstStatus } from './status';

describe('worseOf', () => {
  it('gives the status earlier in RULES.md order, for every pair', () => {
    for (const a of STATUSES) {
      for (const b of STATUSES) {
        const expected = STATUS_SEVERITY[a] <= STATUS_SEVERITY[b] ? a : b;
        expect(worseOf(a, b)).toBe(expected);
      }
    }
  });

  it('orders the statuses as listed: Overdue worst, Not applicable least', () => {
    expect(STATUSES.map((status) => STATUS_SEVERITY[status])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(worstStatus([])).toBe('Not applicable');
    expect(worstStatus(['Done', 'Due soon', 'On track'])).toBe('Due soon');
    expect(worstStatus(['Check data', 'Action needed'])).toBe('Action needed');
  });
});
