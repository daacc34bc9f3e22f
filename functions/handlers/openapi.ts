/** GET /api/openapi.json: the OpenAPI 3.1 document, generated from the wire schemas. */
import type { HttpHandler } from '@azure/functions';
import type { ServiceConfig } from '../lib/config';
import { endpoint, jsonResponse } from '../lib/http';
import { buildOpenApiDocument } from '../openapi';

export function makeOpenApiHandler(config: ServiceConfig): HttpHandler {
  const document = buildOpenApiDocument({ maxRows: config.maxRows });
  return endpoint('openapi', ['GET'], async (_request, _context, correlationId) =>
    jsonResponse(200, document, correlationId),
  );
}
