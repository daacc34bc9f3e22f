/**
 * The service's wire format: what the pane sends to `POST /api/evaluate`, and what the
 * service answers. Shared by the Azure Functions and the add-in's API client, and the
 * source of the OpenAPI document (generated from these schemas, never written by hand).
 *
 * Privacy by design (DESIGN.md): a row travels as its worksheet row number plus the
 * canonical fields the rules read — dates, yes/no, numbers and enums. Names, IDs, worker
 * names and free text have no place in the schema, so a request carrying them is refused.
 * The pane reads each cell locally and sends only the reading: a date as `YYYY-MM-DD`, a
 * yes/no as a boolean, `null` for a blank cell, and `{ "unreadable": true }` for a cell it
 * could not read (the text itself never leaves the workbook).
 */
import { z } from 'zod';
import { isValidYmd } from './dates/calendar';
import type { CanonicalRow, EvaluateInput } from './engine';
import {
  EET_STATUSES,
  FIELD_BY_NAME,
  FIELDS,
  LEAVING_CARE_STATUSES,
  PLACEMENT_TYPES,
  RULE_FIELD_NAMES,
  type FieldKind,
  type LocalFieldName,
  type RuleFieldName,
} from './fields';
import { policyOverridesSchema, policySchema } from './policy';
import { evaluationSchema } from './results';
import { isPlainObject } from './json';

/** Bounds of the wire format itself (the per-request row limit is the service's configuration). */
export const WIRE_LIMITS = {
  /** Excel's last worksheet row */
  maxRowNumber: 1_048_576,
  /** years a date may have (the engine's cell readers' range): outside them it is a typing or reading error */
  minYear: 1900,
  maxYear: 2100,
  /**
   * Any whole number the cell readers accept (a safe integer), far beyond each field's
   * meaningful range (SDQ 0–40, NC year −1..13): an out-of-range score is a problem in one
   * row, which the rules report as Check data on that row, not a reason to refuse the
   * whole tracker.
   */
  minInteger: Number.MIN_SAFE_INTEGER,
  maxInteger: Number.MAX_SAFE_INTEGER,
  /** the default number of rows in one request */
  defaultMaxRows: 5_000,
} as const;

const LOCAL_FIELDS: readonly LocalFieldName[] = FIELDS.filter((spec) => spec.kind === 'text').map(
  (spec) => spec.name as LocalFieldName,
);

const STAYS_IN_WORKBOOK =
  'names, IDs, workers and other free text must stay in the workbook: only dates, yes/no, numbers and enums are sent';

/** A key as sent, shortened for a message: it is the sender's text, so a smuggled value cannot fill the reply. */
export function shortenKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

/** A key as sent, quoted and shortened for a message. */
export function quoteKey(key: string): string {
  return JSON.stringify(shortenKey(key));
}

function unknownKeysMessage(keys: readonly string[], where: string): string {
  const local = keys.filter((key) => (LOCAL_FIELDS as readonly string[]).includes(key));
  if (local.length > 0) return `${local.map(quoteKey).join(', ')} cannot be sent: ${STAYS_IN_WORKBOOK}`;
  const shown = keys.slice(0, 5).map(quoteKey).join(', ');
  return `unknown ${keys.length === 1 ? 'field' : 'fields'} ${shown}${keys.length > 5 ? ' …' : ''} in ${where}`;
}

/**
 * A strict object whose unknown keys get a plain message (and names/IDs a pointed one), and
 * which says what it expected when it is sent something other than an object.
 */
function strictObject<T extends z.core.$ZodLooseShape>(shape: T, where: string, expected: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownKeysMessage(issue.keys as string[], where)
        : issue.code === 'invalid_type'
          ? expected
          : undefined,
  });
}

// ---------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

/** The number written by `count` ASCII digits of `text` from `at`, or -1 if one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Whether `YYYY-MM-DD` or (with `monthOnly`) `YYYY-MM` text names a real calendar date in the
 * wire's years; text of another shape passes, as the pattern check before it reports that.
 * Read digit by digit rather than through a second regex match: it runs for every date of
 * every row, and a match array with three number conversions cost more than the whole check.
 */
