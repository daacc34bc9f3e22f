/**
 * Command-line arguments, parsed with Node's own `util.parseArgs` (strict: an option we
 * do not know is an error, not silently ignored). Every problem becomes a `UserError`
 * with one sentence saying what to type instead.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Day, fromIso, toIso } from '../shared/dates/calendar';
import { UserError } from './errors';

export const PROGRAM = 'caseload-flags';

let version: string | undefined;

/**
 * The version in the package's package.json: found by walking up from this file, which is
 * cli/ under tsx and dist/cli/ once built.
 */
export function packageVersion(): string {
  if (version === undefined) {
    version = 'unknown';
    for (let dir = __dirname; ; dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === PROGRAM && pkg.version) {
          version = pkg.version;
          break;
        }
      } catch {
        // no package.json here: keep walking up
      }
      if (dirname(dir) === dir) break;
    }
  }
  return version;
}

/** What comes before the command: `caseload-flags --help`, `caseload-flags --version`, or a command and its arguments. */
export type TopLevel =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'command'; readonly command: string; readonly args: readonly string[] };

export function parseTopLevel(argv: readonly string[]): TopLevel {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'help' };
  if (first === 'help')
    return rest.length ? { kind: 'command', command: rest[0], args: ['--help'] } : { kind: 'help' };
  if (!first.startsWith('-')) return { kind: 'command', command: first, args: rest };
  const { values } = strictParse(
    [...argv],
    { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } },
    null,
  );
  if (values.version) return { kind: 'version' };
  return { kind: 'help' };
}

export interface EvaluateArgs {
  readonly help: boolean;
  /** the tracker file (.xlsx or .csv) */
  readonly file: string;
  readonly sheet?: string;
  /** as typed; checked by `parseAsOf` */
  readonly asOf?: string;
  readonly map?: string;
  readonly policy?: string;
  readonly json: boolean;
}

const EVALUATE_OPTIONS = {
  sheet: { type: 'string' },
  'as-of': { type: 'string' },
  map: { type: 'string' },
  policy: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseEvaluateArgs(argv: readonly string[]): EvaluateArgs {
  const { values, positionals } = strictParse([...argv], EVALUATE_OPTIONS, 'evaluate');
  const help = values.help === true;
  return {
    help,
    file: oneTracker(positionals, help, 'evaluate'),
    sheet: values.sheet,
    asOf: values['as-of'],
    map: values.map,
    policy: values.policy,
    json: values.json === true,
  };
}

/**
 * The as-of date: `YYYY-MM-DD`, a real calendar date. Without one, today in England
 * (RULES.md section 1).
 */
export function parseAsOf(text: string | undefined, today: Day): Day {
  if (text === undefined) return today;
  const trimmed = text.trim();
  const day = fromIso(trimmed);
  if (day !== null) return day;
  const example = toIso(today);
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    throw new UserError(
      `The as-of date ${trimmed} does not exist: give a real date as YYYY-MM-DD, e.g. ${example}.`,
    );
  }
  throw new UserError(
    `The as-of date "${text}" is not a date: give it as YYYY-MM-DD, e.g. --as-of ${example}.`,
  );
}

export interface RefreshArgs extends Omit<EvaluateArgs, 'json'> {
  readonly out?: string;
  readonly inPlace: boolean;
}

const REFRESH_OPTIONS = {
  sheet: { type: 'string' },
  'as-of': { type: 'string' },
  map: { type: 'string' },
  policy: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'in-place': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseRefreshArgs(argv: readonly string[]): RefreshArgs {
  const { values, positionals } = strictParse([...argv], REFRESH_OPTIONS, 'refresh');
  const help = values.help === true;
  if (values.out !== undefined && values['in-place']) {
    throw new UserError(
      'Use either --out (write a new file) or --in-place (update the tracker itself), not both.',
    );
  }
  return {
    help,
    file: oneTracker(positionals, help, 'refresh'),
    sheet: values.sheet,
    asOf: values['as-of'],
    map: values.map,
    policy: values.policy,
    out: values.out,
    inPlace: values['in-place'] === true,
  };
}

/** The one tracker file a command works on (none is fine with --help). */
function oneTracker(positionals: readonly string[], help: boolean, command: string): string {
  if (!help && positionals.length === 0) {
    throw new UserError(
      `Say which tracker to ${command}, e.g. "${PROGRAM} ${command} tracker.xlsx" (run "${PROGRAM} ${command} --help" for the options).`,
    );
  }
  if (positionals.length > 1) {
    throw new UserError(
      `Give one tracker at a time (got ${positionals.length}: ${positionals.join(', ')}); put a file name with spaces in quotes.`,
    );
  }
  return positionals[0] ?? '';
}

type OptionsConfig = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** `parseArgs` in strict mode, its errors turned into a sentence for the user. */
function strictParse<O extends OptionsConfig>(args: string[], options: O, command: string | null) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: command !== null });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const named = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
    const help = command ? `${PROGRAM} ${command} --help` : `${PROGRAM} --help`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UserError(
        `${named || 'That option'} is not an option here: run "${help}" to see the options.`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(message)) {
        throw new UserError(
          `${named || 'That option'} takes no value: give it alone, e.g. ${named || '--json'}.`,
        );
      }
      throw new UserError(`${named || 'An option'} needs a value after it: run "${help}" for an example.`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UserError(
        `Start with a command, e.g. "${PROGRAM} evaluate tracker.xlsx" (see "${PROGRAM} --help").`,
      );
    }
    throw error;
  }
}
