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
  return severityOf(b) < severityOf(a) ? b : a;
}

/**
 * STATUS_SEVERITY[status], for the engine's inner loop: a lookup by a varying key in an
 * object is a slow path of the JavaScript engine, comparing with seven constants is not.
 */
function severityOf(status: Status): number {
  switch (status) {
    case 'Overdue':
      return 0;
    case 'Action needed':
      return 1;
    case 'Check data':
      return 2;
    case 'Due soon':
      return 3;
    case 'On track':
      return 4;
    case 'Done':
      return 5;
    default:
      return 6;
  }
}

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'Not applicable';
  for (const status of statuses) worst = worseOf(worst, status);
  return worst;
}