function isRealDateOrOtherShape(text: string, monthOnly: boolean): boolean {
  const length = text.length;
  const shaped =
    length === 10 ? text[4] === '-' && text[7] === '-' : monthOnly && length === 7 && text[4] === '-';
  if (!shaped) return true;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = length === 10 ? digitsAt(text, 8, 2) : 1;
  if (year < 0 || month < 0 || day < 0) return true;
  return isValidYmd(year, month, day) && year >= WIRE_LIMITS.minYear && year <= WIRE_LIMITS.maxYear;
}

const NOT_A_REAL_DATE = `not a real calendar date between ${WIRE_LIMITS.minYear} and ${WIRE_LIMITS.maxYear}`;

/** A real calendar date, `YYYY-MM-DD`, in 1900..2100. */
export const isoDateSchema = z
  .string({ error: 'expected a date as text, YYYY-MM-DD' })
  .regex(ISO_DAY, { error: 'not a date: send dates as YYYY-MM-DD' })
  // (text of the wrong shape is reported once, by the pattern above; a union must not abort)
  .refine((text) => isRealDateOrOtherShape(text, false), { error: NOT_A_REAL_DATE })
  .meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-11-23'] });

/** A date of birth: a full date, or a month (`YYYY-MM`) when the tracker records only the month. */
const dateOfBirthTextSchema = z
  .string({ error: 'expected a date of birth as YYYY-MM-DD or YYYY-MM' })
  .regex(ISO_DAY_OR_MONTH, { error: 'not a date: send a date of birth as YYYY-MM-DD, or YYYY-MM' })
  .refine((text) => isRealDateOrOtherShape(text, true), { error: NOT_A_REAL_DATE })
  .meta({
    description:
      'A date of birth, YYYY-MM-DD; or YYYY-MM when only the month is known (the 15th is assumed).',
    examples: ['2009-04-03', '2009-04'],
  });

export const unreadableSchema = z
  .strictObject(
    { unreadable: z.literal(true) },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? 'an unreadable cell is sent as {"unreadable": true} only: its text stays in the workbook'
          : undefined,
    },
  )
  .meta({
    description:
      'The cell held something that could not be read as this field (for example "N/A" in a date column). ' +
      'The rules report it as Check data; the text itself is never sent.',
  });

const booleanSchema = z.boolean({ error: 'expected true or false' });
const integerSchema = z
  .number({ error: 'expected a whole number' })
  .int({ error: 'expected a whole number' });

const isBoolean = (value: unknown) => typeof value === 'boolean';

function oneOf(words: readonly string[]): (value: unknown) => boolean {
  const admitted = new Set(words);
  return (value) => typeof value === 'string' && admitted.has(value);
}

/**
 * Each kind's value on the wire: its schema, what a message says it expects, and `admits`,
 * the schema's own tests as a plain function, which checks the rows of a request quickly
 * (`acceptedRow`; a property test holds the two to the same verdicts).
 */
