/**
 * `caseload-flags evaluate <tracker.xlsx|.csv>`: reads the tracker, maps its columns,
 * runs the rules and prints a report (or, with --json, the result shape of RULES.md
 * section 8 and nothing else). It never writes to the tracker.
 *
 * The pipeline is the one every front end uses (DESIGN.md "The one flow"):
 * read → findHeaderRow + proposeMapping / applyExplicitMapping → readTracker → evaluate.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { evaluate } from '../../shared/engine';
import {
  applyExplicitMapping,
  describeMapping,
  findHeaderRow,
  type HeaderRow,
  MappingError,
  type ProposedMapping,
  proposeMapping,
} from '../../shared/mapping';
import { isPlainObject, jsonErrorPosition } from '../../shared/json';
import { type Policy, PolicyError, resolvePolicy } from '../../shared/policy';
import { RULES, unknownWindowRules } from '../../shared/rules';
import type { Day } from '../../shared/dates/calendar';
import type { Evaluation } from '../../shared/results';
import { readTracker, type SheetRow, type TrackerRows } from '../../shared/tracker';
import { type EvaluateArgs, packageVersion, parseAsOf, parseEvaluateArgs, PROGRAM } from '../args';
import { EXIT_OK, UserError } from '../errors';
import { readTrackerFile, type SheetRows, type TrackerFile } from '../readWorkbook';
import { formatReport } from '../report';
import { withoutToolColumns } from '../../shared/writePlan/markers';
import { readMarkers, XlsxPackage } from '../xlsx';
import type { Command, Io } from './types';

/** How far down a sheet the header row is looked for (trackers have title rows above it). */
const HEADER_SCAN_ROWS = 30;

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'flag what is overdue or due soon for each young person in a tracker (.xlsx or .csv)',
  help: `Usage: ${PROGRAM} evaluate <tracker.xlsx|tracker.csv> [options]

Reads the tracker (it is never changed), works out which column is which, and shows
for each young person what is overdue, due soon or on track, and what to correct.

Options:
  --sheet <name>       the sheet to read (default: the first sheet with a header row)
  --as-of <YYYY-MM-DD> the date to work things out for (default: today in England)
  --map <mapping.json> say which column holds which field, e.g.
                       { "dateOfBirth": "D.O.B.", "lastReviewDate": "Last LAC review" }
  --policy <policy.json>
                       your authority's policy (warning windows, dental check interval ...)
  --json               print the results as JSON (for other programs) instead of a report
  -h, --help           show this help

Examples:
  ${PROGRAM} evaluate examples/tracker.xlsx
  ${PROGRAM} evaluate tracker.xlsx --as-of 2026-12-01 --sheet "CLA tracker"
  ${PROGRAM} evaluate tracker.xlsx --json > results.json
`,
  run: runEvaluate,
};

