/**
 * The workbook part, its relationships and the content types: reading the sheet list and
 * the defined names, and the append-only edits the adapter makes to them.
 */
import type { DeflatedPart } from './deflated';
import type { XlsxPackage } from './package';
import { WorkbookProblem } from './problems';
import {
  attr,
  child,
  children,
  escapeAttr,
  escapeText,
  prefixOf,
  rootElement,
  splice,
  tagText,
  unescapeXml,
  type Element,
} from './xml';

export const WORKBOOK = 'xl/workbook.xml';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_WORKSHEET = `${REL_NS}/worksheet`;
export const REL_SHARED_STRINGS = `${REL_NS}/sharedStrings`;
const REL_STYLES = `${REL_NS}/styles`;
export const WORKSHEET_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const SHARED_STRINGS_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** resolved part path inside the package (no leading '/'), or the raw target when external */
  readonly path: string;
  readonly external: boolean;
}

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** 0-based position in the workbook (the `localSheetId` of sheet-scoped names) */
  readonly index: number;
  /** the worksheet part, or null for chart sheets and dialog sheets */
  readonly path: string | null;
  readonly state: string | null;
}

export interface DefinedName {
  readonly name: string;
  readonly localSheetId: number | null;
  readonly hidden: boolean;
  readonly formula: string;
}

/** The rels part that belongs to a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

function resolveTarget(partPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = partPath
    .slice(0, partPath.lastIndexOf('/') + 1)
    .split('/')
    .filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

export function readRelationships(pkg: XlsxPackage, partPath: string): Relationship[] {
  const relsPath = relsPathOf(partPath);
  if (!pkg.has(relsPath)) return [];
  const xml = pkg.text(relsPath);
  return children(xml, rootElement(xml)).map((el) => {
    const tag = tagText(xml, el);
    const external = attr(tag, 'TargetMode') === 'External';
    const target = attr(tag, 'Target') ?? '';
    return {
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      path: external ? target : resolveTarget(partPath, target),
      external,
    };
  });
}

/** Appends a relationship with a fresh id and returns that id. */
export function addRelationship(
  pkg: XlsxPackage,
  partPath: string,
  type: string,
  targetPath: string,
): string {
  const relsPath = relsPathOf(partPath);
  const xml = pkg.has(relsPath)
    ? pkg.text(relsPath)
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const root = rootElement(xml);
  const ids = new Set(children(xml, root).map((el) => attr(tagText(xml, el), 'Id')));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const target = relativeTarget(partPath, targetPath);
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
  pkg.setText(relsPath, insertAtEnd(xml, root, rel));
  return id;
}

function relativeTarget(fromPart: string, toPath: string): string {
  const fromDir = fromPart.slice(0, fromPart.lastIndexOf('/') + 1);
  return toPath.startsWith(fromDir) ? toPath.slice(fromDir.length) : `/${toPath}`;
}

/** Inserts text just before an element's close tag (turning `<x/>` into `<x>…</x>` when needed). */
export function insertAtEnd(xml: string, el: Element, text: string): string {
  if (el.tag.kind === 'empty') {
    const open = tagText(xml, el).replace(/\s*\/>$/, '>');
    return splice(xml, [{ start: el.tag.start, end: el.end, text: `${open}${text}</${el.tag.name}>` }]);
  }
  return splice(xml, [{ start: el.contentEnd, end: el.contentEnd, text }]);
}

/** The workbook's styles part. */
export function stylesPath(pkg: XlsxPackage): string {
  return readRelationships(pkg, WORKBOOK).find((r) => r.type === REL_STYLES)?.path ?? 'xl/styles.xml';
}