const VALUE_BY_KIND = {
  date: {
    schema: isoDateSchema,
    expected: 'a date as YYYY-MM-DD',
    admits: (value: unknown) =>
      typeof value === 'string' && ISO_DAY.test(value) && isRealDateOrOtherShape(value, false),
  },
  dateOfBirth: {
    schema: dateOfBirthTextSchema,
    expected: 'a date as YYYY-MM-DD or YYYY-MM',
    admits: (value: unknown) =>
      typeof value === 'string' && ISO_DAY_OR_MONTH.test(value) && isRealDateOrOtherShape(value, true),
  },
  yesNo: { schema: booleanSchema, expected: 'true or false', admits: isBoolean },
  document: { schema: booleanSchema, expected: 'true or false', admits: isBoolean },
  presence: {
    schema: booleanSchema,
    expected: 'true (a personal adviser is named) or false',
    admits: isBoolean,
  },
  integer: {
    schema: integerSchema,
    expected: 'a whole number',
    admits: (value: unknown) => Number.isSafeInteger(value),
  },
  placementType: {
    schema: z.enum(PLACEMENT_TYPES, { error: `expected one of ${PLACEMENT_TYPES.join(', ')}` }),
    expected: `one of ${PLACEMENT_TYPES.join(', ')}`,
    admits: oneOf(PLACEMENT_TYPES),
  },
  eetStatus: {
    schema: z.enum(EET_STATUSES, { error: `expected ${EET_STATUSES.join(' or ')}` }),
    expected: EET_STATUSES.join(' or '),
    admits: oneOf(EET_STATUSES),
  },
  leavingCareStatus: {
    schema: z.enum(LEAVING_CARE_STATUSES, { error: `expected one of ${LEAVING_CARE_STATUSES.join(', ')}` }),
    expected: `one of ${LEAVING_CARE_STATUSES.join(', ')}`,
    admits: oneOf(LEAVING_CARE_STATUSES),
  },
} as const satisfies Record<
  Exclude<FieldKind, 'text'>,
  { schema: z.ZodType; expected: string; admits: (value: unknown) => boolean }
>;

type WireKind = keyof typeof VALUE_BY_KIND;
type KindValue<K extends WireKind> = z.infer<(typeof VALUE_BY_KIND)[K]['schema']>;

/** What a cell becomes on the wire: its reading, `null` for blank, or unreadable. */
export type WireValue<K extends WireKind = WireKind> = KindValue<K> | null | { readonly unreadable: true };

function fieldValueSchema(name: RuleFieldName) {
  const spec = FIELD_BY_NAME[name];
  const kind = spec.kind as WireKind;
  const { schema, expected } = VALUE_BY_KIND[kind];
  const range =
    spec.min !== undefined || spec.max !== undefined
      ? ` (meaningful range ${spec.min ?? '…'}–${spec.max ?? '…'}; other values come back as Check data)`
      : '';
  // Nullable outside the union: a blank cell (a third of all cells) is accepted at once,
  // without the union trying the value's schema, and failing, on the way.
  return z
    .union([schema, unreadableSchema], {
      error: `expected ${expected}, null for a blank cell, or {"unreadable": true}`,
    })
    .nullable()
    .optional()
    .meta({ description: `${spec.label}: ${expected}${range}; null when blank.` });
}

type FieldsShape = { [N in RuleFieldName]: ReturnType<typeof fieldValueSchema> };

const fieldsShape = Object.fromEntries(
  RULE_FIELD_NAMES.map((name) => [name, fieldValueSchema(name)]),
) as FieldsShape;

/** One row's rule fields. Only fields listed in `tracked` may appear. */
export const wireFieldsSchema = strictObject(
  fieldsShape,
  'a row (only the canonical rule fields may be sent)',
  'expected the row\'s fields as an object, { "lastReviewDate": "2026-04-03", ... }',
).meta({
  description:
    'The canonical fields the rules read, for one row. A field absent here but listed in `tracked` is blank. ' +
    'Names, IDs, worker names and free text are refused.',
});
export type WireFields = z.infer<typeof wireFieldsSchema>;

export const ruleFieldNameSchema = z
  .enum(RULE_FIELD_NAMES as [RuleFieldName, ...RuleFieldName[]], {
    error: (issue) =>
      typeof issue.input === 'string' && (LOCAL_FIELDS as readonly string[]).includes(issue.input)
        ? `${quoteKey(issue.input)} cannot be sent: ${STAYS_IN_WORKBOOK}`
        : 'not a rule field (GET /api/policy lists the fields each rule reads)',
  })
  .meta({ description: 'A canonical field the rules read (RULES.md section 3).' });

