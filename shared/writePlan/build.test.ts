import fc from 'fast-check';
import { runs } from '../../test/support/properties';
import { STATUSES } from '../status';
import { LEAVING_CARE_STATUSES } from '../fields';
import { buildWritePlan, type WritePlanInput } from './build';
import { WritePlanConflict } from './conflicts';
import { COLUMNS_MARKER, isColumnsMarker, MARKER_NAMES, markerToSheetKey, SHEET_MARKERS } from './markers';
import { AS_OF, evaluation, facts, layout, r, RULES, row, rowWith, sampleInput } from './testFixtures';
import type { WritePlan } from './types';

describe('markers', () => {
  it('mark the block’s header row on the tracker and A1 of each tool sheet', () => {
    const plan = buildWritePlan(sampleInput({ layout: layout({ lastUsedColumn: 25 }) }));
    expect(plan.markers).toEqual([
      { name: 'CaseloadFlags_Columns', sheetName: 'Caseload', ref: '$Z$4:$AO$7' },
      { name: 'CaseloadFlags_Summary', sheetName: 'Pathway plan summary', ref: '$A$1' },
      { name: 'CaseloadFlags_Details', sheetName: 'Flag details', ref: '$A$1' },
      { name: 'CaseloadFlags_ReviewPack', sheetName: 'Review pack', ref: '$A$1' },
    ]);
  });

  it('follow a renamed tool sheet', () => {
    const plan = buildWritePlan(
      sampleInput({ layout: layout({ sheets: [{ name: 'Reviews Dec', toolKey: 'review-pack' }] }) }),
    );
    expect(plan.markers.find((m) => m.name === SHEET_MARKERS['review-pack'])?.sheetName).toBe('Reviews Dec');
    expect(plan.sheets.find((s) => s.key === 'review-pack')?.name).toBe('Reviews Dec');
  });

  it('read back to the sheet they stand for', () => {
    expect(markerToSheetKey('CaseloadFlags_Summary')).toBe('summary');
    expect(markerToSheetKey('caseloadflags_reviewpack')).toBe('review-pack');
    expect(markerToSheetKey('CaseloadFlags_Details')).toBe('details');
    expect(markerToSheetKey(COLUMNS_MARKER)).toBeNull();
    expect(markerToSheetKey('Print_Area')).toBeNull();
    expect(isColumnsMarker('CASELOADFLAGS_COLUMNS')).toBe(true);
    expect(MARKER_NAMES).toHaveLength(4);
    expect(new Set(MARKER_NAMES).size).toBe(4);
  });
});

