/**
 * `npm run build:addin` runs `vite build --config addin/vite.config.ts`, then this: the size of its
 * JavaScript (gzip): what loads before the first paint (the entry and what it imports
 * statically) and what loads after (the rules and the plan builder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 400;

export interface BundleSizes {
  readonly initialGzipKb: number;
  readonly lazyGzipKb: number;
  readonly files: { file: string; gzipKb: number; initial: boolean }[];
}

export function measure(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  const files = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const file = `assets/${f}`;
      const gzipKb = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
      return { file, gzipKb, initial: initial.has(file) };
    });
  const sum = (list: typeof files) => Math.round(list.reduce((n, f) => n + f.gzipKb, 0) * 10) / 10;
  return {
    initialGzipKb: sum(files.filter((f) => f.initial)),
    lazyGzipKb: sum(files.filter((f) => !f.initial)),
    files,
  };
}

async function main(): Promise<void> {
  const sizes = measure(join(__dirname, '..', 'dist'));
  for (const f of sizes.files.sort((a, b) => b.gzipKb - a.gzipKb)) {
    console.log(
      `${f.initial ? 'first paint' : 'later      '}  ${f.gzipKb.toFixed(1).padStart(7)} KB gzip  ${f.file}`,
    );
  }
  console.log(
    `Pane JavaScript before first paint: ${sizes.initialGzipKb} KB gzip (target ≤ ${BUDGET_KB} KB)`,
  );
  console.log(`Pane JavaScript loaded after first paint: ${sizes.lazyGzipKb} KB gzip`);
  if (sizes.initialGzipKb > BUDGET_KB) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
