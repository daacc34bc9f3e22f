import { parseAsOf, parseEvaluateArgs, parseTopLevel } from '../../cli/args';
import { UserError } from '../../cli/errors';
import { fromYmd } from '../../shared/dates/calendar';

const TODAY = fromYmd(2026, 11, 23);

describe('parseTopLevel', () => {
  it('shows help with no arguments, --help or -h', () => {
    expect(parseTopLevel([])).toEqual({ kind: 'help' });
    expect(parseTopLevel(['--help'])).toEqual({ kind: 'help' });
    expect(parseTopLevel(['-h'])).toEqual({ kind: 'help' });
  });

  it('shows the version with --version or -V', () => {
    expect(parseTopLevel(['--version'])).toEqual({ kind: 'version' });
    expect(parseTopLevel(['-V'])).toEqual({ kind: 'version' });
  });

  it('passes everything after the command to the command', () => {
    expect(parseTopLevel(['evaluate', 'a.xlsx', '--json'])).toEqual({
      kind: 'command',
      command: 'evaluate',
      args: ['a.xlsx', '--json'],
    });
  });

  it('treats "help <command>" as "<command> --help"', () => {
    expect(parseTopLevel(['help', 'evaluate'])).toEqual({
      kind: 'command',
      command: 'evaluate',
      args: ['--help'],
    });
  });

  it('rejects an unknown option before the command', () => {
    expect(() => parseTopLevel(['--colour'])).toThrow(UserError);
    expect(() => parseTopLevel(['--colour'])).toThrow(/--colour is not an option here/);
  });
});

describe('parseEvaluateArgs', () => {
  it('reads the file and every option', () => {
    expect(
      parseEvaluateArgs([
        'tracker.xlsx',
        '--sheet',
        'CLA tracker',
        '--as-of',
        '2026-12-01',
        '--map',
        'm.json',
        '--policy',
        'p.json',
        '--json',
      ]),
    ).toEqual({
      help: false,
      file: 'tracker.xlsx',
      sheet: 'CLA tracker',
      asOf: '2026-12-01',
      map: 'm.json',
      policy: 'p.json',
      json: true,
    });
  });

  it('accepts --option=value and options before the file', () => {
    const args = parseEvaluateArgs(['--as-of=2026-01-02', '--json', 'x.csv']);
    expect(args).toMatchObject({ file: 'x.csv', asOf: '2026-01-02', json: true });
  });

  it('defaults: no sheet, no as-of, report not JSON', () => {
    expect(parseEvaluateArgs(['t.xlsx'])).toEqual({
      help: false,
      file: 't.xlsx',
      sheet: undefined,
      asOf: undefined,
      map: undefined,
      policy: undefined,
      json: false,
    });
  });

  it('allows --help without a file', () => {
    expect(parseEvaluateArgs(['--help']).help).toBe(true);
  });

  it('asks for the tracker when none is given', () => {
    expect(() => parseEvaluateArgs([])).toThrow(/Say which tracker to evaluate/);
  });

  it('refuses two trackers, and hints at quoting names with spaces', () => {
    expect(() => parseEvaluateArgs(['My', 'tracker.xlsx'])).toThrow(/one tracker at a time.*quotes/);
  });

  it('names an unknown option and says how to see the options', () => {
    expect(() => parseEvaluateArgs(['t.xlsx', '--asof', '2026-01-01'])).toThrow(
      /--asof is not an option here: run "caseload-flags evaluate --help"/,
    );
  });

  it('says when an option has no value', () => {
    expect(() => parseEvaluateArgs(['t.xlsx', '--sheet'])).toThrow(/--sheet needs a value/);
    expect(() => parseEvaluateArgs(['t.xlsx', '--json=yes'])).toThrow(
      /^--json takes no value: give it alone, e\.g\. --json\.$/,
    );
  });
});

describe('parseAsOf', () => {
  it('defaults to today', () => {
    expect(parseAsOf(undefined, TODAY)).toBe(TODAY);
  });

  it('reads YYYY-MM-DD', () => {
    expect(parseAsOf('2027-02-28', TODAY)).toBe(fromYmd(2027, 2, 28));
    expect(parseAsOf(' 2028-02-29 ', TODAY)).toBe(fromYmd(2028, 2, 29));
  });

  it('rejects a date that does not exist', () => {
    expect(() => parseAsOf('2026-02-30', TODAY)).toThrow(
      /2026-02-30 does not exist: give a real date as YYYY-MM-DD/,
    );
    expect(() => parseAsOf('2027-02-29', TODAY)).toThrow(UserError);
  });

  it('rejects words and other formats with an example', () => {
    expect(() => parseAsOf('tomorrow', TODAY)).toThrow(
      'The as-of date "tomorrow" is not a date: give it as YYYY-MM-DD, e.g. --as-of 2026-11-23.',
    );
    expect(() => parseAsOf('23/11/2026', TODAY)).toThrow(/is not a date/);
    expect(() => parseAsOf('', TODAY)).toThrow(UserError);
  });
});
