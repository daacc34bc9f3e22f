/**
 * What a CLI command is. main.ts keeps the commands in one table; a command gets its own
 * arguments (after the command name) and the process's streams, and returns the exit code.
 */
import type { Day } from '../../shared/dates/calendar';

export interface Io {
  /** write to standard output (the report, or the JSON result) */
  readonly stdout: (text: string) => void;
  /** write to standard error (problems, warnings) */
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** the folder relative file names are resolved from */
  readonly cwd: string;
  /** today's date in England (the default as-of date) */
  readonly today: () => Day;
  /** standard error is a terminal: worth drawing a progress bar on */
  readonly interactive?: boolean;
}

export interface Command {
  readonly name: string;
  /** one line for the command list in --help */
  readonly summary: string;
  /** the command's own --help text */
  readonly help: string;
  run(args: readonly string[], io: Io): Promise<number>;
}
