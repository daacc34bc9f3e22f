/**
 * The builder over real results: the engine and the rule catalogue on a few tracker rows.
 */
import { fromIso, type Day } from '../dates/calendar';
import { evaluate, type CanonicalRow } from '../engine';
import { factsByRow } from '../facts';
import type { RuleFieldName } from '../fields';
import { DEFAULT_POLICY, RULES_VERSION } from '../policy';
import { activeRules } from '../rules';
import { buildWritePlan } from './build';
import { layout } from './testFixtures';

const AS_OF = fromIso('2026-11-23') as Day;

const tracked: RuleFieldName[] = [
  'dateOfBirth',
  'careStartDate',
  'careEndDate',
  'placementType',
  'lastReviewDate',
  'pathwayPlanDate',
  'lastPathwayReviewDate',
  'niNumber',
  'photoId',
];
const rows: CanonicalRow[] = [
  // 16y 6m, looked after since 2020, foster: eligible; review overdue; no pathway plan yet
  {
    row: 5,
    values: {
      dateOfBirth: '04/05/2010',
      careStartDate: '01/01/2020',
      placementType: 'Foster',
      lastReviewDate: '01/03/2026',
      niNumber: 'Y',
    },
  },
  // 12 years old, review due within the review-pack window
  {
    row: 6,
    values: { dateOfBirth: '2014-07-01', careStartDate: '2024-01-01', lastReviewDate: '2026-06-20' },
  },
];

describe('write plan from the engine', () => {
  it('builds status columns, sheets and markers from real results', () => {
    const evaluation = evaluate({ tracked, rows }, { asOf: AS_OF, policy: DEFAULT_POLICY });
    const { active } = activeRules(tracked);
    const plan = buildWritePlan({
      layout: layout({ dataRows: [5, 6], lastUsedColumn: tracked.length + 3 }),
      evaluation,
      rules: active.map((rule) => ({ id: rule.id, label: rule.label })),
      local: new Map([
        [5, { name: 'Ava', socialWorker: 'Sam' }],
        [6, { name: 'Ben', socialWorker: 'Sam' }],
      ]),
      facts: factsByRow(rows),
      asOf: AS_OF,
      policy: DEFAULT_POLICY,
      rulesVersion: RULES_VERSION,
      computedBy: 'this computer (built-in rules)',
    });

    const overall = plan.tracker.columns.find((column) => column.key === 'overall');
    expect(overall?.values).toEqual(evaluation.rows.map((row) => ({ kind: 'text', text: row.overall })));
    const claDue = plan.tracker.columns.find((column) => column.key === 'cla-review:due');
    expect(claDue?.values[0]).toEqual({ kind: 'date', iso: evaluation.rows[0].results['cla-review'].due });

    const summary = plan.sheets.find((sheet) => sheet.key === 'summary');
    const names = summary?.rows.map((cells) =>
      cells[0]?.value?.kind === 'text' ? cells[0].value.text : null,
    );
    expect(names).toContain('Ava');
    expect(names).not.toContain('Ben');
    const ava = summary?.rows.find(
      (cells) => cells[0]?.value?.kind === 'text' && cells[0].value.text === 'Ava',
    );
    // foster, 18 on 04/05/2028 in Year 13: funded until 31/08/2028
    expect(ava?.[6].value).toEqual({ kind: 'date', iso: '2028-08-31' });

    const pack = plan.sheets.find((sheet) => sheet.key === 'review-pack');
    const packNames = pack?.rows
      .filter((cells) => cells[0]?.style === 'group')
      .map((cells) => cells[0].value);
    expect(packNames).toEqual([
      { kind: 'text', text: 'Ava' },
      { kind: 'text', text: 'Ben' },
    ]);
  });
});
