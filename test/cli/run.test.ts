/**
 * The CLI in-process: `run(argv, io)` with captured streams. Every problem a user can fix
 * is one sentence on stderr with exit code 2 and no stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationSchema } from '../../shared/results';
import { COMMANDS } from '../../cli/main';
import {
  AS_OF_TEXT,
  cli,
  EXAMPLE,
  REPO,
  SMALL_TRACKER,
  tempDir,
  utc,
  writeText,
  writeWorkbook,
} from './helpers';

const tmp = tempDir();
let small: string;

beforeAll(async () => {
  small = await writeWorkbook(tmp.path('small.xlsx'), [{ name: 'Tracker', rows: SMALL_TRACKER }]);
});
afterAll(() => tmp.cleanup());

/** exit code 2, exactly one line on stderr, nothing on stdout, no stack trace */
function expectOneSentence(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr.trimEnd()).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('help and version', () => {
  it('--help lists the commands from the command table', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(result.stdout).toContain(`  ${name}  `);
    expect(result.stdout).toMatch(/Usage: caseload-flags <command>/);
  });

  it('evaluate --help lists its options', async () => {
    const result = await cli(['evaluate', '--help']);
    expect(result.code).toBe(0);
    for (const option of ['--sheet', '--as-of', '--map', '--policy', '--json'])
      expect(result.stdout).toContain(option);
  });

  it('--version prints the package version', async () => {
    const result = await cli(['--version']);
    expect(result.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(result.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('bad input: one sentence, exit code 2', () => {
  it('an unknown command', async () => {
    expectOneSentence(
      await cli(['evalute', 'x.xlsx']),
      /^"evalute" is not a command: the commands are evaluate/,
    );
  });

  it('an unknown option', async () => {
    expectOneSentence(await cli(['evaluate', small, '--csv']), /^--csv is not an option here/);
  });

  it('a missing file', async () => {
    expectOneSentence(
      await cli(['evaluate', 'no-such-tracker.xlsx']),
      /^There is no file no-such-tracker\.xlsx/,
    );
  });

  it('a text file renamed .xlsx', async () => {
    const path = writeText(tmp.path('renamed.xlsx'), 'just some notes\n');
    expectOneSentence(await cli(['evaluate', path]), /renamed\.xlsx is not an Excel workbook/);
  });

  it('a password-protected workbook', async () => {
    const ole = Buffer.alloc(1536);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    const path = writeText(tmp.path('protected.xlsx'), ole);
    expectOneSentence(
      await cli(['evaluate', path]),
      /protected with a password: save a copy without a password/,
    );
  });

  it('no recognisable header row', async () => {
    const path = await writeWorkbook(tmp.path('noheader.xlsx'), [
      { name: 'Notes', rows: [['Shopping list'], ['Milk', 'Bread']] },
      {
        name: 'Sheet2',
        rows: [
          ['a', 'b', 'c'],
          [1, 2, 3],
        ],
      },
    ]);
    expectOneSentence(
      await cli(['evaluate', path]),
      /^No header row was found in the first 30 rows of any sheet \("Notes", "Sheet2"\) of noheader\.xlsx: check it is the tracker/,
    );
  });

  it('--sheet naming a sheet that is not there lists the sheets', async () => {
    expectOneSentence(
      await cli(['evaluate', small, '--sheet', 'CLA']),
      /^small\.xlsx has no sheet called "CLA": its sheets are "Tracker"\.$/,
    );
  });

  it('an impossible --as-of', async () => {
    expectOneSentence(await cli(['evaluate', small, '--as-of', '2026-02-30']), /2026-02-30 does not exist/);
    expectOneSentence(await cli(['evaluate', small, '--as-of', 'tomorrow']), /"tomorrow" is not a date/);
  });

  it('a mapping file that is not JSON', async () => {
    const map = writeText(tmp.path('broken-map.json'), '{ dateOfBirth: "DOB" ');
    expectOneSentence(
      await cli(['evaluate', small, '--map', map]),
      /The mapping file .*broken-map\.json is not valid JSON/,
    );
  });

  it('a mapping file naming an unknown field', async () => {
    const map = writeText(tmp.path('unknown-field.json'), JSON.stringify({ birthday: 'DOB' }));
    expectOneSentence(
      await cli(['evaluate', small, '--map', map]),
      /The column mapping in .*unknown-field\.json cannot be used: "birthday" is not a tracker field/,
    );
  });

  it('a mapping file naming a header the sheet does not have', async () => {
    const map = writeText(tmp.path('unknown-header.json'), JSON.stringify({ dateOfBirth: 'Birthday' }));
    expectOneSentence(
      await cli(['evaluate', small, '--map', map]),
      /there is no column headed "Birthday" for dateOfBirth \(the headers are: "Name", "DOB"/,
    );
  });

  it('a mapping file that is JSON but not an object of headers', async () => {
    const map = writeText(tmp.path('array.json'), '["DOB"]');
    expectOneSentence(await cli(['evaluate', small, '--map', map]), /should hold one JSON object/);
    const numbers = writeText(tmp.path('numbers.json'), '{ "dateOfBirth": 2 }');
    expectOneSentence(
      await cli(['evaluate', small, '--map', numbers]),
      /needs a header as text.*dateOfBirth is not/,
    );
  });

  it('a missing mapping or policy file', async () => {
    expectOneSentence(
      await cli(['evaluate', small, '--map', 'nope.json']),
      /^There is no mapping file nope\.json/,
    );
    expectOneSentence(
      await cli(['evaluate', small, '--policy', 'nope.json']),
      /^There is no policy file nope\.json/,
    );
  });

  it('an invalid policy', async () => {
    const policy = writeText(
      tmp.path('policy.json'),
      JSON.stringify({ dentalCheckMonths: 0, colour: 'red' }),
    );
    expectOneSentence(
      await cli(['evaluate', small, '--policy', policy]),
      /^The policy in .*policy\.json is not valid \(.*dentalCheckMonths.*\): correct those entries and run again\.$/,
    );
  });

  it('a policy giving a warning window to a rule that does not exist', async () => {
    const policy = writeText(
      tmp.path('typo.json'),
      JSON.stringify({ windows: { 'cla-reveiw': { days: 10 } } }),
    );
    expectOneSentence(
      await cli(['evaluate', small, '--policy', policy]),
      /^The policy in .*typo\.json gives warning windows for rules that do not exist \("cla-reveiw"\): the rule ids are cla-review, /,
    );
  });

  it('a policy or mapping file that is not one JSON object, or is empty', async () => {
    for (const text of ['null', '[]', '42']) {
      const policy = writeText(tmp.path('not-object.json'), text);
      expectOneSentence(
        await cli(['evaluate', small, '--policy', policy]),
        /^The policy file .*not-object\.json should hold one JSON object/,
      );
    }
    const empty = writeText(tmp.path('empty.json'), '  \n');
    expectOneSentence(
      await cli(['evaluate', small, '--map', empty]),
      /^The mapping file .*empty\.json is empty: write one JSON object in it/,
    );
    const broken = writeText(tmp.path('broken.json'), '{ "dentalCheckMonths": 6\n  "paContactDays": 28 }');
    expectOneSentence(
      await cli(['evaluate', small, '--policy', broken]),
      /^The policy file .*broken\.json is not valid JSON \(at line 2, column 3\): check the quotes/,
    );
  });
});

describe('unexpected errors', () => {
  const failingStdout = () => {
    throw new Error('EPIPE: the output was closed');
  };

  it('give a short message and exit code 1, without a stack', async () => {
    const result = await cli(['evaluate', small, '--as-of', AS_OF_TEXT], { stdout: failingStdout });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^caseload-flags stopped unexpectedly: EPIPE: the output was closed\n/);
    expect(result.stderr).toMatch(/DEBUG=caseload-flags/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('show the stack with DEBUG=caseload-flags', async () => {
    const result = await cli(['evaluate', small], {
      stdout: failingStdout,
      env: { DEBUG: 'caseload-flags' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

describe('evaluate --json', () => {
  it('prints exactly the result shape of RULES.md section 8, with the mapping used', async () => {
    const result = await cli(['evaluate', small, '--json', '--as-of', AS_OF_TEXT]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    const parsed = evaluationSchema.safeParse(json);
    expect(parsed.success).toBe(true);
    expect(json.asOf).toBe('2026-11-23');
    expect(json.mapping).toEqual({
      name: 'Name',
      dateOfBirth: 'DOB',
      careStartDate: 'Date became looked after',
      lastReviewDate: 'Last review',
      lastVisitDate: 'Last visit',
      lastDentalCheckDate: 'Dental check',
    });
    expect(json.rows.map((row: { row: number }) => row.row)).toEqual([2, 3, 4]);
    // first review within 20 working days of 02/11/2026 (RULES.md section 7, "first review")
    expect(json.rows[0].results['cla-review']).toMatchObject({ status: 'Due soon', due: '2026-11-30' });
    // "N/A" in a date column: Check data, quoting the text
    expect(json.rows[2].results['cla-review'].status).toBe('Check data');
    expect(json.rows[2].results['cla-review'].explanation).toContain('"N/A"');
  });

  it('defaults the as-of date to today (in England)', async () => {
    const result = await cli(['evaluate', small, '--json'], { today: () => 20_000 });
    expect(JSON.parse(result.stdout).asOf).toBe('2024-10-04');
  });

  it('validates on the example tracker, every row', async () => {
    const result = await cli(['evaluate', EXAMPLE, '--json', '--as-of', AS_OF_TEXT]);
    expect(result.code).toBe(0);
    const parsed = evaluationSchema.parse(JSON.parse(result.stdout));
    expect(parsed.rows).toHaveLength(62);
    expect(parsed.mapping?.careStartDate).toBe('Date became LAC');
  });
});

describe('choosing the sheet and the columns', () => {
  let twoSheets: string;
  beforeAll(async () => {
    twoSheets = await writeWorkbook(tmp.path('two-sheets.xlsx'), [
      { name: 'Dashboard', rows: [['Team dashboard'], ['Open cases', 42]] },
      {
        name: 'Old tracker',
        rows: [
          ['Name', 'DOB', 'Last review'],
          ['Old O.', utc(2010, 1, 1), utc(2020, 1, 1)],
        ],
      },
      { name: 'Tracker', rows: SMALL_TRACKER },
    ]);
  });

  it('uses the first sheet with a header row', async () => {
    const result = await cli(['evaluate', twoSheets, '--json', '--as-of', AS_OF_TEXT]);
    expect(JSON.parse(result.stdout).rows).toHaveLength(1);
  });

  it('--sheet picks another sheet (case and spaces ignored)', async () => {
    const result = await cli(['evaluate', twoSheets, '--sheet', ' tracker', '--json', '--as-of', AS_OF_TEXT]);
    expect(JSON.parse(result.stdout).rows).toHaveLength(3);
  });

  it('prefers a visible sheet to a hidden old copy', async () => {
    const path = await writeWorkbook(tmp.path('hidden.xlsx'), [
      {
        name: 'Old copy',
        hidden: true,
        rows: [
          ['Name', 'DOB', 'Last review'],
          ['Old O.', utc(2010, 1, 1), null],
        ],
      },
      { name: 'Tracker', rows: SMALL_TRACKER },
    ]);
    const result = await cli(['evaluate', path, '--json', '--as-of', AS_OF_TEXT]);
    expect(JSON.parse(result.stdout).rows).toHaveLength(3);
    const hidden = await cli(['evaluate', path, '--sheet', 'Old copy', '--json', '--as-of', AS_OF_TEXT]);
    expect(JSON.parse(hidden.stdout).rows).toHaveLength(1);
  });

  it('--sheet naming a sheet without a header row says so', async () => {
    expectOneSentence(
      await cli(['evaluate', twoSheets, '--sheet', 'Dashboard']),
      /^Sheet "Dashboard" of two-sheets\.xlsx has no recognisable header row/,
    );
  });

  it('--map overrides the proposed mapping', async () => {
    // "Last visit" read as the last review instead: the review results change
    const map = writeText(
      tmp.path('map.json'),
      JSON.stringify({ lastReviewDate: 'Last visit', lastVisitDate: '' }),
    );
    const result = await cli(['evaluate', small, '--map', map, '--json', '--as-of', AS_OF_TEXT]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.mapping.lastReviewDate).toBe('Last visit');
    expect(json.mapping.lastVisitDate).toBeUndefined();
    expect(json.inactiveRules).toContainEqual({
      id: 'statutory-visit',
      reason: expect.stringContaining('lastVisitDate'),
    });
    // row 2: came into care 02/11/2026, "review" 05/11/2026 is the first: second due 3 months later
    expect(json.rows[0].results['cla-review']).toMatchObject({ status: 'On track', due: '2027-02-05' });
  });

  it('--policy changes the rules (dental checks every 6 months)', async () => {
    const policy = writeText(tmp.path('six-months.json'), JSON.stringify({ dentalCheckMonths: 6 }));
    const result = await cli(['evaluate', small, '--policy', policy, '--json', '--as-of', AS_OF_TEXT]);
    // row 3: last dental check 01/12/2025 + 6 months = 01/06/2026: overdue (12 months: 01/12/2026, due soon)
    expect(JSON.parse(result.stdout).rows[1].results['dental-check']).toMatchObject({
      status: 'Overdue',
      due: '2026-06-01',
    });
    const standard = await cli(['evaluate', small, '--json', '--as-of', AS_OF_TEXT]);
    expect(JSON.parse(standard.stdout).rows[1].results['dental-check']).toMatchObject({
      status: 'Due soon',
      due: '2026-12-01',
    });
  });

  it('reads a CSV tracker with text dates the same way', async () => {
    const csv = writeText(
      tmp.path('tracker.csv'),
      [
        'Tracker export,,,,,',
        ',,,,,',
        'Name,DOB,Date became looked after,Last review,Last visit,Dental check',
        'Amy A.,01/03/2015,02/11/2026,,05/11/2026,',
        'Bo B.,9 Jul 2014,5/1/26,30-Jan-2026,2026-11-02,01/12/2025',
      ].join('\r\n'),
    );
    const result = await cli(['evaluate', csv, '--json', '--as-of', AS_OF_TEXT]);
    expect(result.code).toBe(0);
    const json = evaluationSchema.parse(JSON.parse(result.stdout));
    expect(json.rows.map((row) => row.row)).toEqual([4, 5]);
    expect(json.rows[0].results['cla-review']).toMatchObject({ status: 'Due soon', due: '2026-11-30' });
    // second review 3 months after the first on 30/01/2026 (RULES.md section 7, "second review")
    expect(json.rows[1].results['cla-review']).toMatchObject({ status: 'Overdue', due: '2026-04-30' });
  });
});

describe('the report (without --json)', () => {
  it('shows the mapping, inactive rules, counts and one line per young person', async () => {
    const result = await cli(['evaluate', small, '--as-of', AS_OF_TEXT]);
    expect(result.code).toBe(0);
    const report = result.stdout;
    expect(report).toMatch(/as of 23\/11\/2026/);
    expect(report).toMatch(/headers on row 1, 3 young people/);
    expect(report).toMatch(/Date of birth\s+← "DOB"\s+synonym/);
    expect(report).toMatch(/Rules tracked: \d+ of 25\. Not tracked/);
    expect(report).toMatch(/PEP \(pep\): no column for lastPepDate/);
    expect(report).toMatch(/Overall flags: Overdue \d+ · Action needed \d+ · Check data \d+ · Due soon \d+/);
    expect(report).toMatch(/^2\s+Amy A\.\s+Due soon\s+Looked-after review\s+30\/11\/2026$/m);
    expect(report).toMatch(/^3\s+Bo B\.\s+Overdue\s+Looked-after review\s+30\/04\/2026$/m);
    expect(report).toMatch(/Row 4 \(Cy C\.\): Looked-after review: Last review "N\/A" is not a date/);
  });

  it('says plainly when no column is the date of birth', async () => {
    const path = await writeWorkbook(tmp.path('no-dob.xlsx'), [
      {
        name: 'Tracker',
        rows: [
          ['Name', 'Born', 'Last review', 'Last visit'],
          ['Amy A.', utc(2015, 3, 1), null, null],
        ],
      },
    ]);
    const result = await cli(['evaluate', path, '--as-of', AS_OF_TEXT]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /No column was recognised as the date of birth.*\n.*--map, e\.g\. \{ "dateOfBirth": "Born" \}/,
    );
  });

  it('stays one line per row on the 62-row example', async () => {
    const result = await cli(['evaluate', EXAMPLE, '--as-of', AS_OF_TEXT]);
    const table = result.stdout.split('\n').filter((line) => /^\d+\s{2,}/.test(line));
    expect(table).toHaveLength(62);
    expect(Math.max(...table.map((line) => line.length))).toBeLessThanOrEqual(120);
    expect(result.stdout).toMatch(/Columns not used: "Notes"/);
  });
});
