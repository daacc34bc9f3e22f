/**
 * Applies a write plan to an .xlsx/.xlsm package surgically. Only these parts change:
 * the tracker sheet (the tool's cells, column widths and conditional formats added),
 * the tracker's Table (extended), styles.xml and the shared strings (appended to), the
 * workbook part, its relationships and the content types (the tool's sheets and hidden
 * marker names added or updated), and the tool's own sheets. Every other part — charts,
 * pivot tables and caches, drawings, images, custom properties, other sheets, macros —
 * is written back byte for byte.
 */
import { rangeRef } from '../../shared/writePlan/a1';
import type { SheetPlan, WritePlan } from '../../shared/writePlan/types';
import { XlsxPackage } from './package';
import { WorkbookProblem } from './problems';
import { checkWritable, readMarkers, sheetTables } from './readLayout';
import { SharedStringAppender } from './sharedStrings';
import { parseWorksheet } from './sheetXml';
import { StyleBook } from './styles';
import { extendTable } from './tables';
import { toolSheetXml } from './toolSheet';
import { editTrackerSheet, type ColumnSpan } from './trackerSheet';
import {
  addWorksheet,
  editDefinedNames,
  findSheet,
  quoteSheet,
  readSheets,
  stylesPath,
  renameSheet,
  type NameEdit,
  type SheetEntry,
} from './workbook';

/** Characters Excel does not allow in a sheet name. */
const BAD_SHEET_NAME = /[[\]:*?/\\]/;

export function applyWritePlan(input: Uint8Array | XlsxPackage, plan: WritePlan): Uint8Array {
  const pkg = input instanceof XlsxPackage ? input : XlsxPackage.open(input);
  applyToPackage(pkg, plan);
  return pkg.save();
}

/** The same edits on an open package (for callers that inspect it before saving). */
export function applyToPackage(pkg: XlsxPackage, plan: WritePlan): void {
  const tracker = plan.tracker;
  const sheet = findSheet(pkg, tracker.sheetName);
  const ws = parseWorksheet(pkg.text(sheet.path as string));
  checkWritable(pkg, ws, sheet.name);
  const markers = readMarkers(pkg);
  const styles = new StyleBook(pkg, stylesPath(pkg));

  // 1. the tracker's block of status columns
  const ownedBefore: ColumnSpan[] = [];
  if (markers.columns && markers.columns.sheet.toLowerCase() === sheet.name.toLowerCase())
    ownedBefore.push(markers.columns.range);
  if (tracker.clearColumns) ownedBefore.push(tracker.clearColumns);
  const strings = new SharedStringAppender(pkg);
  const headerStrings = tracker.columns.map((c) => strings.index(c.header));
  if (tracker.columns.length > 0 || tracker.clearColumns) {
    pkg.setBytes(
      sheet.path as string,
      editTrackerSheet(ws, sheet.name, { plan: tracker, ownedBefore, styles, headerStrings }),
    );
  }
  if (tracker.table) {
    const table = sheetTables(pkg, sheet).find(
      (t) => t.name.toLowerCase() === tracker.table?.name.toLowerCase(),
    );
    if (!table)
      throw new WorkbookProblem(
        'damaged',
        `The table '${tracker.table.name}' was not found on '${sheet.name}'.`,
      );
    extendTable(pkg, table, tracker, tracker.table.newLastColumn);
  }

  // 2. the tool's own sheets, rewritten in place when they exist (found by their markers)
  const names: NameEdit[] = [];
  for (const sheetPlan of plan.sheets) {
    const entry = writeToolSheet(pkg, sheetPlan, markers.sheetNames.get(sheetPlan.key) ?? null, styles);
    names.push(...sheetNames(sheetPlan, entry));
  }

  // 3. the hidden markers by which the next run recognises all this
  for (const marker of plan.markers) {
    names.push({
      name: marker.name,
      localSheetId: null,
      formula: `${quoteSheet(marker.sheetName)}!${marker.ref}`,
      hidden: true,
    });
  }
  editDefinedNames(pkg, names);
  styles.commit();
  strings.commit();
}

function writeToolSheet(
  pkg: XlsxPackage,
  plan: SheetPlan,
  previousName: string | null,
  styles: StyleBook,
): SheetEntry {
  if (plan.name.length === 0 || plan.name.length > 31 || BAD_SHEET_NAME.test(plan.name)) {
    throw new Error(`The plan names a sheet Excel cannot have: '${plan.name}'`);
  }
  const sheets = readSheets(pkg);
  const previous = previousName
    ? sheets.find((s) => s.name.toLowerCase() === previousName.toLowerCase() && s.path)
    : undefined;
  const clash = sheets.find((s) => s.name.toLowerCase() === plan.name.toLowerCase() && s !== previous);
  if (clash) {
    throw new WorkbookProblem(
      'name-taken',
      `This workbook already has a sheet called '${plan.name}' that the tool did not make, so it was left alone and nothing was written. ` +
        'Rename that sheet and try again.',
    );
  }
  const xml = toolSheetXml(plan, styles);
  if (previous && previous.path) {
    pkg.setBytes(previous.path, xml);
    if (previous.name !== plan.name) renameSheet(pkg, previous, plan.name);
    return { ...previous, name: plan.name };
  }
  return addWorksheet(pkg, plan.name, xml);
}

/** Print titles and the filter's database range of a tool sheet, as Excel names them. */
function sheetNames(plan: SheetPlan, entry: SheetEntry): NameEdit[] {
  const sheet = quoteSheet(plan.name);
  const repeat = plan.print.repeatRows;
  return [
    {
      name: '_xlnm.Print_Titles',
      localSheetId: entry.index,
      formula: repeat ? `${sheet}!$${repeat.first}:$${repeat.last}` : null,
      hidden: false,
    },
    {
      name: '_xlnm._FilterDatabase',
      localSheetId: entry.index,
      formula: plan.autoFilter ? `${sheet}!${rangeRef(plan.autoFilter, true)}` : null,
      hidden: true,
    },
  ];
}
