/** functions/index.ts registers each endpoint with the host, v4 programming model. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, type HttpFunctionOptions } from '@azure/functions';

it('registers evaluate and policy behind a function key, health and openapi open', () => {
  const registered = new Map<string, HttpFunctionOptions>();
  jest.isolateModules(() => {
    // The entry point registers on import: load it fresh, with app.http observed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const functions = require('@azure/functions') as { app: typeof app };
    jest.spyOn(functions.app, 'http').mockImplementation((name: string, options: HttpFunctionOptions) => {
      registered.set(name, options);
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../functions/index');
  });

  const summary = Object.fromEntries(
    [...registered].map(([name, options]) => [name, { route: options.route, authLevel: options.authLevel }]),
  );
  expect(summary).toEqual({
    evaluate: { route: 'evaluate', authLevel: 'function' },
    policy: { route: 'policy', authLevel: 'function' },
    health: { route: 'health', authLevel: 'anonymous' },
    openapi: { route: 'openapi.json', authLevel: 'anonymous' },
  });
  for (const options of registered.values()) {
    expect(options.methods).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(typeof options.handler).toBe('function');
  }
});

it('points package.json main at the compiled entry point', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    main: string;
  };
  expect(pkg.main).toBe('dist/functions/index.js');
});