export const wireRowSchema = strictObject(
  {
    row: z
      .number({ error: 'expected the worksheet row number' })
      .int({ error: 'expected a whole row number' })
      .min(1, { error: 'row numbers start at 1' })
      .max(WIRE_LIMITS.maxRowNumber, { error: `row numbers end at ${WIRE_LIMITS.maxRowNumber}` })
      .meta({ description: 'The worksheet row number the user sees.' }),
    fields: wireFieldsSchema,
  },
  'a row (each row is { row, fields })',
  'expected a row as an object, { "row": 2, "fields": { ... } }',
);
export type WireRow = z.infer<typeof wireRowSchema>;

// ---------------------------------------------------------------------------------------
// A quick check of rows the schema accepts
// ---------------------------------------------------------------------------------------

/** Each rule field's `admits`, by field name. */
const ADMITS_BY_FIELD: ReadonlyMap<string, (value: unknown) => boolean> = new Map(
  RULE_FIELD_NAMES.map((name) => [name, VALUE_BY_KIND[FIELD_BY_NAME[name].kind as WireKind].admits]),
);

function isUnreadableCell(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    if (key !== 'unreadable') return false;
    keys += 1;
  }
  return keys === 1 && value.unreadable === true;
}

/**
 * The row as the schema would give it, when the schema accepts it; otherwise null, and the
 * schema checks the row and says what is wrong. Checking a valid row this way, with the
 * schema's own tests and no issue list or copy of each value, takes a fraction of the
 * schema's time (`npm run bench:api` measures the validation), and almost every row of a
 * real request is valid. `validateEvaluateRequest` is tested to agree with the schema.
 */
function acceptedRow(raw: unknown): WireRow | null {
  if (!isPlainObject(raw)) return null;
  let keys = 0;
  for (const key in raw) {
    if (key !== 'row' && key !== 'fields') return null;
    keys += 1;
  }
  const { row, fields } = raw;
  if (keys !== 2 || !Number.isSafeInteger(row) || !isPlainObject(fields)) return null;
  if ((row as number) < 1 || (row as number) > WIRE_LIMITS.maxRowNumber) return null;
  for (const key in fields) {
    const admits = ADMITS_BY_FIELD.get(key);
    const value = fields[key];
    if (admits === undefined || value === undefined) return null;
    if (value !== null && !admits(value) && !isUnreadableCell(value)) return null;
  }
  // (the request's own object: the engine only reads it, as it would the schema's copy)
  return { row: row as number, fields: fields as WireFields };
}

/** The request's fields around its rows; `rows` is the schema for the list of rows. */
function requestShape<R extends z.ZodType>(rows: R) {
  return {
    asOf: isoDateSchema
      .optional()
      .meta({ description: "The as-of date; today's date in London when left out." }),
    policy: policyOverridesSchema
      .optional()
      .meta({ description: "Overrides of the service's policy (any subset of its fields)." }),
    tracked: z
      .array(ruleFieldNameSchema, {
        error: 'expected a list of the rule fields the tracker has columns for',
      })
      .max(RULE_FIELD_NAMES.length, {
        error: `lists more fields than there are (${RULE_FIELD_NAMES.length}): is one listed twice?`,
      })
      .meta({
        description:
          'The canonical rule fields the tracker has a column for, even where cells are blank: ' +
          'a rule whose columns are missing is reported as inactive.',
      }),
    rows,
  };
}

const REQUEST_WHERE = 'the request (it has asOf, policy, tracked and rows)';
const REQUEST_EXPECTED = 'expected a JSON object with tracked and rows (and optionally asOf and policy)';

function rowsSchema<R extends z.ZodType>(row: R, maxRows: number) {
  return z
    .array(row, { error: 'expected a list of rows' })
    .max(maxRows, { error: `too many rows: the limit is ${maxRows} per request` });
}

type CustomIssue = { code: 'custom'; path: (string | number)[]; message: string };

