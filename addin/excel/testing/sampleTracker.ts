/**
 * A sample team tracker for the test double: title rows above the header, the team's own
 * headers (synonyms, not canonical names), dates as Excel serial numbers (as `values`
 * returns them), a notes column the tool must never touch, and a deterministic mix of
 * overdue, due-soon and complete items. Any size, for the sync-count tests and the bench.
 */
import { fromYmd, toExcelSerial } from '../../../shared/dates/calendar';
import type { CellValue } from '../surface';
import { workbookFrom, type TableModel, type WorkbookModel } from './fakeExcel';

export const SAMPLE_SHEET = 'Caseload';
export const SAMPLE_HEADER_ROW = 4;
export const SAMPLE_HEADERS = [
  'Name',
  'Child ID',
  'Allocated worker',
  'D.O.B.',
  'Date became looked after',
  'Placement type',
  'Placement start',
  'Last LAC review',
  'Last statutory visit',
  'IHA date',
  'RHA',
  'Dental check',
  'GP registered',
  'Last PEP',
  'Pathway plan',
  'PA',
  'NI number',
  'EET',
  'Notes',
] as const;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ava', 'Ben', 'Cara', 'Dev', 'Ella', 'Finn', 'Grace', 'Harry', 'Isla', 'Jay', 'Kai', 'Lily'];
const LAST = ['Brown', 'Cole', 'Dunn', 'Evans', 'Fox', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lee'];
const WORKERS = ['Sam Patel', 'Ali Khan', 'Jo Smith', 'Chris Wood'];
const PLACEMENTS = [
  'Foster',
  'Residential',
  'Supported accommodation',
  'Kinship foster',
  'Placed with parents',
];

/** The tracker's rows of values, from A1, for `rows` young people (as of 23/11/2026). */
export function sampleTrackerRows(rows: number, seed = 7): (CellValue | null)[][] {
  const random = mulberry32(seed);
  const asOf = fromYmd(2026, 11, 23);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const serial = (day: number) => toExcelSerial(day);
  const out: (CellValue | null)[][] = [
    ['North team caseload'],
    ['Updated weekly by business support'],
    [],
    [...SAMPLE_HEADERS],
  ];
  for (let i = 0; i < rows; i++) {
    const ageDays = Math.floor(random() * 17 * 365) + 400;
    const dob = asOf - ageDays;
    const careStart = asOf - Math.floor(random() * Math.min(ageDays - 30, 3000)) - 10;
    const recent = (maxDays: number) => serial(asOf - Math.floor(random() * maxDays) - 1);
    const age = ageDays / 365.25;
    out.push([
      `${pick(FIRST)} ${pick(LAST)}`,
      `C${String(10000 + i)}`,
      pick(WORKERS),
      serial(dob),
      serial(careStart),
      pick(PLACEMENTS),
      serial(careStart + Math.floor(random() * 60)),
      random() < 0.9 ? recent(200) : 'TBC',
      recent(60),
      serial(careStart + 15),
      recent(400),
      random() < 0.8 ? recent(420) : null,
      random() < 0.85 ? 'Y' : 'N',
      age >= 4 && age < 18 ? recent(200) : null,
      age >= 16 ? recent(300) : null,
      age >= 16 && random() < 0.6 ? pick(['Pat Lee', 'Mo Shah']) : null,
      age >= 16 && random() < 0.5 ? 'AB123456C' : null,
      age >= 16 ? pick(['EET', 'NEET', 'F1']) : null,
      random() < 0.3 ? '- see file note' : null,
    ]);
  }
  return out;
}

/** A workbook model holding the sample tracker (optionally as an Excel Table) and a team sheet. */
export function sampleWorkbook(
  rows: number,
  options: { table?: boolean; seed?: number } = {},
): WorkbookModel {
  const values = sampleTrackerRows(rows, options.seed);
  const tables: TableModel[] = options.table
    ? [
        {
          name: 'CaseloadTable',
          sheet: SAMPLE_SHEET,
          area: {
            firstRow: SAMPLE_HEADER_ROW,
            lastRow: SAMPLE_HEADER_ROW + rows,
            firstColumn: 1,
            lastColumn: SAMPLE_HEADERS.length,
          },
          filtered: false,
        },
      ]
    : [];
  return workbookFrom(
    { [SAMPLE_SHEET]: values, 'Team notes': [['Supervision dates'], ['Monday', 'Tuesday']] },
    { active: SAMPLE_SHEET, tables },
  );
}
