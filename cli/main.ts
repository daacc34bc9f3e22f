#!/usr/bin/env node
/**
 * The `caseload-flags` command line: deadline flags for looked-after children and care
 * leavers, worked out from a team's own tracker workbook.
 *
 * `run(argv, io)` does the work and returns the exit code, so tests call it in-process
 * with their own streams; the bottom of this file wires it to the real process.
 * Exit codes: 0 done, 2 a problem the user can fix (one sentence on stderr), 1 unexpected.
 */
import { todayInLondon } from '../shared/dates/calendar';
import { packageVersion, parseTopLevel, PROGRAM } from './args';
import { evaluateCommand } from './commands/evaluate';
import { refreshCommand } from './commands/refresh';
import type { Command, Io } from './commands/types';
import { describeFailure, EXIT_OK, UserError } from './errors';

export type { Command, Io } from './commands/types';

/**
 * Every command, by the name typed after `caseload-flags`. To add one (e.g. `refresh`,
 * which writes the flags back into the workbook), write `cli/commands/<name>.ts` exporting
 * a `Command` and list it here: help and dispatch pick it up.
 */
export const COMMANDS: Readonly<Record<string, Command>> = {
  evaluate: evaluateCommand,
  refresh: refreshCommand,
};

export function generalHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return `${PROGRAM} ${packageVersion()}: deadline flags for looked-after children and care leavers,
worked out from your team's own tracker workbook.

Usage: ${PROGRAM} <command> [options]

Commands:
${names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`).join('\n')}

Options:
  -h, --help     show this help (or "${PROGRAM} <command> --help" for a command's options)
  -V, --version  show the version

Start with: ${PROGRAM} refresh examples/tracker.xlsx
`;
}

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const top = parseTopLevel(argv);
    if (top.kind === 'help') {
      io.stdout(generalHelp());
      return EXIT_OK;
    }
    if (top.kind === 'version') {
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, top.command)
      ? COMMANDS[top.command]
      : undefined;
    if (!command) {
      throw new UserError(
        `"${top.command}" is not a command: the commands are ${Object.keys(COMMANDS).join(', ')} (see "${PROGRAM} --help").`,
      );
    }
    return await command.run(top.args, io);
  } catch (error) {
    const failure = describeFailure(error, io.env);
    io.stderr(failure.message);
    return failure.exitCode;
  }
}

/** The real process: its arguments, streams, environment and today's date in England. */
export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    today: () => todayInLondon(),
    interactive: process.stderr.isTTY === true,
  };
}

if (require.main === module) {
  // `caseload-flags evaluate big.xlsx | head`: the reader leaving early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  run(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // run() reports its own failures; this is only a last resort
      process.stderr.write(`${PROGRAM} stopped unexpectedly: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
