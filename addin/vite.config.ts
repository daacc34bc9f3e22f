/**
 * Vite configuration of the task pane (no React plugin needed: the automatic JSX runtime
 * is a transform option). `ADDIN_BASE_URL` is where the built pane is served from (it goes
 * into dist/manifest.xml); `CASELOAD_SERVICE_URL` is the service the pane offers by default.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { DEV_BASE_URL, retargetManifest } from './scripts/manifest';

/** dist/manifest.xml: the repository's manifest with the development URL replaced. */
function manifest(baseUrl: string): Plugin {
  return {
    name: 'caseload-flags-manifest',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(join(__dirname, '..', 'manifest.xml'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'manifest.xml', source: retargetManifest(source, baseUrl) });
    },
  };
}

function paneConfig(env: NodeJS.ProcessEnv = process.env): UserConfig {
  const baseUrl = env.ADDIN_BASE_URL ?? DEV_BASE_URL;
  // set by `npm run dev:addin` (office-addin-dev-certs)
  const https =
    env.ADDIN_DEV_KEY && env.ADDIN_DEV_CERT
      ? {
          key: readFileSync(env.ADDIN_DEV_KEY),
          cert: readFileSync(env.ADDIN_DEV_CERT),
          ...(env.ADDIN_DEV_CA ? { ca: readFileSync(env.ADDIN_DEV_CA) } : {}),
        }
      : null;
  return {
    root: __dirname,
    base: './',
    publicDir: join(__dirname, 'public'),
    logLevel: 'warn',
    define: { __SERVICE_URL__: JSON.stringify(env.CASELOAD_SERVICE_URL ?? '') },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    build: {
      outDir: join(__dirname, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      // the rules chunk is large but loads after the first paint; bundleSize.ts reports both
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        onwarn(warning, warn) {
          // Fluent's packages mark themselves "use client" (a React Server Components hint): meaningless here
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
    plugins: [manifest(baseUrl)],
    server: { port: 3000, strictPort: true, ...(https ? { https } : {}) },
    preview: { port: 3000, strictPort: true },
  };
}

export default paneConfig();
