/**
 * The shared strings table: read to show header text, and appended to (never reordered)
 * for the tool's header cells, so existing string indices keep their meaning.
 */
import type { XlsxPackage } from './package';
import {
  addContentTypeOverride,
  addRelationship,
  readRelationships,
  REL_SHARED_STRINGS,
  SHARED_STRINGS_CONTENT_TYPE,
  WORKBOOK,
} from './workbook';
import { attr, children, escapeText, prefixOf, richText, rootElement, splice, tagText } from './xml';

export function sharedStringsPath(pkg: XlsxPackage): string | null {
  const rel = readRelationships(pkg, WORKBOOK).find((r) => r.type === REL_SHARED_STRINGS);
  return rel && pkg.has(rel.path) ? rel.path : null;
}

export function readSharedStrings(pkg: XlsxPackage): string[] {
  const path = sharedStringsPath(pkg);
  if (!path) return [];
  const xml = pkg.text(path);
  return children(xml, rootElement(xml))
    .filter((el) => el.tag.local === 'si')
    .map((el) => richText(xml, el));
}

/** Appends plain strings (reusing a plain entry with the same text) and gives their indices. */
export class SharedStringAppender {
  private readonly texts: string[];
  private readonly plain = new Map<string, number>();
  private readonly added: string[] = [];

  constructor(private readonly pkg: XlsxPackage) {
    const path = sharedStringsPath(pkg);
    this.texts = [];
    if (path) {
      const xml = pkg.text(path);
      for (const el of children(xml, rootElement(xml)).filter((e) => e.tag.local === 'si')) {
        const inner = xml.slice(el.contentStart, el.contentEnd);
        const index = this.texts.length;
        this.texts.push(inner);
        // only a single unformatted <t> counts as the same string
        const m = /^<(?:\w+:)?t(?:\s+xml:space="preserve")?>([^<]*)<\/(?:\w+:)?t>$/.exec(inner);
        if (m) {
          const text = richText(xml, el);
          if (!this.plain.has(text)) this.plain.set(text, index);
        }
      }
    }
  }

  index(text: string): number {
    const found = this.plain.get(text);
    if (found !== undefined) return found;
    const index = this.texts.length + this.added.length;
    const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
    this.added.push(`<t${space}>${escapeText(text)}</t>`);
    this.plain.set(text, index);
    return index;
  }

  commit(): void {
    if (this.added.length === 0) return;
    let path = sharedStringsPath(this.pkg);
    if (!path) {
      path = 'xl/sharedStrings.xml';
      this.pkg.setText(
        path,
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>',
      );
      addContentTypeOverride(this.pkg, `/${path}`, SHARED_STRINGS_CONTENT_TYPE);
      addRelationship(this.pkg, WORKBOOK, REL_SHARED_STRINGS, path);
    }
    const xml = this.pkg.text(path);
    const root = rootElement(xml);
    const p = prefixOf(root.tag);
    const unique = this.texts.length + this.added.length;
    let open = tagText(xml, root);
    const count = Number(attr(open, 'count') ?? 0);
    open = setOrKeep(open, 'uniqueCount', unique);
    // `count` is the number of string cells; it cannot be less than the unique strings
    if (attr(open, 'count') !== null && count < unique) open = setOrKeep(open, 'count', unique);
    const items = this.added
      .map((t) => `<${p}si>${p ? t.replace(/<(\/?)t/g, `<$1${p}t`) : t}</${p}si>`)
      .join('');
    const edits = [
      {
        start: root.tag.start,
        end: root.tag.end,
        text: root.tag.kind === 'empty' ? open.replace(/\s*\/>$/, '>') : open,
      },
      root.tag.kind === 'empty'
        ? { start: root.tag.end, end: root.tag.end, text: `${items}</${root.tag.name}>` }
        : { start: root.contentEnd, end: root.contentEnd, text: items },
    ];
    this.pkg.setText(path, splice(xml, edits));
    this.texts.push(...this.added);
    this.added.length = 0;
  }
}

function setOrKeep(open: string, name: string, value: number): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(open)) return open.replace(re, (_m, p1: string) => `${p1}"${value}"`);
  return open.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}
