/**
 * `npm run dev:addin`: the pane over HTTPS on https://localhost:3000 (Office loads add-ins
 * over HTTPS only), with certificates from office-addin-dev-certs. Where the developer CA
 * cannot be installed (no admin rights), the certificates are still made: trust
 * ~/.office-addin-dev-certs/ca.crt by hand, or open https://localhost:3000 once and accept it.
 * Point the pane at a service with CASELOAD_SERVICE_URL (e.g. http://localhost:7071 from
 * `npm run serve:api`), or set it in the pane's Settings.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates, getHttpsServerOptions } from 'office-addin-dev-certs';

const DIR = join(homedir(), '.office-addin-dev-certs');
const FILES = { key: join(DIR, 'localhost.key'), cert: join(DIR, 'localhost.crt'), ca: join(DIR, 'ca.crt') };

async function certificates(): Promise<void> {
  try {
    await getHttpsServerOptions();
  } catch (error) {
    console.warn(`The developer CA could not be installed (${String(error)}); making the certificates only.`);
    if (!existsSync(FILES.cert)) await generateCertificates(FILES.ca, FILES.cert, FILES.key);
  }
}

async function main(): Promise<void> {
  await certificates();
  const vite = join(__dirname, '..', '..', 'node_modules', '.bin', 'vite');
  const child = spawn(vite, ['--config', join(__dirname, '..', 'vite.config.ts')], {
    stdio: 'inherit',
    env: { ...process.env, ADDIN_DEV_KEY: FILES.key, ADDIN_DEV_CERT: FILES.cert, ADDIN_DEV_CA: FILES.ca },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
