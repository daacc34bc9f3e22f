/**
 * zod issues as problems a person can act on: "row 12, lastReviewDate: not a date: send
 * dates as YYYY-MM-DD". Row problems name the worksheet row number the user sees.
 */
import type { z } from 'zod';
import { type Problem, quoteKey, shortenKey } from '../../shared/wire';

/** How many problems a reply lists (the count says how many there were). */
export const PROBLEMS_SHOWN = 5;

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${shortenKey(String(part))}` : shortenKey(String(part));
  }
  return text || '(the request)';
}

/** The worksheet row number of `rows[index]`, when the request gave a usable one. */
function rowNumber(body: unknown, index: number): number | undefined {
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return undefined;
  const row = (rows[index] as { row?: unknown } | null)?.row;
  return typeof row === 'number' && Number.isSafeInteger(row) && row >= 1 ? row : undefined;
}

/** zod's own wording for unknown keys quotes them in full; ours shortens and counts them. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys' || !issue.message.startsWith('Unrecognized key'))
    return issue.message;
  const keys = issue.keys.slice(0, 5).map(quoteKey);
  return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${keys.join(', ')}${issue.keys.length > 5 ? ' …' : ''}`;
}

export function toProblem(issue: z.core.$ZodIssue, body: unknown): Problem {
  const path = issue.path;
  const problem: Problem = { path: pathText(path), message: messageOf(issue) };
  if (path[0] === 'rows' && typeof path[1] === 'number') {
    const row = rowNumber(body, path[1]);
    if (row !== undefined) problem.row = row;
    if (path[2] === 'fields' && typeof path[3] === 'string') problem.field = shortenKey(path[3]);
  }
  return problem;
}

export function describeProblem(problem: Problem): string {
  if (problem.row !== undefined) {
    return `row ${problem.row}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}`;
  }
  return `${problem.path}: ${problem.message}`;
}

/** `complete` false: checking stopped early, so there may be more problems than were counted. */
export function summarise(
  issues: readonly z.core.$ZodIssue[],
  body: unknown,
  complete = true,
): { message: string; problems: Problem[] } {
  const problems = issues.slice(0, PROBLEMS_SHOWN).map((issue) => toProblem(issue, body));
  const listed = problems.map(describeProblem).join('; ');
  const rest = issues.length - problems.length;
  const more = complete ? (rest > 0 ? ` (and ${rest} more)` : '') : ' (and more: checking stopped there)';
  const count = !complete
    ? `at least ${issues.length} problems`
    : issues.length === 1
      ? 'a problem'
      : `${issues.length} problems`;
  return { message: `The request has ${count}: ${listed}${more}.`, problems };
}
