/**
 * Small facts about JSON values and JSON text, for the adapters that read JSON (the
 * service's request, the CLI's mapping and policy files) and write it (the service's reply).
 */

/** An object as JSON makes it: not an array, a date or anything else with a prototype of its own. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The position in the text where JSON.parse stopped, if its error says (0-based); null when
 * it does not. (The message itself is not shown to users: it may quote the text.)
 */
export function jsonErrorPosition(error: unknown): number | null {
  const match = error instanceof SyntaxError ? /position (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : null;
}
