/**
 * The service's endpoints as plain data: route, allowed methods, auth level and handler.
 * `index.ts` registers them with the Functions host; the local development server mounts
 * the very same table, so both run the same handlers.
 */
import type { HttpHandler, HttpMethod } from '@azure/functions';
import type { ServiceConfig } from './lib/config';
import { makeEvaluateHandler } from './handlers/evaluate';
import { makeHealthHandler } from './handlers/health';
import { makeOpenApiHandler } from './handlers/openapi';
import { makePolicyHandler } from './handlers/policy';

export interface Route {
  /** the function name in the host */
  readonly name: string;
  /** the route under /api */
  readonly route: string;
  /** the methods the endpoint answers; others get a 405 from the handler */
  readonly methods: readonly HttpMethod[];
  /** `function`: a function key is required (x-functions-key header or ?code=) */
  readonly authLevel: 'anonymous' | 'function';
  readonly handler: HttpHandler;
}

export function routes(config: ServiceConfig): Route[] {
  return [
    {
      name: 'evaluate',
      route: 'evaluate',
      methods: ['POST'],
      authLevel: 'function',
      handler: makeEvaluateHandler(config),
    },
    {
      name: 'policy',
      route: 'policy',
      methods: ['GET'],
      authLevel: 'function',
      handler: makePolicyHandler(config),
    },
    {
      name: 'health',
      route: 'health',
      methods: ['GET', 'HEAD'],
      authLevel: 'anonymous',
      handler: makeHealthHandler(),
    },
    {
      name: 'openapi',
      route: 'openapi.json',
      methods: ['GET'],
      authLevel: 'anonymous',
      handler: makeOpenApiHandler(config),
    },
  ];
}
