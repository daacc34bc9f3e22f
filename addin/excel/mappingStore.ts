/**
 * The confirmed column mapping, saved in the workbook so the next refresh, by anyone on
 * any machine, asks no questions.
 *
 * It lives in a custom XML part with the tool's own namespace: the part travels with the
 * file and does not depend on the add-in's id (workbook settings do). Fields are stored by
 * header text, not column number, so inserting or moving columns does not break it. One
 * workbook may hold several trackers: one `<tracker>` element per sheet.
 */
import type { XCustomXmlPart, XRequestContext } from './surface';

export const MAPPING_NAMESPACE = 'urn:caseload-flags:mapping:1';

/** canonical field → header text, as `applyExplicitMapping` takes it */
export type SavedMapping = Readonly<Record<string, string>>;

export interface SavedTracker {
  readonly sheetName: string;
  readonly mapping: SavedMapping;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

export function mappingToXml(trackers: readonly SavedTracker[]): string {
  const body = trackers
    .map((tracker) => {
      const fields = Object.entries(tracker.mapping)
        .map(([field, header]) => `<field name="${escapeXml(field)}">${escapeXml(header)}</field>`)
        .join('');
      return `<tracker sheet="${escapeXml(tracker.sheetName)}">${fields}</tracker>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><mappings xmlns="${MAPPING_NAMESPACE}">${body}</mappings>`;
}

/** Reads what `mappingToXml` wrote; anything else in the part is ignored. */
export function mappingFromXml(xml: string): SavedTracker[] {
  const trackers: SavedTracker[] = [];
  for (const match of xml.matchAll(/<tracker\s+sheet="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/tracker>)/g)) {
    const mapping: Record<string, string> = {};
    for (const field of (match[2] ?? '').matchAll(
      /<field\s+name="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/field>)/g,
    )) {
      mapping[unescapeXml(field[1])] = unescapeXml(field[2] ?? '');
    }
    trackers.push({ sheetName: unescapeXml(match[1]), mapping });
  }
  return trackers;
}

/** The mapping part (a null object when there is none yet); its state is known after the next sync. */
export function queueMappingPart(context: XRequestContext): XCustomXmlPart {
  return context.workbook.customXmlParts.getByNamespace(MAPPING_NAMESPACE).getOnlyItemOrNullObject();
}

export async function loadMappings(context: XRequestContext): Promise<SavedTracker[]> {
  const part = queueMappingPart(context);
  await context.sync();
  if (part.isNullObject) return [];
  const xml = part.getXml();
  await context.sync();
  return mappingFromXml(xml.value);
}

/** Save (or replace) the mapping of one tracker sheet, keeping the others'. */
export async function saveMapping(context: XRequestContext, tracker: SavedTracker): Promise<void> {
  const existing = await loadMappings(context);
  const others = existing.filter((t) => t.sheetName.toLowerCase() !== tracker.sheetName.toLowerCase());
  const xml = mappingToXml([...others, tracker]);
  const part = queueMappingPart(context);
  await context.sync();
  if (part.isNullObject) context.workbook.customXmlParts.add(xml);
  else part.setXml(xml);
  await context.sync();
}