export function readSheets(pkg: XlsxPackage): SheetEntry[] {
  const xml = pkg.text(WORKBOOK);
  const root = rootElement(xml);
  const sheets = child(xml, root, 'sheets');
  if (!sheets) throw new WorkbookProblem('damaged', 'This workbook has no sheet list; it may be damaged.');
  const rels = readRelationships(pkg, WORKBOOK);
  return children(xml, sheets)
    .filter((el) => el.tag.local === 'sheet')
    .map((el, index) => {
      const tag = tagText(xml, el);
      const attrs = [...attrMap(tag)];
      const relId = attrs.find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.find((r) => r.id === relId);
      return {
        name: attr(tag, 'name') ?? '',
        sheetId: Number(attr(tag, 'sheetId') ?? 0),
        relId,
        index,
        path: rel && rel.type === REL_WORKSHEET ? rel.path : null,
        state: attr(tag, 'state'),
      };
    });
}

function attrMap(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ''));
  return out;
}

export function findSheet(pkg: XlsxPackage, name: string): SheetEntry {
  const sheets = readSheets(pkg);
  const sheet =
    sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet || !sheet.path) {
    const names = sheets.map((s) => `'${s.name}'`).join(', ');
    throw new WorkbookProblem(
      'no-such-sheet',
      `There is no worksheet called '${name}' in this workbook (it has ${names}).`,
    );
  }
  if (!pkg.has(sheet.path))
    throw new WorkbookProblem('damaged', `The sheet '${name}' is missing from the file; it may be damaged.`);
  return sheet;
}

export function readDefinedNames(pkg: XlsxPackage): DefinedName[] {
  const xml = pkg.text(WORKBOOK);
  const names = child(xml, rootElement(xml), 'definedNames');
  if (!names) return [];
  return children(xml, names).map((el) => {
    const tag = tagText(xml, el);
    const local = attr(tag, 'localSheetId');
    const hidden = attr(tag, 'hidden');
    return {
      name: attr(tag, 'name') ?? '',
      localSheetId: local === null ? null : Number(local),
      hidden: hidden === '1' || hidden === 'true',
      formula: unescapeXml(xml.slice(el.contentStart, el.contentEnd)),
    };
  });
}

/** `'It''s'!$A$1` → { sheet: "It's", ref: '$A$1' }; null for anything else (e.g. `#REF!`). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface NameEdit {
  readonly name: string;
  readonly localSheetId: number | null;
  /** the formula to set, or null to remove the name */
  readonly formula: string | null;
  readonly hidden: boolean;
}

/**
 * Sets or removes workbook defined names. An existing name is edited in place (its other
 * attributes kept); a new one is added at the end of `<definedNames>` (created after
 * `<sheets>` … `<externalReferences>` when the workbook has none).
 */
export function editDefinedNames(pkg: XlsxPackage, edits: readonly NameEdit[]): void {
  if (edits.length === 0) return;
  let xml = pkg.text(WORKBOOK);
  const root = rootElement(xml);
  const p = prefixOf(root.tag);
  let names = child(xml, root, 'definedNames');
  if (!names) {
    const kids = children(xml, root);
    const before = kids.find((k) => AFTER_DEFINED_NAMES.includes(k.tag.local));
    const at = before ? before.tag.start : root.contentEnd;
    xml = splice(xml, [{ start: at, end: at, text: `<${p}definedNames></${p}definedNames>` }]);
    names = child(xml, rootElement(xml), 'definedNames') as Element;
  }
  const existing = children(xml, names);
  const splices: { start: number; end: number; text: string }[] = [];
  const added: string[] = [];
  for (const edit of edits) {
    const el = existing.find((e) => {
      const tag = tagText(xml, e);
      const local = attr(tag, 'localSheetId');
      // Excel names are not case-sensitive
      return (
        attr(tag, 'name')?.toLowerCase() === edit.name.toLowerCase() &&
        (local === null ? null : Number(local)) === edit.localSheetId
      );
    });
    if (el) {
      if (edit.formula === null) splices.push({ start: el.tag.start, end: el.end, text: '' });
      else if (
        unescapeXml(xml.slice(el.contentStart, el.contentEnd)) !== edit.formula ||
        el.tag.kind === 'empty'
      ) {
        const open = tagText(xml, el).replace(/\s*\/>$/, '>');
        splices.push({
          start: el.tag.start,
          end: el.end,
          text: `${open}${escapeText(edit.formula)}</${el.tag.name}>`,
        });
      }
    } else if (edit.formula !== null) {
      const local = edit.localSheetId === null ? '' : ` localSheetId="${edit.localSheetId}"`;
      const hidden = edit.hidden ? ' hidden="1"' : '';
      added.push(
        `<${p}definedName name="${escapeAttr(edit.name)}"${local}${hidden}>${escapeText(edit.formula)}</${p}definedName>`,
      );
    }
  }
  if (added.length) splices.push({ start: names.contentEnd, end: names.contentEnd, text: added.join('') });
  if (names.tag.kind === 'empty' && added.length) {
    // `<definedNames/>`: open it up
    splices.length = 0;
    const open = tagText(xml, names).replace(/\s*\/>$/, '>');
    splices.push({
      start: names.tag.start,
      end: names.end,
      text: `${open}${added.join('')}</${names.tag.name}>`,
    });
  }
  xml = splice(xml, splices);
  // an empty <definedNames> is not valid: drop it
  const after = child(xml, rootElement(xml), 'definedNames');
  if (after && children(xml, after).length === 0)
    xml = splice(xml, [{ start: after.tag.start, end: after.end, text: '' }]);
  pkg.setText(WORKBOOK, xml);
}

