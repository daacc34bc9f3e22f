import {
  readDate,
  readDateOfBirth,
  readDocument,
  readInteger,
  readPlacementType,
  readPresence,
  readYesNo,
} from './cells';
import { fromIso, fromYmd } from './dates/calendar';
import {
  EET_STATUSES,
  FIELD_BY_NAME,
  LEAVING_CARE_STATUSES,
  PLACEMENT_TYPES,
  RULE_FIELD_NAMES,
  type RuleFieldName,
} from './fields';
import fc from 'fast-check';
import { runs } from '../test/support/properties';
import {
  evaluateRequestSchema,
  makeEvaluateRequestSchema,
  toEvaluateInput,
  validateEvaluateRequest,
  wireFieldsSchema,
  WIRE_LIMITS,
} from './wire';

const messages = (input: unknown, schema = evaluateRequestSchema) => {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('wire fields', () => {
  it.each([
    ['dateOfBirth', '2009-04-03'],
    ['dateOfBirth', '2009-04'],
    ['lastReviewDate', '2026-02-28'],
    ['lastReviewDate', '2024-02-29'],
    ['lastReviewDate', null],
    ['lastReviewDate', { unreadable: true }],
    ['gpRegistered', false],
    ['niNumber', true],
    ['personalAdviser', true],
    ['sdqScore', 55],
    ['sdqScore', -3],
    ['ncYearOverride', 14],
    ['placementType', 'foster'],
    ['eetStatus', 'NEET'],
    ['leavingCareStatus', 'Former relevant'],
  ])('accepts %s = %j', (field, value) => {
    expect(wireFieldsSchema.safeParse({ [field]: value }).success).toBe(true);
  });

  it.each([
    ['dateOfBirth', '03/04/2009', 'not a date'],
    ['dateOfBirth', '2009-13', 'not a real calendar date'],
    ['lastReviewDate', '2026-02-29', 'not a real calendar date'],
    ['lastReviewDate', '2009-04', 'not a date'],
    ['lastReviewDate', '1899-12-31', 'between 1900 and 2100'],
    ['lastReviewDate', 45000, 'expected a date as YYYY-MM-DD'],
    ['gpRegistered', 'Y', 'expected true or false'],
    ['personalAdviser', 'A. Named Person', 'expected true (a personal adviser is named) or false'],
    ['sdqScore', 1.5, 'expected a whole number'],
    ['sdqScore', WIRE_LIMITS.maxInteger + 1, 'expected a whole number'],
    ['placementType', 'Foster', 'expected one of foster'],
    ['eetStatus', 'F1', 'expected EET or NEET'],
    ['lastReviewDate', { unreadable: true, text: 'N/A' }, 'its text stays in the workbook'],
    ['name', 'Someone', '"name" cannot be sent'],
    ['childId', 'X1', '"childId" cannot be sent'],
    ['favourite', 1, 'unknown field "favourite"'],
  ])('refuses %s = %j', (field, value, message) => {
    const result = wireFieldsSchema.safeParse({ [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(' | ')).toContain(message);
  });

  it('admits every rule field and nothing else', () => {
    expect(Object.keys(wireFieldsSchema.shape)).toEqual([...RULE_FIELD_NAMES]);
  });
});

describe('evaluate request', () => {
  const valid = {
    asOf: '2026-11-23',
    tracked: ['dateOfBirth', 'lastReviewDate'],
    rows: [{ row: 2, fields: { dateOfBirth: '2010-01-01', lastReviewDate: null } }],
  };

  it('accepts a valid request', () => {
    expect(messages(valid)).toEqual([]);
  });

  it('keeps fields to the tracked columns, row numbers unique', () => {
    expect(
      messages({
        tracked: ['dateOfBirth'],
        rows: [
          { row: 2, fields: { lastReviewDate: '2026-01-01' } },
          { row: 2, fields: {} },
        ],
      }),
    ).toEqual([
      'rows.0.fields.lastReviewDate: lastReviewDate is not listed in tracked',
      'rows.1.row: row 2 appears twice',
    ]);
  });

  it('limits the rows to the configured number', () => {
    const schema = makeEvaluateRequestSchema(1);
    expect(messages({ ...valid, rows: [...valid.rows, { row: 3, fields: {} }] }, schema)).toEqual([
      'rows: too many rows: the limit is 1 per request',
    ]);
  });
});

describe('toEvaluateInput', () => {
  it('passes each reading to the engine as the cell it stands for', () => {
    const input = toEvaluateInput({
      tracked: ['dateOfBirth', 'lastReviewDate', 'personalAdviser', 'sdqScore'],
      rows: [
        {
          row: 9,
          fields: {
            dateOfBirth: '2009-04',
            lastReviewDate: { unreadable: true },
            personalAdviser: false,
            sdqScore: 12,
          },
        },
      ],
    });
    expect(input).toEqual({
      tracked: ['dateOfBirth', 'lastReviewDate', 'personalAdviser', 'sdqScore'],
      rows: [
        {
          row: 9,
          values: {
            dateOfBirth: '2009-04',
            lastReviewDate: { unreadable: true },
            personalAdviser: false,
            sdqScore: 12,
          },
        },
      ],
    });
  });
});

describe('every wire value reads, in the engine, as what it says', () => {
  // The engine's cell readers take wire values as they are: no translation layer to drift.
  it('dates, month-only births, booleans, numbers, enums, blanks and unreadable cells', () => {
    expect(readDate('2026-02-28')).toEqual({ state: 'value', value: fromIso('2026-02-28') });
    expect(readDate('1900-01-01')).toEqual({ state: 'value', value: fromIso('1900-01-01') });
    expect(readDate('2100-12-31')).toEqual({ state: 'value', value: fromIso('2100-12-31') });
    expect(readDateOfBirth('2009-04')).toEqual({
      state: 'value',
      value: { day: fromYmd(2009, 4, 15), monthOnly: true },
    });
    for (const value of [true, false]) {
      expect(readYesNo(value)).toEqual({ state: 'value', value });
      expect(readDocument(value)).toEqual({ state: 'value', value });
      expect(readPresence(value)).toEqual({ state: 'value', value });
    }
    expect(readInteger(-1_000_000)).toEqual({ state: 'value', value: -1_000_000 });
    expect(readPlacementType('supported')).toEqual({ state: 'value', value: 'supported' });
    expect(readDate(null)).toEqual({ state: 'blank' });
    expect(readDate({ unreadable: true }).state).toBe('unreadable');
  });
});

describe('validateEvaluateRequest', () => {
  const schema = makeEvaluateRequestSchema(20);
  const outline = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
    issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).sort();

  /** The validator says exactly what the schema says: the same verdict, problems and data. */
  const expectSameVerdict = (request: unknown) => {
    const expected = schema.safeParse(request);
    const actual = validateEvaluateRequest(request, { maxRows: 20 });
    expect(actual.success).toBe(expected.success);
    if (!actual.success && !expected.success)
      expect(outline(actual.issues)).toEqual(outline(expected.error.issues));
    if (actual.success && expected.success) expect(actual.data).toEqual(expected.data);
  };

  const base = {
    asOf: '2026-11-23',
    tracked: ['dateOfBirth', 'lastReviewDate', 'gpRegistered', 'sdqScore', 'placementType'],
    rows: [
      { row: 2, fields: { dateOfBirth: '2010-01-01', lastReviewDate: '2026-01-01', gpRegistered: true } },
      { row: 3, fields: { dateOfBirth: '2011-05', sdqScore: 17, placementType: 'foster' } },
      { row: 4, fields: { dateOfBirth: null, lastReviewDate: { unreadable: true } } },
    ],
  };

  it('agrees with the schema on any request (property)', () => {
    const location = fc.constantFrom(
      [],
      ['asOf'],
      ['policy'],
      ['tracked'],
      ['tracked', 1],
      ['rows'],
      ['rows', 0],
      ['rows', 1, 'row'],
      ['rows', 1, 'fields'],
      ['rows', 0, 'fields', 'lastReviewDate'],
      ['rows', 2, 'fields', 'name'],
      ['rows', 1, 'fields', 'sdqScore'],
      ['extra'],
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(location, fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }), (edits) => {
        const request = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        for (const [path, value] of edits) {
          if (path.length === 0) continue;
          let target = request as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) {
            const next = target[key];
            if (next === null || typeof next !== 'object') return;
            target = next as Record<string | number, unknown>;
          }
          target[path[path.length - 1]] = value;
        }
        expectSameVerdict(request);
      }),
      {
        numRuns: runs(300),
        // Once failed: an unknown key beside an empty `tracked` (zod went on to the cross checks).
        examples: [
          [
            [
              [['extra'], null],
              [['tracked'], []],
            ],
          ],
        ],
      },
    );
  });

  it('agrees with the schema on rows of valid and nearly valid values (property)', () => {
    // Rows of valid values with at most one nearly valid one: each value must be judged
    // exactly as the schema judges it, whichever check looks at the row.
    const validByKind: Record<string, readonly unknown[]> = {
      date: ['2026-02-28', '2024-02-29', '1900-01-01', '2100-12-31'],
      dateOfBirth: ['2009-04-03', '2009-04', '2012-02-29'],
      yesNo: [true, false],
      document: [true, false],
      presence: [true, false],
      integer: [0, -0, 17, -1, Number.MAX_SAFE_INTEGER],
      placementType: PLACEMENT_TYPES,
      eetStatus: EET_STATUSES,
      leavingCareStatus: LEAVING_CARE_STATUSES,
    };
    const nearlyValidByKind: Record<string, readonly unknown[]> = {
      date: ['2026-02-29', '1899-12-31', '2101-01-01', '2009-04', ' 2026-01-01', '2026-01-01T00:00:00Z'],
      dateOfBirth: ['2009-13', '2009-4-03', '２０２６-01-01', '03/04/2009', '2009-02-29'],
      yesNo: ['true', 1, 'Y'],
      document: ['true', 0],
      presence: ['Jo', 1],
      integer: [1.5, Number.MAX_SAFE_INTEGER + 1, '17', true],
      placementType: ['Foster', 'U4', ''],
      eetStatus: ['neet', 'F1'],
      leavingCareStatus: ['former relevant', 'Eligible '],
    };
    const anyKind = [
      { unreadable: false },
      { unreadable: 'true' },
      { unreadable: true, text: 'N/A' },
      {},
      [],
      [true],
    ];
    const oddField = fc.constantFrom<string>(
      ...new Set(RULE_FIELD_NAMES.map((name) => FIELD_BY_NAME[name].kind)),
      'name',
      '__proto__',
      'constructor',
    );
    const representative = (kind: string) =>
      RULE_FIELD_NAMES.find((name) => FIELD_BY_NAME[name].kind === kind);
    const oddValue = (field: string) =>
      fc.constantFrom<unknown>(
        ...(Object.hasOwn(nearlyValidByKind, field) ? nearlyValidByKind[field] : []),
        ...anyKind,
        'x',
      );
    const valueOf = (field: RuleFieldName) =>
      fc.oneof(
        fc.constantFrom(...validByKind[FIELD_BY_NAME[field].kind]),
        fc.constant(null),
        fc.constant({ unreadable: true }),
      );
    const validFields = fc
      .subarray([...RULE_FIELD_NAMES], { maxLength: 5 })
      .chain((names) =>
        fc.tuple(...names.map((name) => valueOf(name).map((value) => [name, value] as const))),
      );
    // a kind stands for its first field; other keys are sent as they are
    const oddOne = fc.option(
      oddField.chain((key) => oddValue(key).map((value) => [representative(key) ?? key, value] as const)),
      { freq: 2 },
    );
    const row = fc.record({
      row: fc.oneof(
        { arbitrary: fc.integer({ min: 2, max: 9 }), weight: 8 },
        fc.constantFrom<unknown>(0, 1.5, '2'),
      ),
      fields: fc.tuple(validFields, oddOne).map(([valid, odd]) => ({
        ...Object.fromEntries(valid),
        ...(odd ? JSON.parse(`{${JSON.stringify(odd[0])}:${JSON.stringify(odd[1]) ?? 'null'}}`) : {}),
      })),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3 }), (rows) => {
        const request = JSON.parse(JSON.stringify({ tracked: RULE_FIELD_NAMES, rows })) as unknown;
        expectSameVerdict(request);
      }),
      { numRuns: runs(500) },
    );
  });

  it('stops after maxIssues problems and says the count is incomplete', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({
      row: i + 2,
      fields: { lastReviewDate: 'x', gpRegistered: 'y' },
    }));
    const result = validateEvaluateRequest(
      { tracked: ['lastReviewDate', 'gpRegistered'], rows },
      { maxRows: 20, maxIssues: 7 },
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.complete).toBe(false);
    expect(result.issues.length).toBeGreaterThanOrEqual(7);
    expect(result.issues.length).toBeLessThan(10);
  });
});
