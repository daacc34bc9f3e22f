/**
 * The production build of the pane in a real browser (Debian's Chromium through
 * playwright-core), served on localhost, with the recording test double standing in for
 * Office and Excel (it is served in place of office.js) over a sample tracker: the mapping
 * step, Refresh, the results panel, and a screenshot in test/output/.
 *
 * Part of `npm test` (and `npm run test:browser` alone). Skips, saying why, only when
 * /usr/bin/chromium is absent (`apt-get install -y chromium`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'addin', 'dist');
const OUTPUT = join(ROOT, 'test', 'output');
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium) {
  console.warn(
    `Skipping the pane's browser test: ${CHROMIUM} is not installed (apt-get install -y chromium).`,
  );
}
const describeWithChromium = haveChromium ? describe : describe.skip;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describeWithChromium('the pane in Chromium (production build, test double for Excel)', () => {
  let server: Server;
  let browser: Browser;
  let fakeOffice: string;

  beforeAll(async () => {
    // the production build, exactly as `npm run build:addin` makes it
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'addin/vite.config.ts'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const bundle = buildSync({
      entryPoints: [join(ROOT, 'addin', 'excel', 'testing', 'fakeOffice.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
    });
    fakeOffice = bundle.outputFiles[0].text;
    server = await serve(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('finds the tracker, maps it, refreshes it and shows the results', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // office.js is served by the double; nothing else may leave localhost
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('https://appsforoffice.microsoft.com/')) {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
      }
      if (url.startsWith('http://127.0.0.1:')) return route.continue();
      return route.abort();
    });
    const port = (server.address() as AddressInfo).port;
    await page.goto(`http://127.0.0.1:${port}/index.html?rows=40`);

    // the mapping step
    await page.getByText('Tracker found on “Caseload”').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Date of birth').inputValue()).toBe('4');
    expect(await page.getByLabel('Last review', { exact: true }).inputValue()).toBe('8');
    await page.getByText(/Rules checked \(\d+\)/).waitFor();

    // Refresh
    const refresh = page.getByRole('button', { name: 'Refresh flags' });
    await refresh.click();
    await page.getByText(/Flags refreshed for 40 young people/).waitFor({ timeout: 60_000 });

    // the results panel
    await page.getByText(/Computed by this computer \(built-in rules\)/).waitFor();
    const counts = await page
      .getByRole('list', { name: 'Young people by overall flag' })
      .getByRole('listitem')
      .count();
    expect(counts).toBeGreaterThan(0);
    const first = page.getByRole('table', { name: 'Most urgent' }).getByRole('button').first();
    const row = Number(/row (\d+)/.exec((await first.getAttribute('aria-label')) ?? '')?.[1]);
    await first.click();
    await page.waitForFunction(
      (wanted) =>
        (
          (window as unknown as { __caseloadFake: { selections: { area: { firstRow: number } }[] } })
            .__caseloadFake.selections ?? []
        ).some((s) => s.area.firstRow === wanted),
      row,
    );

    // what the workbook holds now
    const state = await page.evaluate(() => {
      const fake = (
        window as unknown as { __caseloadFake: { toolColumns(): string[]; sheetNames(): string[] } }
      ).__caseloadFake;
      return { columns: fake.toolColumns(), sheets: fake.sheetNames() };
    });
    expect(state.columns[0]).toBe('Flag: overall');
    expect(state.sheets).toEqual(expect.arrayContaining(['Caseload', 'Team notes', 'Review pack']));

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'addin-pane-results.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('follows the Office theme: the mapping step in dark', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice }),
    );
    const port = (server.address() as AddressInfo).port;
    await page.goto(`http://127.0.0.1:${port}/index.html?rows=10&theme=dark&table=1`);
    await page.getByText('Tracker found on “Caseload”').waitFor({ timeout: 30_000 });
    await page.getByText('The Excel table “CaseloadTable”', { exact: false }).waitFor();
    const background = await page.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'addin-pane-mapping-dark.png'), fullPage: false });
    await page.close();
  }, 60_000);
});