/** What a schema cannot say: fields listed once, rows only with tracked fields, each row number once. */
function crossCheck(
  request: { readonly tracked: readonly string[]; readonly rows: readonly { row: number; fields: object }[] },
  addIssue: (issue: CustomIssue) => void,
): void {
  const tracked = new Set<string>();
  request.tracked.forEach((field, index) => {
    if (tracked.has(field))
      addIssue({ code: 'custom', path: ['tracked', index], message: `${field} is listed twice` });
    tracked.add(field);
  });
  // A row's fields are rule fields (the row schema admits no others): when every rule field is
  // tracked, none can be untracked, and the rows need not be looked through field by field.
  const allTracked = RULE_FIELD_NAMES.every((field) => tracked.has(field));
  const seenRows = new Set<number>();
  request.rows.forEach((row, index) => {
    if (seenRows.has(row.row)) {
      addIssue({ code: 'custom', path: ['rows', index, 'row'], message: `row ${row.row} appears twice` });
    }
    seenRows.add(row.row);
    if (allTracked) return;
    for (const field of Object.keys(row.fields)) {
      if (!tracked.has(field)) {
        addIssue({
          code: 'custom',
          path: ['rows', index, 'fields', field],
          message: `${field} is not listed in tracked`,
        });
      }
    }
  });
}

/**
 * The request of `POST /api/evaluate`; `maxRows` is the service's configured limit.
 * The cross checks run only on an otherwise well-formed request: zod would also run them
 * after problems it can carry on from (an unknown key, too many rows), and
 * `validateEvaluateRequest` must report exactly what this schema reports.
 */
export function makeEvaluateRequestSchema(maxRows: number = WIRE_LIMITS.defaultMaxRows) {
  return strictObject(
    requestShape(rowsSchema(wireRowSchema, maxRows)),
    REQUEST_WHERE,
    REQUEST_EXPECTED,
  ).superRefine((request, ctx) => crossCheck(request, (issue) => ctx.addIssue(issue)), {
    when: (payload) => payload.issues.length === 0,
  });
}

export type ValidationResult =
  | { readonly success: true; readonly data: EvaluateRequest }
  | {
      readonly success: false;
      readonly issues: readonly z.core.$ZodIssue[];
      /** false when checking stopped early, at `maxIssues` problems: there may be more */
      readonly complete: boolean;
    };

/** The request with its rows left unchecked, by row limit: made once, as zod compiles a schema on first use. */
const envelopes = new Map<number, ReturnType<typeof makeEnvelopeSchema>>();
function makeEnvelopeSchema(maxRows: number) {
  return strictObject(requestShape(rowsSchema(z.unknown(), maxRows)), REQUEST_WHERE, REQUEST_EXPECTED);
}
function envelopeSchema(maxRows: number) {
  let schema = envelopes.get(maxRows);
  if (schema === undefined) {
    schema = makeEnvelopeSchema(maxRows);
    // (a service has one limit; tests try a few)
    if (envelopes.size >= 16) envelopes.clear();
    envelopes.set(maxRows, schema);
  }
  return schema;
}

/**
 * Validates a request exactly as `makeEvaluateRequestSchema(maxRows)` does, row by row, and
 * stops once `maxIssues` problems are found: a request of 5,000 rows that are all wrong is
 * refused as quickly as a right one is evaluated, instead of listing every one of its
 * hundreds of thousands of problems.
 */
