/**
 * The .xlsx file adapter of the CLI.
 *
 * ```ts
 * import { readLayout, applyWritePlan, WorkbookProblem } from './xlsx';
 *
 * const input = await fs.readFile(path);                 // Uint8Array of the .xlsx/.xlsm
 * const layout = readLayout(input, { sheetName, headerRow, dataRows });   // → TrackerLayout
 * const plan = buildWritePlan({ layout, ... });          // shared/writePlan/build.ts
 * const output = applyWritePlan(input, plan);            // Uint8Array of the new package
 * ```
 *
 * - Both functions are synchronous and take the file's bytes (or an `XlsxPackage` from
 *   `XlsxPackage.open(bytes)`, to open a large file once for both calls; `applyWritePlan`
 *   then edits that package in place before saving it).
 * - `readLayout` reports the header texts, the last used column, the Table holding the
 *   tracker, the tool's previous block of columns and its sheets (from the hidden
 *   `CaseloadFlags_*` names), and every sheet's name.
 * - Both throw `WorkbookProblem` (a `UserError` of `cli/errors.ts`, with a `kind` and a
 *   plain message to show as it is, exit code 2) for a workbook the tool cannot or must
 *   not write: password-protected (encrypted), an old .xls, not a workbook, damaged, no
 *   such sheet, a protected sheet or
 *   workbook structure, merged cells among the tracker's rows, a pivot table as the
 *   tracker, a user sheet or table column with a tool name, or the team's own data where
 *   the flag columns would go.
 * - `applyWritePlan` edits the package surgically (see `applyWritePlan.ts`): every part it
 *   does not need to change keeps its bytes; styles and shared strings are only appended
 *   to. Applying the same plan twice gives the same file (byte for byte).
 * - Cells are written as: text → inline strings (header cells of the tracker block →
 *   appended shared strings, as Table headers want), dates → serial numbers with an
 *   appended `dd/mm/yyyy` format, numbers → numbers; never formulas.
 * - Memory and speed: the big parts the adapter writes (the tracker sheet, the tool
 *   sheets) are encoded straight to bytes and deflated as they are produced, two
 *   megabytes at a time (zlib level 1: on a 20,000-row tracker's 110 MB of XML, level 6
 *   saves a quarter of the file size for four times the compression time); the parts it
 *   does not change are inflated only when read, and written back still compressed.
 */
export { applyToPackage, applyWritePlan } from './applyWritePlan';
export { XlsxPackage } from './package';
export { WorkbookProblem, type WorkbookProblemKind } from './problems';
export { readLayout, readMarkers, type TrackerPosition } from './readLayout';
