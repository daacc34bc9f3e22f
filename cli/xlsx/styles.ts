/**
 * styles.xml, append-only: the tool's looks (the `CellStyle` vocabulary, the date format,
 * the status fills of conditional formats) are added at the end of their lists, and an
 * entry the tool added before is found again by its exact text, so existing indices keep
 * their meaning and a second refresh adds nothing.
 */
import type { CellStyle } from '../../shared/writePlan/types';
import type { XlsxPackage } from './package';
import { WorkbookProblem } from './problems';
import { attr, child, children, escapeAttr, prefixOf, rootElement, splice, tagText } from './xml';

/** The date format every date the tool writes is shown in (UK order). */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Order of the lists in a stylesheet (ECMA-376 CT_Stylesheet). */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];
type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

interface Look {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** font size relative to the workbook's default font */
  readonly sizeDelta?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly bottomBorder?: boolean;
  readonly wrap?: boolean;
  readonly top?: boolean;
}

const LOOKS: Readonly<Record<CellStyle, Look>> = {
  title: { bold: true, sizeDelta: 5 },
  subtitle: { italic: true, color: '595959' },
  header: { bold: true, fill: 'D9D9D9', bottomBorder: true, wrap: true, top: true },
  group: { bold: true, fill: 'EFEFEF', sizeDelta: 1 },
  body: { top: true },
  bold: { bold: true, top: true },
  wrap: { wrap: true, top: true },
  note: { italic: true, color: '595959', sizeDelta: -1, wrap: true, top: true },
};

export class StyleBook {
  private xml: string;
  private readonly path: string;
  private readonly prefix: string;
  private readonly existing = new Map<ListName, string[]>();
  private readonly appended = new Map<ListName, string[]>();
  private readonly xfCache = new Map<string, number>();
  private defaultFont: { size: number; name: string | null } | null = null;

  constructor(
    private readonly pkg: XlsxPackage,
    path: string,
  ) {
    this.path = path;
    if (!pkg.has(path))
      throw new WorkbookProblem('damaged', 'This workbook has no styles part; it may be damaged.');
    this.xml = pkg.text(path);
    this.prefix = prefixOf(rootElement(this.xml).tag);
  }