export function validateEvaluateRequest(
  json: unknown,
  options: { readonly maxRows?: number; readonly maxIssues?: number } = {},
): ValidationResult {
  const maxRows = options.maxRows ?? WIRE_LIMITS.defaultMaxRows;
  const maxIssues = options.maxIssues ?? 100;
  const envelope = envelopeSchema(maxRows).safeParse(json);
  const issues: z.core.$ZodIssue[] = envelope.success ? [] : [...envelope.error.issues];
  const sent = (json as { rows?: unknown } | null)?.rows;
  const rawRows: readonly unknown[] = Array.isArray(sent) && sent.length <= maxRows ? sent : [];
  const rows: WireRow[] = [];
  let complete = true;
  for (let index = 0; index < rawRows.length; index += 1) {
    if (issues.length >= maxIssues) {
      complete = false;
      break;
    }
    const accepted = acceptedRow(rawRows[index]);
    if (accepted !== null) {
      rows.push(accepted);
      continue;
    }
    const row = wireRowSchema.safeParse(rawRows[index]);
    if (row.success) rows.push(row.data);
    else
      for (const issue of row.error.issues) issues.push({ ...issue, path: ['rows', index, ...issue.path] });
  }
  if (!envelope.success || issues.length > 0) return { success: false, issues, complete };
  const request = { ...envelope.data, rows } as EvaluateRequest;
  crossCheck(request, (issue) => issues.push(issue as z.core.$ZodIssue));
  return issues.length > 0 ? { success: false, issues, complete: true } : { success: true, data: request };
}

export const evaluateRequestSchema = makeEvaluateRequestSchema();
export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

// ---------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------

const correlationIdSchema = z
  .string()
  .meta({ description: 'Quote this id when reporting a problem: it finds the request in the service logs.' });

/** RULES.md section 8, without `mapping` (the service never sees the tracker's headers). */
export const evaluateResponseSchema = evaluationSchema
  .omit({ mapping: true })
  .extend({ correlationId: correlationIdSchema });
export type EvaluateResponse = z.infer<typeof evaluateResponseSchema>;

const windowSchema = policySchema.shape.defaultWindow;

export const ruleSummarySchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  source: z.string(),
  inputs: z.array(ruleFieldNameSchema).meta({ description: 'Every field the rule may read.' }),
  window: windowSchema.meta({ description: 'How long before the due date the item turns Due soon.' }),
});
export type RuleSummary = z.infer<typeof ruleSummarySchema>;

export const policyResponseSchema = z.strictObject({
  rulesVersion: z.string(),
  policy: policySchema.meta({ description: 'The policy in force for requests that send none.' }),
  rules: z.array(ruleSummarySchema),
  correlationId: correlationIdSchema,
});
export type PolicyResponse = z.infer<typeof policyResponseSchema>;

export const healthResponseSchema = z.strictObject({
  status: z.literal('ok'),
  rulesVersion: z.string(),
  correlationId: correlationIdSchema,
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'invalid_policy',
  'unsupported_media_type',
  'body_too_large',
  'too_many_rows',
  'method_not_allowed',
  'not_found',
  'unauthorized',
  'forbidden_origin',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const problemSchema = z.strictObject({
  /** the worksheet row number, when the problem is in a row */
  row: z.number().int().optional(),
  field: z.string().optional(),
  /** where in the request, e.g. rows[3].fields.lastReviewDate */
  path: z.string(),
  message: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

export const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string().meta({ description: 'What is wrong, in plain English.' }),
    problems: z.array(problemSchema).optional().meta({ description: 'The first few problems found.' }),
    problemCount: z.number().int().optional(),
  }),
  rulesVersion: z.string(),
  correlationId: correlationIdSchema,
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

// ---------------------------------------------------------------------------------------
// Wire rows → the engine's canonical rows
// ---------------------------------------------------------------------------------------

/**
 * A validated request as the engine's input. Every wire value is already a raw cell the
 * engine's readers take as it is (ISO dates, `YYYY-MM` month-only births, booleans, whole
 * numbers, the canonical enum words, `{ unreadable: true }`), so the engine reads it with
 * the same cell readers as the CLI and the pane's built-in copy, and the results are the
 * same whichever ran them. A validated row's `fields` holds only rule fields, so it is
 * handed to the engine (which only reads it) as it is, not copied value by value.
 */
export function toEvaluateInput(request: Pick<EvaluateRequest, 'tracked' | 'rows'>): EvaluateInput {
  const rows: CanonicalRow[] = request.rows.map(({ row, fields }) => ({ row, values: fields }));
  return { tracked: [...request.tracked], rows };
}
