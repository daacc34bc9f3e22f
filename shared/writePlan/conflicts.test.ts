import { buildWritePlan } from './build';
import { resolveToolSheetNames, WritePlanConflict } from './conflicts';
import { layout, sampleInput } from './testFixtures';
import type { TrackerLayout } from './types';

const withSheets = (sheets: TrackerLayout['sheets']) => layout({ sheets });

describe('tool sheet names', () => {
  it('a new workbook gets the default names', () => {
    expect(resolveToolSheetNames(layout())).toEqual({
      summary: 'Pathway plan summary',
      details: 'Flag details',
      'review-pack': 'Review pack',
    });
  });

  it("a sheet of the team's with a tool sheet's name stops the refresh with a message to act on", () => {
    const sheets = [
      { name: 'Caseload', toolKey: null },
      { name: 'pathway plans', toolKey: null },
      { name: 'Pathway plan summary', toolKey: null },
    ];
    expect(() => resolveToolSheetNames(withSheets(sheets))).toThrow(WritePlanConflict);
    expect(() => resolveToolSheetNames(withSheets(sheets))).toThrow(
      "A sheet called 'Pathway plan summary' already exists and was not made by caseload-flags: " +
        'rename it (or delete it) and refresh again.',
    );
  });

  it('sheet names are compared ignoring case, as Excel does', () => {
    expect(() => resolveToolSheetNames(withSheets([{ name: 'REVIEW PACK', toolKey: null }]))).toThrow(
      /'REVIEW PACK' already exists/,
    );
  });

  it("the tool's own sheets are rewritten, under the name the user gave them", () => {
    const sheets = [
      { name: 'Caseload', toolKey: null },
      { name: 'Flag details', toolKey: 'details' as const },
      { name: 'PP summary (Nov)', toolKey: 'summary' as const },
      // a sheet of the team's may now use the default name of the renamed one
      { name: 'Pathway plan summary', toolKey: null },
    ];
    expect(resolveToolSheetNames(withSheets(sheets))).toEqual({
      summary: 'PP summary (Nov)',
      details: 'Flag details',
      'review-pack': 'Review pack',
    });
  });

  it('a tool sheet marked as another tool sheet is not taken over', () => {
    const sheets = [{ name: 'Flag details', toolKey: 'summary' as const }];
    // "Flag details" is the summary (renamed); the details sheet cannot be written over it
    expect(() => resolveToolSheetNames(withSheets(sheets))).toThrow(/'Flag details' already exists/);
  });

  it('a tracker sheet with the name of a tool sheet is never overwritten', () => {
    const l = layout({ sheetName: 'Review pack', sheets: [{ name: 'Review pack', toolKey: 'review-pack' }] });
    expect(() => resolveToolSheetNames(l)).toThrow(/tracker sheet 'Review pack'/);
  });

  it('the whole plan is refused, not half built', () => {
    const input = sampleInput({ layout: withSheets([{ name: 'Flag details', toolKey: null }]) });
    expect(() => buildWritePlan(input)).toThrow(WritePlanConflict);
  });
});
