/**
 * The workbook as the pane sees it: detect, read, apply, save the mapping, select a row.
 * Each call is one `Excel.run` (through `run`), so the pane never holds a request context
 * and never sees Office.js; the tests and the browser test pass the recording double's run.
 */
import type { Mapping, ProposedMapping } from '../../shared/mapping';
import type { SheetRow } from '../../shared/tracker';
import type { WritePlan } from '../../shared/writePlan/types';
import { applyWritePlan, type ApplyProgress, type ApplyReport } from './applyWritePlan';
import { saveMapping, type SavedMapping } from './mappingStore';
import { explainExcelError } from './problems';
import { detectTracker, readMappedRows, type Detection, type ReadProgress } from './readTracker';
import type { HostFeatures, XRequestContext } from './surface';

export type Runner = <T>(batch: (context: XRequestContext) => Promise<T>) => Promise<T>;

export interface TrackerWorkbook {
  detect(): Promise<Detection>;
  read(
    detection: Detection,
    proposal: ProposedMapping,
    onProgress?: (progress: ReadProgress) => void,
  ): Promise<{ grid: SheetRow[]; syncs: number }>;
  apply(plan: WritePlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  saveMapping(sheetName: string, mapping: SavedMapping): Promise<void>;
  selectRow(sheetName: string, row: number): Promise<void>;
}

export function trackerWorkbook(
  run: Runner,
  features: HostFeatures = { mergedAreas: false },
): TrackerWorkbook {
  return {
    detect: () => run((context) => detectTracker(context)),
    read: (detection, proposal, onProgress) =>
      run((context) =>
        readMappedRows(context, detection, proposal.mapping as Mapping, {
          surnameColumn: proposal.surname?.column,
          features,
          onProgress,
        }),
      ),
    apply: (plan, onProgress) => run((context) => applyWritePlan(context, plan, { onProgress })),
    saveMapping: (sheetName, mapping) =>
      run(async (context) => {
        try {
          await saveMapping(context, { sheetName, mapping });
        } catch (error) {
          throw explainExcelError(error);
        }
      }),
    selectRow: (sheetName, row) =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRangeByIndexes(row - 1, 0, 1, 1).select();
        await context.sync();
      }),
  };
}
