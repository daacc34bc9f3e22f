/** Looking inside packages in tests, independently of the adapter's own scanners. */
import { strFromU8, unzipSync } from 'fflate';

export function partsOf(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function textOf(bytes: Uint8Array, path: string): string {
  const part = partsOf(bytes)[path];
  if (!part) throw new Error(`no part ${path}`);
  return strFromU8(part);
}

/** Every `<c>` element of a sheet by its reference, as written. */
export function cellsOf(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
  for (let m = re.exec(sheetXml); m; m = re.exec(sheetXml)) out.set(m[1], m[0]);
  return out;
}

/** The entries of a styles.xml list (`cellXfs`, `fonts`, `dxfs`, ...), as written. */
export function styleList(stylesXml: string, list: string): string[] {
  const m = new RegExp(`<${list}[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(stylesXml);
  if (!m || !m[1]) return [];
  const item = {
    numFmts: 'numFmt',
    fonts: 'font',
    fills: 'fill',
    borders: 'border',
    cellXfs: 'xf',
    dxfs: 'dxf',
  }[list] as string;
  const re = new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g');
  return m[1].match(re) ?? [];
}

export function sharedStrings(bytes: Uint8Array): string[] {
  const parts = partsOf(bytes);
  const sst = parts['xl/sharedStrings.xml'];
  if (!sst) return [];
  return strFromU8(sst).match(/<si>[\s\S]*?<\/si>/g) ?? [];
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** Parts that differ between two packages (changed, added or removed). */
export function changedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = partsOf(before);
  const b = partsOf(after);
  // folder entries some zip writers add are not parts of the package
  const names = new Set([...Object.keys(a), ...Object.keys(b)].filter((n) => !n.endsWith('/')));
  return [...names].filter((n) => !a[n] || !b[n] || !sameBytes(a[n], b[n])).sort();
}
