/**
 * The real entry point, spawned as `npm run flags` runs it (tsx cli/main.ts): exit codes,
 * stdout holding only the JSON, and a bad-input message with no stack trace.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { evaluationSchema } from '../../shared/results';
import { AS_OF_TEXT, REPO } from './helpers';

const TSX = join(REPO, 'node_modules', '.bin', 'tsx');

function spawnCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['cli/main.ts', ...args], { cwd: REPO, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

jest.setTimeout(90_000);

it('evaluate --json on the example tracker: exit 0 and only the result JSON on stdout', async () => {
  const result = await spawnCli(['evaluate', 'examples/tracker.xlsx', '--json', '--as-of', AS_OF_TEXT]);
  expect(result.code).toBe(0);
  const json = evaluationSchema.parse(JSON.parse(result.stdout));
  expect(json.asOf).toBe(AS_OF_TEXT);
  expect(json.rows.length).toBe(62);
});

it('a missing file: exit 2, one sentence on stderr, no stack trace', async () => {
  const result = await spawnCli(['evaluate', 'examples/missing.xlsx']);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim()).toBe(
    'There is no file examples/missing.xlsx: check the file name and folder.',
  );
});
