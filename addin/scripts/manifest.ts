/**
 * The manifest for a deployment: the repository's `manifest.xml` points at the development
 * server; the build writes a copy whose URLs point where the built pane is served.
 */
export const DEV_BASE_URL = 'https://localhost:3000';

export function retargetManifest(source: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (!/^https:\/\/[^\s/]+/.test(base)) {
    throw new Error(
      `ADDIN_BASE_URL must be an https:// address (Office loads add-ins over HTTPS only), not "${baseUrl}"`,
    );
  }
  return source.split(DEV_BASE_URL).join(base);
}
