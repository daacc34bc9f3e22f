/**
 * How the CLI fails. A problem the user can fix (a missing file, a bad option, a workbook
 * with a password) is a `UserError`: one plain sentence on stderr saying what is wrong and
 * what to do, exit code 2, no stack trace. Anything else is a bug or an environment
 * failure: a short message and exit code 1 (the stack only with DEBUG=caseload-flags).
 */

export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_USER_ERROR = 2;

export class UserError extends Error {
  override readonly name = 'UserError';
}

/** Whether the stack of an unexpected error should be shown (DEBUG=caseload-flags, or a list containing it). */
export function debugEnabled(env: NodeJS.ProcessEnv): boolean {
  const debug = env.DEBUG ?? '';
  return debug
    .split(/[\s,]+/)
    .some((name) => name === 'caseload-flags' || name === 'caseload-flags:*' || name === '*');
}

/** The text printed on stderr for an error, and the exit code. */
export function describeFailure(
  error: unknown,
  env: NodeJS.ProcessEnv,
): { message: string; exitCode: number } {
  if (error instanceof UserError) return { message: `${error.message}\n`, exitCode: EXIT_USER_ERROR };
  const short = error instanceof Error ? error.message : String(error);
  const stack = debugEnabled(env) && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return {
    message:
      `caseload-flags stopped unexpectedly: ${short}${stack}\n` +
      (stack ? '' : 'Run again with DEBUG=caseload-flags for details, and report it with that output.\n'),
    exitCode: EXIT_UNEXPECTED,
  };
}
