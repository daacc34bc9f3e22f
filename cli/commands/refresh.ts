/**
 * `caseload-flags refresh <tracker.xlsx>`: works out the flags and writes them back: the
 * status columns beside the tracker, the Flag details, Pathway plan summary and Review
 * pack sheets. The workbook is edited surgically (cli/xlsx): nothing of the team's is
 * touched. By default the result goes to a new file beside the tracker; `--in-place`
 * keeps a backup first and replaces the tracker atomically.
 */
import { constants } from 'node:fs';
import { access, copyFile, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { planForResults } from '../../shared/refresh';
import { STATUSES, type Status } from '../../shared/status';
import { WritePlanConflict } from '../../shared/writePlan/build';
import type { WritePlan } from '../../shared/writePlan/types';
import { parseRefreshArgs, PROGRAM } from '../args';
import { EXIT_OK, UserError } from '../errors';
import { applyWritePlan, readLayout } from '../xlsx';
import { loadAndEvaluate } from './evaluate';
import type { Command, Io } from './types';

export const refreshCommand: Command = {
  name: 'refresh',
  summary: 'write the flags into a copy of the tracker: status columns, summary, details and review pack',
  help: `Usage: ${PROGRAM} refresh <tracker.xlsx> [options]

Works out the flags and writes them into the workbook: coloured status columns beside
the tracker, and the sheets "Flag details", "Pathway plan summary" and "Review pack".
Only the tool's own columns and sheets are written; everything else in the workbook is
kept exactly as it was. Refreshing again updates them in place.

Options:
  -o, --out <file.xlsx>  where to write (default: <tracker>-flags.xlsx beside the tracker)
  --in-place             update the tracker itself (a backup copy is made first)
  --sheet <name>         the tracker's sheet (default: the first sheet with a header row)
  --as-of <YYYY-MM-DD>   the date to work things out for (default: today in England)
  --map <mapping.json>   say which column holds which field, e.g. { "dateOfBirth": "D.O.B." }
  --policy <policy.json> your authority's policy (warning windows, review pack weeks ...)
  -h, --help             show this help

Examples:
  ${PROGRAM} refresh examples/tracker.xlsx
  ${PROGRAM} refresh tracker.xlsx --as-of 2026-12-01 --out "tracker for supervision.xlsx"
  ${PROGRAM} refresh tracker.xlsx --in-place
`,
  run: runRefresh,
};

const STAGES = [
  'Reading the tracker',
  'Working out the flags',
  'Planning the sheets',
  'Writing the workbook',
  'Saving',
];

async function runRefresh(argv: readonly string[], io: Io): Promise<number> {
  const args = parseRefreshArgs(argv);
  if (args.help) {
    io.stdout(refreshCommand.help);
    return EXIT_OK;
  }
  const input = resolve(io.cwd, args.file);
  if (!/^\.xls[xm]$/i.test(extname(input))) {
    throw new UserError(
      `refresh writes into Excel workbooks (.xlsx or .xlsm), and ${basename(input)} is not one: open it in Excel, save it as an Excel Workbook, and refresh that (evaluate reads CSV files too).`,
    );
  }
  const output = args.inPlace ? input : resolve(io.cwd, args.out ?? defaultOutput(input));
  const kind = extname(input);
  if (extname(output).toLowerCase() !== kind.toLowerCase()) {
    // Excel refuses to open a workbook whose name says it is another kind of file.
    throw new UserError(
      `--out ${basename(output)} should end in ${kind}, as the tracker does: Excel will not open the workbook under another name, e.g. --out "tracker for supervision${kind}".`,
    );
  }
  if (!args.inPlace && samePath(output, input)) {
    throw new UserError(
      `--out names the tracker itself: to update the tracker use --in-place (a backup is made first), or give another file name.`,
    );
  }
  await checkNotOpenInExcel(input, args.inPlace ? 'update' : null);
  await checkNotOpenInExcel(output, 'write');
  if (args.inPlace) await checkWritable(input);

  const progress = progressBar(io);
  progress(0);
  const run = await loadAndEvaluate(args, io);
  if (!run.workbook) throw new UserError('refresh needs an Excel workbook (.xlsx or .xlsm).');

  progress(1);
  const layout = readLayout(run.workbook, {
    sheetName: run.source.sheetName,
    headerRow: run.header.rowNumber,
    dataRows: run.tracker.rows.map((row) => row.row),
  });
  progress(2);
  const plan = planOrExplain(() =>
    planForResults({
      layout,
      rows: run.tracker.rows,
      local: run.tracker.local,
      evaluation: run.evaluation,
      asOf: run.asOf,
      policy: run.policy,
      computedBy: 'this computer (built-in rules)',
    }),
  );
  progress(3);
  const bytes = applyWritePlan(run.workbook, plan);
  progress(4);
  const backup = args.inPlace ? await backUp(input) : null;
  await writeAtomically(output, bytes);
  progress(STAGES.length);

  io.stdout(
    summary(
      run.evaluation.rows.map((row) => row.overall),
      plan,
      output,
      backup,
      io.cwd,
    ),
  );
  return EXIT_OK;
}

/** `tracker.xlsx` → `tracker-flags.xlsx` beside it (an .xlsm keeps its macros and extension). */
export function defaultOutput(input: string): string {
  const extension = extname(input);
  return join(dirname(input), `${basename(input, extension)}-flags${extension}`);
}

function samePath(a: string, b: string): boolean {
  return resolve(a).toLowerCase() === resolve(b).toLowerCase();
}

/** Excel keeps an owner file `~$name.xlsx` beside a workbook while it is open. */
async function checkNotOpenInExcel(path: string, action: 'update' | 'write' | null): Promise<void> {
  if (action === null) return;
  const owner = join(dirname(path), `~$${basename(path)}`);
  if (await exists(owner)) {
    throw new UserError(
      `${basename(path)} looks open in Excel (${basename(owner)} is beside it): close it in Excel, then ${action === 'update' ? 'refresh' : 'run'} again.`,
    );
  }
}

async function checkWritable(path: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch {
    throw new UserError(
      `${basename(path)} is read-only, so it cannot be updated in place: use --out to write a new file, or make the file writable.`,
    );
  }
}

function planOrExplain(build: () => WritePlan): WritePlan {
  try {
    return build();
  } catch (error) {
    if (error instanceof WritePlanConflict) throw new UserError(error.message);
    throw error;
  }
}

/** A copy of the tracker as it was, next to it, before it is replaced. */
async function backUp(input: string): Promise<string> {
  const extension = extname(input);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const backup = join(dirname(input), `${basename(input, extension)}.backup-${stamp}${extension}`);
  try {
    await copyFile(input, backup, constants.COPYFILE_EXCL);
  } catch (error) {
    throw new UserError(
      `No backup of ${basename(input)} could be made (${(error as NodeJS.ErrnoException).code ?? 'error'}), so it was not changed: check there is space and the folder can be written to.`,
    );
  }
  return backup;
}

/**
 * Write beside the target, flush to disk, then rename over it: a crash or a full disk
 * leaves either the old file or the new one, never half of one.
 */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'that folder cannot be written to'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : `the system said ${code ?? 'no'}`;
    throw new UserError(
      `${basename(target)} could not be written (${why}): choose another place with --out.`,
    );
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Stages drawn as a bar on a terminal (stderr), nothing when piped or in tests. */
function progressBar(io: Io): (stage: number) => void {
  if (!io.interactive) return () => undefined;
  return (stage) => {
    const width = 20;
    const filled = Math.round((stage / STAGES.length) * width);
    const label = stage < STAGES.length ? `${STAGES[stage]}…` : 'Done';
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label}`.padEnd(60));
    if (stage >= STAGES.length) io.stderr('\n');
  };
}

function summary(
  overall: readonly Status[],
  plan: WritePlan,
  output: string,
  backup: string | null,
  cwd: string,
): string {
  const counts = new Map<Status, number>(STATUSES.map((status) => [status, 0]));
  for (const status of overall) counts.set(status, (counts.get(status) ?? 0) + 1);
  const shown = (path: string) => (dirname(path) === cwd ? basename(path) : path);
  const lines = [
    `Refreshed ${overall.length} young people: ${STATUSES.map((status) => `${status} ${counts.get(status)}`).join(' · ')}`,
    `Flag columns: ${plan.tracker.columns.length} on sheet "${plan.tracker.sheetName}"`,
    `Sheets written: ${plan.sheets.map((sheet) => `"${sheet.name}"`).join(', ')}`,
    `Saved to ${shown(output)}${backup ? ` (the previous version is kept as ${basename(backup)})` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}
