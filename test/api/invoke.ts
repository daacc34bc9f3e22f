/** Calling a handler as the host does: a real HttpRequest and InvocationContext, logs captured. */
import { randomUUID } from 'node:crypto';
import { type HttpHandler, HttpRequest, HttpResponse, InvocationContext } from '@azure/functions';

export interface Invocation {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
  /** every log line the handler wrote, as text */
  readonly logs: string[];
}

export interface InvokeOptions {
  readonly method?: string;
  /** an object is sent as JSON; a string as it is */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly url?: string;
}

export async function invoke(handler: HttpHandler, options: InvokeOptions = {}): Promise<Invocation> {
  const logs: string[] = [];
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const request = new HttpRequest({
    method: options.method ?? 'POST',
    url: options.url ?? 'http://localhost:7071/api/evaluate',
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(body === undefined ? {} : { body: { string: body } }),
  });
  const context = new InvocationContext({
    invocationId: randomUUID(),
    functionName: 'test',
    logHandler: (level, ...args) =>
      logs.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`),
  });
  const result = await handler(request, context);
  const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? {});
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text, logs };
}
