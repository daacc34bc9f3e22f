/**
 * Statuses, their colours and their order (RULES.md section 2).
 * Colour is never the only signal: the status word is always written in the cell.
 */

export const STATUSES = [
  'Overdue',
  'Action needed',
  'Check data',
  'Due soon',
  'On track',
  'Done',
  'Not applicable',
] as const;

export type Status = (typeof STATUSES)[number];

/** Worst first: the overall flag of a row is its first status in this order. */
export const STATUS_SEVERITY: Readonly<Record<Status, number>> = {
  Overdue: 0,
  'Action needed': 1,
  'Check data': 2,
  'Due soon': 3,
  'On track': 4,
  Done: 5,
  'Not applicable': 6,
};

/** Fill colours (hex RGB, no '#'); text stays dark. Not applicable has no fill. */
export const STATUS_FILL: Readonly<Record<Status, string | null>> = {
  Overdue: 'F4CCCC',
  'Action needed': 'F4CCCC',
  'Check data': 'D9D2E9',
  'Due soon': 'FCE5CD',
  'On track': 'D9EAD3',
  Done: 'D9EAD3',
  'Not applicable': null,
};

export function worseOf(a: Status, b: Status): Status {
  return STATUS_SEVERITY[b] < STATUS_SEVERITY[a] ? b : a;
}

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'Not applicable';
  for (const status of statuses) worst = worseOf(worst, status);
  return worst;
}
