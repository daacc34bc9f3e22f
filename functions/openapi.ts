/**
 * The OpenAPI 3.1 document of the service, generated from the zod schemas of
 * `shared/wire.ts` with zod's own `z.toJSONSchema()`: never written by hand, so it cannot
 * drift from what the service accepts. `npm run openapi` writes it to docs/openapi.json
 * (a test checks the copy there is current).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RULES_VERSION } from '../shared/policy';
import {
  errorResponseSchema,
  evaluateResponseSchema,
  healthResponseSchema,
  makeEvaluateRequestSchema,
  policyResponseSchema,
  problemSchema,
  ruleFieldNameSchema,
  ruleSummarySchema,
  unreadableSchema,
  WIRE_LIMITS,
  wireFieldsSchema,
  wireRowSchema,
} from '../shared/wire';

const REF = '#/components/schemas/';

function componentSchemas(maxRows: number): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  const components: Record<string, z.ZodType> = {
    EvaluateRequest: makeEvaluateRequestSchema(maxRows),
    Row: wireRowSchema,
    RowFields: wireFieldsSchema,
    RuleField: ruleFieldNameSchema,
    Unreadable: unreadableSchema,
    EvaluateResponse: evaluateResponseSchema,
    PolicyResponse: policyResponseSchema,
    RuleSummary: ruleSummarySchema,
    HealthResponse: healthResponseSchema,
    ErrorResponse: errorResponseSchema,
    Problem: problemSchema,
  };
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `${REF}${id}`,
    io: 'input',
    metadata: z.globalRegistry,
  });
  // Components live inside the document: their own $schema/$id would only get in the way.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const json = (schema: string) => ({ 'application/json': { schema: { $ref: `${REF}${schema}` } } });

const error = (description: string) => ({ description, content: json('ErrorResponse') });

const correlationHeader = {
  'X-Correlation-Id': {
    description: 'The correlation id of the request (also in the body).',
    schema: { type: 'string' },
  },
  'X-Rules-Version': { description: 'The rules version that answered.', schema: { type: 'string' } },
};

export interface OpenApiOptions {
  readonly maxRows?: number;
}

export function buildOpenApiDocument(options: OpenApiOptions = {}): object {
  const maxRows = options.maxRows ?? WIRE_LIMITS.defaultMaxRows;
  const functionKey = [{ functionKey: [] }, { functionKeyQuery: [] }];
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'caseload-flags service',
      version: RULES_VERSION,
      description:
        'Deadline flags for looked-after children and care leavers, computed by the shared rules module. ' +
        'Only dates, yes/no values, numbers, enums and row numbers are sent: names, IDs, worker names and ' +
        'free text stay in the workbook and are refused if sent. Every response carries a correlation id ' +
        'and the rules version.',
    },
    servers: [{ url: '/api' }],
    paths: {
      '/evaluate': {
        post: {
          operationId: 'evaluate',
          summary: 'Evaluate every active rule on every row (RULES.md section 8, without mapping).',
          security: functionKey,
          requestBody: { required: true, content: json('EvaluateRequest') },
          responses: {
            200: {
              description: 'The results.',
              headers: correlationHeader,
              content: json('EvaluateResponse'),
            },
            400: error(
              'Invalid JSON, a wrong type, an unknown field, a date that is not a date, or a field that must stay in the workbook; `problems` names the first few rows and fields.',
            ),
            401: { description: 'No valid function key.' },
            405: error('Wrong method: use POST.'),
            413: error(`Too many rows (over ${maxRows}) or too large a body.`),
            415: error('The body is not sent as application/json.'),
            500: error('An unexpected error in the service; quote the correlation id.'),
          },
        },
      },
      '/policy': {
        get: {
          operationId: 'getPolicy',
          summary: 'The rule catalogue and the policy in force, with the rules version.',
          security: functionKey,
          responses: {
            200: {
              description: 'The catalogue.',
              headers: correlationHeader,
              content: json('PolicyResponse'),
            },
            401: { description: 'No valid function key.' },
            405: error('Wrong method: use GET.'),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Liveness.',
          security: [],
          responses: { 200: { description: 'The service is up.', content: json('HealthResponse') } },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document.',
          security: [],
          responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': {} } } },
        },
      },
    },
    components: {
      schemas: componentSchemas(maxRows),
      securitySchemes: {
        functionKey: { type: 'apiKey', in: 'header', name: 'x-functions-key' },
        functionKeyQuery: { type: 'apiKey', in: 'query', name: 'code' },
      },
    },
  };
}

export function openApiText(options: OpenApiOptions = {}): string {
  return `${JSON.stringify(buildOpenApiDocument(options), null, 2)}\n`;
}

export const OPENAPI_PATH = join(__dirname, '..', 'docs', 'openapi.json');

// `npm run openapi`: regenerate the checked-in copy.
if (require.main === module) {
  writeFileSync(OPENAPI_PATH, openApiText());
  process.stdout.write(`Wrote ${OPENAPI_PATH}\n`);
}
