/**
 * The Functions app's entry point (package.json `main` → dist/functions/index.js): registers
 * every endpoint with the host, v4 programming model. The handlers live in handlers/, one
 * per file; this file only wires them up.
 */
import { app } from '@azure/functions';
import { loadConfig } from './lib/config';
import { REGISTERED_METHODS } from './lib/http';
import { routes } from './routes';

for (const route of routes(loadConfig(process.env))) {
  app.http(route.name, {
    route: route.route,
    // Every common method is registered so that a wrong one gets a 405 naming the right one.
    methods: REGISTERED_METHODS,
    authLevel: route.authLevel,
    handler: route.handler,
  });
}
