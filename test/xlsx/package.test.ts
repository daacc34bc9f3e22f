/**
 * The zip layer: parts written in chunks must make a valid zip (sizes and CRCs right,
 * checked by another zip reader), and the same input and plan give the same bytes.
 */
import JSZip from 'jszip';
import { applyWritePlan } from '../../cli/xlsx';
import type { PlannedCell, WritePlan } from '../../shared/writePlan/types';
import { DATA_ROWS, HEADER_ROW, makeTracker, TRACKER_SHEET } from '../fixtures/workbooks';
import { sameBytes } from './inspect';
import { summarySheet, trackerPlan } from './plans';

describe('the package written back', () => {
  it('holds a large tool sheet written in deflated chunks, with the right size and CRC', async () => {
    const input = await makeTracker();
    const base = trackerPlan({
      sheetName: TRACKER_SHEET,
      headerRow: HEADER_ROW,
      rows: DATA_ROWS,
      firstColumn: 7,
    });
    const rows: PlannedCell[][] = [];
    for (let i = 0; i < 30_000; i++) {
      rows.push([
        { value: { kind: 'text', text: `Young person ${i} – review ${i % 7}` } },
        { value: { kind: 'date', iso: '2026-03-01' }, style: 'body' },
        { value: { kind: 'number', value: i } },
      ]);
    }
    const plan: WritePlan = {
      ...base,
      sheets: [{ ...summarySheet('Flag details'), key: 'details', rows, merges: [] }],
    };
    const output = applyWritePlan(input, plan);
    const zip = await JSZip.loadAsync(Buffer.from(output), { checkCRC32: true });
    const sheet = await zip.file('xl/worksheets/sheet3.xml')?.async('string');
    expect(sheet?.length).toBeGreaterThan(3_000_000);
    // (a cell without a look of its own is written in the body look: top-aligned)
    expect(sheet).toMatch(
      /<c r="A30000" s="\d+" t="inlineStr"><is><t>Young person 29999 – review 4<\/t><\/is><\/c>/,
    );
    expect(sheet?.endsWith('</worksheet>')).toBe(true);
    // every part of the package passes the CRC check
    for (const name of Object.keys(zip.files)) await zip.file(name)?.async('uint8array');
    expect(sameBytes(applyWritePlan(input, plan), output)).toBe(true);
  });
});