describe('the plan as a whole', () => {
  it('has the three tool sheets', () => {
    const plan = buildWritePlan(sampleInput());
    expect(plan.sheets.map((sheet) => [sheet.key, sheet.name])).toEqual([
      ['summary', 'Pathway plan summary'],
      ['details', 'Flag details'],
      ['review-pack', 'Review pack'],
    ]);
  });

  it('is deterministic: the same input twice gives deep-equal plans', () => {
    expect(buildWritePlan(sampleInput())).toEqual(buildWritePlan(sampleInput()));
  });

  it('does not depend on the order the results arrive in', () => {
    const input = sampleInput();
    const shuffled = {
      ...input,
      evaluation: { ...input.evaluation, rows: [...input.evaluation.rows].reverse() },
    };
    expect(buildWritePlan(shuffled)).toEqual(buildWritePlan(input));
  });

  it('is plain data (survives JSON, as it must to cross from the pane or a worker)', () => {
    const plan = buildWritePlan(sampleInput());
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('refuses results worked out for another as-of date', () => {
    expect(() => buildWritePlan(sampleInput({ asOf: AS_OF + 1 }))).toThrow(WritePlanConflict);
    expect(() => buildWritePlan(sampleInput({ asOf: AS_OF + 1 }))).toThrow(
      'The flags were worked out as of 23/11/2026 but the sheets would say 24/11/2026: refresh the flags again.',
    );
  });

  it('cleans text from the workbook before writing it back', () => {
    const input = sampleInput({
      local: new Map([[5, { name: 'Ava\u0007 Brown\r\nJr', socialWorker: 'Sam' }]]),
    });
    const details = buildWritePlan(input).sheets.find((sheet) => sheet.key === 'details');
    expect(details?.rows[1][0].value).toEqual({ kind: 'text', text: 'Ava Brown\nJr' });
  });

  it('keeps text that looks like a formula as plain text (the adapters write it literally)', () => {
    const input = sampleInput({ local: new Map([[5, { name: '=HYPERLINK("x")' }]]) });
    const details = buildWritePlan(input).sheets.find((sheet) => sheet.key === 'details');
    expect(details?.rows[1][0].value).toEqual({ kind: 'text', text: '=HYPERLINK("x")' });
  });
});

/** Every range in the plan lies on its sheet, rows fit their column widths, dates are ISO. */
function checkShape(plan: WritePlan): void {
  for (const sheet of plan.sheets) {
    const width = sheet.columnWidths.length;
    for (const cells of sheet.rows) {
      expect(cells.length).toBeLessThanOrEqual(width);
      for (const c of cells) if (c.value?.kind === 'date') expect(c.value.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const ranges = [
      ...sheet.merges,
      ...sheet.conditionalFormats.map((cf) => cf.range),
      ...(sheet.autoFilter ? [sheet.autoFilter] : []),
    ];
    for (const range of ranges) {
      expect(range.firstRow).toBeGreaterThanOrEqual(1);
      expect(range.lastRow).toBeLessThanOrEqual(sheet.rows.length);
      expect(range.firstRow).toBeLessThanOrEqual(range.lastRow);
      expect(range.lastColumn).toBeLessThanOrEqual(width);
    }
    for (const after of sheet.print.breaksAfterRows) expect(after).toBeLessThan(sheet.rows.length);
  }
  for (const column of plan.tracker.columns) expect(column.values).toHaveLength(plan.tracker.rows.length);
}

describe('any evaluation gives a well-formed plan', () => {
  const ruleIds = RULES.map((rule) => rule.id);
  const ruleResult = fc.record({
    status: fc.constantFrom(...STATUSES),
    due: fc.option(
      fc
        .integer({ min: AS_OF - 400, max: AS_OF + 400 })
        .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
      { nil: null },
    ),
    explanation: fc.string({ maxLength: 40 }),
  });
  const rowArb = fc.record({
    results: fc.tuple(...ruleIds.map(() => ruleResult)),
    lcs: fc.constantFrom(...LEAVING_CARE_STATUSES),
    dob: fc.option(fc.integer({ min: AS_OF - 26 * 366, max: AS_OF }), { nil: null }),
    worker: fc.option(fc.constantFrom('Sam', 'Ali', 'sam', ''), { nil: undefined }),
  });

  it('for random rows', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), (rows) => {
        const results = rows.map((given, i) =>
          row(i + 5, Object.fromEntries(ruleIds.map((id, k) => [id, given.results[k]])), given.lcs),
        );
        const input: WritePlanInput = sampleInput({
          layout: layout({ dataRows: results.map((result) => result.row) }),
          evaluation: evaluation(results),
          local: new Map(rows.map((given, i) => [i + 5, { name: `P${i}`, socialWorker: given.worker }])),
          facts: new Map(
            rows.map((given, i) => [i + 5, { dateOfBirth: given.dob, placementType: 'foster' }]),
          ),
        });
        const plan = buildWritePlan(input);
        checkShape(plan);
        expect(buildWritePlan(input)).toEqual(plan);
      }),
      { numRuns: runs(60) },
    );
  });

  it('for the sample and for an empty tracker', () => {
    checkShape(buildWritePlan(sampleInput()));
    const empty = sampleInput({
      layout: layout({ dataRows: [] }),
      evaluation: evaluation([]),
      local: new Map(),
    });
    const plan = buildWritePlan(empty);
    checkShape(plan);
    expect(plan.tracker.rows).toEqual([]);
  });

  it('a row aged 15y9m or more with a pathway rule that applies is on the summary', () => {
    const input = sampleInput({
      evaluation: evaluation([rowWith(5, { eet: r('Done') }, 'Eligible')]),
      facts: new Map([[5, facts('2009-01-01')]]),
    });
    const summary = buildWritePlan(input).sheets[0];
    expect(
      summary.rows.some((cells) => cells[0]?.value?.kind === 'text' && cells[0].value.text === 'Ava Brown'),
    ).toBe(true);
  });
});
