import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEV_BASE_URL, retargetManifest } from './scripts/manifest';

const ROOT = join(__dirname, '..');
const source = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: () => false });
const app = (parser.parse(source) as Node).OfficeApp as Node;

function find(node: unknown, test: (n: Node) => boolean, found: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => find(n, test, found));
  else if (node && typeof node === 'object') {
    if (test(node as Node)) found.push(node as Node);
    Object.values(node as Node).forEach((v) => find(v, test, found));
  }
  return found;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('manifest.xml', () => {
  it('is well-formed XML for an Excel task-pane add-in', () => {
    expect(XMLValidator.validate(source)).toBe(true);
    expect(app['@xsi:type']).toBe('TaskPaneApp');
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((app.Hosts as Node).Host).toEqual({ '@Name': 'Workbook' });
    expect(app.Permissions).toBe('ReadWriteDocument');
    expect(((app.DefaultSettings as Node).SourceLocation as Node)['@DefaultValue']).toBe(
      `${DEV_BASE_URL}/index.html`,
    );
  });

  it('asks for the ExcelApi requirement set the adapter needs (1.9, as the README explains)', () => {
    const set = ((app.Requirements as Node).Sets as Node).Set as Node;
    expect(set).toEqual({ '@Name': 'ExcelApi', '@MinVersion': '1.9' });
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    expect(readme).toContain('ExcelApi 1.9');
  });

  it('has a "Refresh flags" button on the Home tab that opens the pane, with its icons', () => {
    const tab = find(app.VersionOverrides, (n) => n['@id'] === 'TabHome')[0];
    expect(tab).toBeDefined();
    const button = find(tab, (n) => n['@xsi:type'] === 'Button')[0];
    const resources = (app.VersionOverrides as Node).Resources as Node;
    const strings = list((resources['bt:ShortStrings'] as Node)['bt:String'] as Node[]);
    const label = strings.find((s) => s['@id'] === (button.Label as Node)['@resid']);
    expect(label?.['@DefaultValue']).toBe('Refresh flags');
    const action = button.Action as Node;
    expect(action['@xsi:type']).toBe('ShowTaskpane');
    const urls = list((resources['bt:Urls'] as Node)['bt:Url'] as Node[]);
    expect(urls.find((u) => u['@id'] === (action.SourceLocation as Node)['@resid'])?.['@DefaultValue']).toBe(
      `${DEV_BASE_URL}/index.html`,
    );
    const images = list((resources['bt:Images'] as Node)['bt:Image'] as Node[]);
    const sizes = list((button.Icon as Node)['bt:Image'] as Node[]).map((i) => i['@size']);
    expect(sizes).toEqual(['16', '32', '80']);
    for (const image of images) {
      const file = String(image['@DefaultValue']).replace(`${DEV_BASE_URL}/`, '');
      expect(existsSync(join(__dirname, 'public', file))).toBe(true);
    }
  });

  it('defines every resource it refers to, and loads everything over HTTPS', () => {
    const resources = (app.VersionOverrides as Node).Resources as Node;
    const ids = new Set(find(resources, (n) => typeof n['@id'] === 'string').map((n) => n['@id']));
    const refs = find(app.VersionOverrides, (n) => typeof n['@resid'] === 'string').map((n) => n['@resid']);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(ids).toContain(ref);
    const urls = [...source.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('is retargeted at build time to where the pane is served', () => {
    const production = retargetManifest(source, 'https://flags.example.gov.uk/pane/');
    expect(production).not.toContain('localhost');
    expect(production).toContain(
      '<SourceLocation DefaultValue="https://flags.example.gov.uk/pane/index.html"/>',
    );
    expect(XMLValidator.validate(production)).toBe(true);
    expect(() => retargetManifest(source, 'http://insecure.example')).toThrow(/https/);
  });
});