  /** The cell format index for a look of the vocabulary, optionally as a date. */
  cellStyle(style: CellStyle | undefined, date: boolean): number {
    const key = `${style ?? ''}|${date}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const index = style === undefined && !date ? 0 : this.buildXf(style ? LOOKS[style] : {}, date);
    this.xfCache.set(key, index);
    return index;
  }

  /** A differential format (for a conditional format) that fills the cell. */
  fillDxf(rgb: string): number {
    const c = `FF${rgb.toUpperCase()}`;
    const p = this.prefix;
    return this.add(
      'dxfs',
      `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${c}"/><${p}bgColor rgb="${c}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** Writes the appended entries back into styles.xml (a no-op when nothing new was needed). */
  commit(): void {
    const edits: { start: number; end: number; text: string }[] = [];
    const root = rootElement(this.xml);
    const kids = children(this.xml, root);
    for (const [list, added] of this.appended) {
      if (added.length === 0) continue;
      const el = kids.find((k) => k.tag.local === list);
      const count = (this.existing.get(list)?.length ?? 0) + added.length;
      if (el) {
        let open = tagText(this.xml, el);
        if (attr(open, 'count') !== null) open = setCount(open, count);
        if (el.tag.kind === 'empty') {
          edits.push({
            start: el.tag.start,
            end: el.end,
            text: `${open.replace(/\s*\/>$/, '>')}${added.join('')}</${el.tag.name}>`,
          });
        } else {
          edits.push({ start: el.tag.start, end: el.tag.end, text: open });
          edits.push({ start: el.contentEnd, end: el.contentEnd, text: added.join('') });
        }
      } else {
        const later = ORDER.slice(ORDER.indexOf(list) + 1);
        const next = kids.find((k) => later.includes(k.tag.local));
        const at = next ? next.tag.start : root.contentEnd;
        const p = this.prefix;
        edits.push({
          start: at,
          end: at,
          text: `<${p}${list} count="${count}">${added.join('')}</${p}${list}>`,
        });
      }
    }
    if (edits.length === 0) return;
    this.xml = splice(this.xml, edits);
    this.pkg.setText(this.path, this.xml);
    for (const [list, added] of this.appended)
      this.existing.set(list, [...(this.existing.get(list) ?? []), ...added]);
    this.appended.clear();
  }

  private buildXf(look: Look, date: boolean): number {
    const p = this.prefix;
    const font = this.font(look);
    const fillId = look.fill
      ? this.add(
          'fills',
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${look.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
        )
      : 0;
    const borderId = look.bottomBorder
      ? this.add(
          'borders',
          `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom style="thin"><${p}color auto="1"/></${p}bottom><${p}diagonal/></${p}border>`,
        )
      : 0;
    const numFmtId = date ? this.dateFormat() : 0;
    const alignment =
      look.wrap || look.top
        ? `<${p}alignment${look.top ? ' vertical="top"' : ''}${look.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applies = [
      date ? ' applyNumberFormat="1"' : '',
      font ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      alignment ? ' applyAlignment="1"' : '',
    ].join('');
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return this.add('cellXfs', alignment ? `${open}>${alignment}</${p}xf>` : `${open}/>`);
  }

  private font(look: Look): number {
    if (!look.bold && !look.italic && !look.sizeDelta && !look.color) return 0;
    const p = this.prefix;
    const base = this.baseFont();
    const size = base.size + (look.sizeDelta ?? 0);
    const parts = [
      look.bold ? `<${p}b/>` : '',
      look.italic ? `<${p}i/>` : '',
      `<${p}sz val="${size}"/>`,
      look.color ? `<${p}color rgb="FF${look.color}"/>` : '',
      base.name ? `<${p}name val="${escapeAttr(base.name)}"/>` : '',
    ];
    return this.add('fonts', `<${p}font>${parts.join('')}</${p}font>`);
  }

  /** The size and name of the workbook's default font (the first font). */
  private baseFont(): { size: number; name: string | null } {
    if (this.defaultFont) return this.defaultFont;
    const first = this.list('fonts')[0] ?? '';
    const size = Number(/<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(first)?.[1] ?? 11);
    const name = /<(?:\w+:)?name\s+val="([^"]*)"/.exec(first)?.[1] ?? null;
    this.defaultFont = { size: Number.isFinite(size) && size > 0 ? size : 11, name };
    return this.defaultFont;
  }

  private dateFormat(): number {
    const formats = this.list('numFmts');
    for (const f of formats) {
      if (attr(f, 'formatCode')?.toLowerCase() === DATE_FORMAT) return Number(attr(f, 'numFmtId'));
    }
    const added = this.appended.get('numFmts') ?? [];
    for (const f of added) if (attr(f, 'formatCode') === DATE_FORMAT) return Number(attr(f, 'numFmtId'));
    const ids = [...formats, ...added].map((f) => Number(attr(f, 'numFmtId')));
    const id = Math.max(163, ...ids.filter(Number.isFinite)) + 1;
    this.add('numFmts', `<${this.prefix}numFmt numFmtId="${id}" formatCode="${DATE_FORMAT}"/>`);
    return id;
  }

  /** Index of an entry with exactly this text, appending it when there is none. */
  private add(list: ListName, entry: string): number {
    const existing = this.list(list);
    const found = existing.indexOf(entry);
    if (found >= 0) return found;
    const added = this.appended.get(list) ?? [];
    const again = added.indexOf(entry);
    if (again >= 0) return existing.length + again;
    added.push(entry);
    this.appended.set(list, added);
    return existing.length + added.length - 1;
  }

  private list(name: ListName): string[] {
    let items = this.existing.get(name);
    if (!items) {
      const el = child(this.xml, rootElement(this.xml), name);
      items = el ? children(this.xml, el).map((c) => this.xml.slice(c.tag.start, c.end)) : [];
      this.existing.set(name, items);
    }
    return items;
  }
}

function setCount(open: string, count: number): string {
  return open.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, (_m, p1: string) => `${p1}"${count}"`);
}
