/** The OpenAPI document: generated from the zod schemas, valid OpenAPI 3.1, and current in docs/. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_FIELD_NAMES } from '../../shared/fields';
import { RULES_VERSION } from '../../shared/policy';
import { makeOpenApiHandler } from '../../functions/handlers/openapi';
import { loadConfig } from '../../functions/lib/config';
import { buildOpenApiDocument, openApiText } from '../../functions/openapi';
import { invoke } from './invoke';

const CHECKED_IN = join(__dirname, '..', '..', 'docs', 'openapi.json');

type Schema = {
  properties?: Record<string, Schema>;
  required?: string[];
  maxItems?: number;
  additionalProperties?: unknown;
};
type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, unknown>;
  components: { schemas: Record<string, Schema> };
};

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument() as Doc;

  it('is current in docs/openapi.json (run `npm run openapi` after changing the wire schemas)', () => {
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(openApiText());
  });

  it('is a valid OpenAPI 3.1 document', () => {
    // The validator is ESM-only: run it in its own Node process.
    const script = `
      import { Validator } from '@seriousme/openapi-schema-validator';
      const result = await new Validator().validate(process.argv[1]);
      process.stdout.write(JSON.stringify(result));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, CHECKED_IN], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ valid: true });
  });

  it('describes the four endpoints with the rules version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(RULES_VERSION);
    expect(Object.keys(doc.paths).sort()).toEqual(['/evaluate', '/health', '/openapi.json', '/policy']);
  });

  it('admits exactly the rule fields in a row, and no names or IDs', () => {
    const fields = doc.components.schemas.RowFields;
    expect(Object.keys(fields.properties ?? {})).toEqual([...RULE_FIELD_NAMES]);
    expect(fields.additionalProperties).toBe(false);
    for (const local of ['name', 'childId', 'socialWorker', 'team'])
      expect(fields.properties).not.toHaveProperty(local);
  });

  it('states the row limit', () => {
    expect(doc.components.schemas.EvaluateRequest.properties?.rows.maxItems).toBe(5000);
    const small = buildOpenApiDocument({ maxRows: 200 }) as Doc;
    expect(small.components.schemas.EvaluateRequest.properties?.rows.maxItems).toBe(200);
  });

  it('is served at /api/openapi.json', async () => {
    const response = await invoke(makeOpenApiHandler(loadConfig({})), { method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(doc);
    expect(response.headers.get('x-rules-version')).toBe(RULES_VERSION);
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
  });
});