async function runEvaluate(argv: readonly string[], io: Io): Promise<number> {
  const args = parseEvaluateArgs(argv);
  if (args.help) {
    io.stdout(evaluateCommand.help);
    return EXIT_OK;
  }
  const run = await loadAndEvaluate(args, io);
  if (args.json) {
    io.stdout(`${JSON.stringify(run.evaluation, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout(
    formatReport({
      fileName: run.source.fileName,
      sheetName: run.source.sheetName,
      format: run.source.format,
      headerRowNumber: run.header.rowNumber,
      columns: run.proposal.columns,
      unmapped: run.proposal.unmapped,
      ambiguities: run.proposal.ambiguities,
      ...(args.map ? { mappingFile: basename(args.map) } : {}),
      skipped: run.tracker.skipped,
      local: run.tracker.local,
      evaluation: run.evaluation,
      policyName: run.policy.name,
      version: packageVersion(),
    }),
  );
  return EXIT_OK;
}

/**
 * What reading and evaluating a tracker found (shared by `evaluate` and `refresh`), as plain data: the spreadsheet reader's own
 * model of the workbook is not kept (on a large tracker it is the biggest thing in memory).
 */
export interface EvaluatedTracker {
  readonly source: {
    readonly fileName: string;
    readonly format: TrackerFile['format'];
    readonly sheetName: string;
  };
  /** the .xlsx package, opened for the surgical write (null for CSV) */
  readonly workbook: XlsxPackage | null;
  readonly header: HeaderRow;
  readonly proposal: ProposedMapping;
  readonly tracker: TrackerRows;
  readonly evaluation: Evaluation;
  readonly policy: Policy;
  readonly asOf: Day;
}

/**
 * The pipeline every front end uses (DESIGN.md "The one flow"): read the file, find the
 * header row, map the columns (proposed, or from --map), read the rows, run the rules.
 */
export async function loadAndEvaluate(
  args: Pick<EvaluateArgs, 'file' | 'sheet' | 'asOf' | 'map' | 'policy'>,
  io: Io,
): Promise<EvaluatedTracker> {
  const asOf = parseAsOf(args.asOf, io.today());
  const policy = args.policy
    ? await loadPolicy(resolve(io.cwd, args.policy), args.policy)
    : resolvePolicy({});
  const explicit = args.map ? await loadMappingFile(resolve(io.cwd, args.map), args.map) : null;

  const path = resolve(io.cwd, args.file);
  const file = await readTrackerFile(path, args.file);
  // A workbook refreshed before holds the tool's own columns and sheets: they are output,
  // never input, so they are left out of the sheet choice and the column mapping.
  const workbook = file.workbook ?? null;
  const markers = workbook ? readMarkers(workbook) : null;
  const { sheet, header } = chooseSheet(file, args.sheet, new Set(markers?.sheets.keys()));
  const toolColumns =
    markers?.columns?.sheet.toLowerCase() === sheet.name.toLowerCase() ? markers.columns.range : null;
  const headerCells = withoutToolColumns(sheet.rows[header.index], toolColumns, null);
  const proposal = explicit
    ? applyMapping(headerCells, explicit, args.map as string)
    : proposeMapping(headerCells);

  const grid: SheetRow[] = sheet.rows.map((cells, i) => ({ rowNumber: i + 1, cells }));
  const tracker = readTracker(grid, proposal.mapping, header.index, {
    ...(proposal.surname ? { surnameColumn: proposal.surname.column } : {}),
  });
  const mapping = describeMapping(proposal.mapping, headerCells);
  const evaluation = evaluate({ tracked: tracker.tracked, rows: tracker.rows }, { asOf, policy, mapping });
  const source = { fileName: file.fileName, format: file.format, sheetName: sheet.name };
  return { source, workbook, header, proposal, tracker, evaluation, policy, asOf };
}

/** --sheet, or the first sheet (in workbook order) with a recognisable header row. */
export function chooseSheet(
  file: TrackerFile,
  wanted: string | undefined,
  /** lower-cased names of the tool's own sheets, never the tracker */
  toolSheets: ReadonlySet<string> = new Set(),
): { sheet: SheetRows; header: HeaderRow } {
  if (wanted !== undefined) {
    const name =
      file.sheetNames.find((n) => n === wanted) ??
      file.sheetNames.find((n) => n.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (name === undefined) {
      throw new UserError(
        `${file.fileName} has no sheet called "${wanted}": its sheets are ${file.sheetNames.map((n) => `"${n}"`).join(', ')}.`,
      );
    }
    const sheet = file.sheet(name);
    const header = findHeaderRow(sheet.rows, HEADER_SCAN_ROWS);
    if (header === null) {
      throw new UserError(
        `Sheet "${name}" of ${file.fileName} has no recognisable header row in its first ${HEADER_SCAN_ROWS} rows: check it has column headings such as "Date of birth" and "Last review", or choose another sheet with --sheet.`,
      );
    }
    return { sheet, header };
  }
  // Visible sheets first: a hidden sheet is more often an old copy than the live tracker.
  const hidden = new Set(file.hiddenSheetNames);
  const candidates = file.sheetNames.filter((n) => !toolSheets.has(n.toLowerCase()));
  const inOrder = [...candidates.filter((n) => !hidden.has(n)), ...candidates.filter((n) => hidden.has(n))];
  for (const name of inOrder) {
    // Look for the header in the first rows only; convert the whole sheet once it is chosen.
    const header = findHeaderRow(file.head(name, HEADER_SCAN_ROWS), HEADER_SCAN_ROWS);
    if (header !== null) return { sheet: file.sheet(name), header };
  }
  const sheets =
    file.format === 'csv' ? '' : ` of any sheet (${file.sheetNames.map((n) => `"${n}"`).join(', ')})`;
  throw new UserError(
    `No header row was found in the first ${HEADER_SCAN_ROWS} rows${sheets} of ${file.fileName}: check it is the tracker, with column headings such as "Date of birth" and "Last review"${file.format === 'csv' ? '' : ', or name its sheet with --sheet'}.`,
  );
}

function applyMapping(
  headerCells: readonly unknown[],
  explicit: Record<string, string>,
  file: string,
): ProposedMapping {
  try {
    return applyExplicitMapping(headerCells, explicit);
  } catch (error) {
    if (error instanceof MappingError) {
      const details = error.message.replace(/^The column mapping cannot be used:\s*/, '').replace(/\.$/, '');
      throw new UserError(
        `The column mapping in ${file} cannot be used: ${details}. Correct ${basename(file)} and run again.`,
      );
    }
    throw error;
  }
}

async function readJsonFile(path: string, shownAs: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UserError(`There is no ${what} file ${shownAs}: check the file name and folder.`);
    if (code === 'EISDIR') throw new UserError(`${shownAs} is a folder: give the ${what} file inside it.`);
    throw new UserError(
      `The ${what} file ${shownAs} cannot be read (${code ?? 'unknown error'}): check it is there and readable.`,
    );
  }
  const json = text.replace(/^\uFEFF/, '');
  const example = what === 'mapping' ? '{ "dateOfBirth": "D.O.B." }' : '{ "dentalCheckMonths": 6 }';
  if (json.trim() === '') {
    throw new UserError(
      `The ${what} file ${shownAs} is empty: write one JSON object in it, e.g. ${example}.`,
    );
  }
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new UserError(
      `The ${what} file ${shownAs} is not valid JSON${placeOfProblem(json, error)}: check the quotes, commas and braces, e.g. ${example}.`,
    );
  }
}

/** " (at line 2, column 5)" where JSON.parse says it stopped, or nothing. */
function placeOfProblem(text: string, error: unknown): string {
  const at = jsonErrorPosition(error);
  if (at === null) return '';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (at line ${line}, column ${column})`;
}

/** A mapping file: `{ "<canonical field>": "<header text>" }`. */
async function loadMappingFile(path: string, shownAs: string): Promise<Record<string, string>> {
  const json = await readJsonFile(path, shownAs, 'mapping');
  if (!isPlainObject(json)) {
    throw new UserError(
      `The mapping file ${shownAs} should hold one JSON object of field names and headers, e.g. { "dateOfBirth": "D.O.B.", "lastReviewDate": "Last LAC review" }.`,
    );
  }
  const notText = Object.entries(json).filter(([, header]) => typeof header !== 'string');
  if (notText.length > 0) {
    throw new UserError(
      `In the mapping file ${shownAs} each field needs a header as text in quotes (${notText.map(([field]) => field).join(', ')} ${notText.length === 1 ? 'is' : 'are'} not).`,
    );
  }
  return json as Record<string, string>;
}

async function loadPolicy(path: string, shownAs: string): Promise<Policy> {
  const json = await readJsonFile(path, shownAs, 'policy');
  if (!isPlainObject(json)) {
    throw new UserError(
      `The policy file ${shownAs} should hold one JSON object of the policy values to change, e.g. { "dentalCheckMonths": 6 }.`,
    );
  }
  const unknownRules = unknownWindowRules(json);
  if (unknownRules.length > 0) {
    throw new UserError(
      `The policy in ${shownAs} gives warning windows for rules that do not exist (${unknownRules
        .slice(0, 5)
        .map((id) => JSON.stringify(id))
        .join(', ')}): the rule ids are ${RULES.map((rule) => rule.id).join(', ')}.`,
    );
  }
  try {
    return resolvePolicy(json);
  } catch (error) {
    if (error instanceof PolicyError) {
      const details = error.message.replace(/^The policy is not valid:\s*/, '').replace(/\.$/, '');
      throw new UserError(
        `The policy in ${shownAs} is not valid (${details}): correct those entries and run again.`,
      );
    }
    throw error;
  }
}