const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Adds a worksheet part at the end of the workbook's sheets; returns its entry. */
export function addWorksheet(pkg: XlsxPackage, name: string, sheetXml: DeflatedPart): SheetEntry {
  const sheets = readSheets(pkg);
  let n = 1;
  while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  pkg.setBytes(path, sheetXml);
  addContentTypeOverride(pkg, `/${path}`, WORKSHEET_CONTENT_TYPE);
  const relId = addRelationship(pkg, WORKBOOK, REL_WORKSHEET, path);
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const xml = pkg.text(WORKBOOK);
  const root = rootElement(xml);
  const p = prefixOf(root.tag);
  const list = child(xml, root, 'sheets') as Element;
  const rPrefix = relationshipPrefix(xml, root);
  pkg.setText(
    WORKBOOK,
    insertAtEnd(
      xml,
      list,
      `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${rPrefix}:id="${relId}"/>`,
    ),
  );
  return { name, sheetId, relId, index: sheets.length, path, state: null };
}

/** The prefix bound to the relationships namespace in the workbook part (declared on the root when missing). */
function relationshipPrefix(xml: string, root: Element): string {
  const m = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, '\\$&')}"`).exec(tagText(xml, root));
  return m ? m[1] : 'r';
}

export function renameSheet(pkg: XlsxPackage, sheet: SheetEntry, name: string): void {
  const xml = pkg.text(WORKBOOK);
  const list = child(xml, rootElement(xml), 'sheets') as Element;
  const el = children(xml, list).filter((e) => e.tag.local === 'sheet')[sheet.index];
  const tag = tagText(xml, el);
  const renamed = tag.replace(
    /(\sname\s*=\s*)("[^"]*"|'[^']*')/,
    (_m, p1: string) => `${p1}"${escapeAttr(name)}"`,
  );
  pkg.setText(WORKBOOK, splice(xml, [{ start: el.tag.start, end: el.tag.end, text: renamed }]));
}

export function addContentTypeOverride(pkg: XlsxPackage, partName: string, contentType: string): void {
  const path = '[Content_Types].xml';
  const xml = pkg.text(path);
  const root = rootElement(xml);
  const exists = children(xml, root).some(
    (el) => el.tag.local === 'Override' && attr(tagText(xml, el), 'PartName') === partName,
  );
  if (exists) return;
  pkg.setText(
    path,
    insertAtEnd(xml, root, `<Override PartName="${escapeAttr(partName)}" ContentType="${contentType}"/>`),
  );
}
