import { readFileSync } from 'node:fs';

export type AboutInfo = { name: string; version: string };

/**
 * Reads the API's own package.json. The relative path is the same from `src/modules/about/` (tests)
 * and `dist/modules/about/` (runtime), so both report the version that is actually deployed.
 */
const packageJsonUrl = new URL('../../../package.json', import.meta.url);

let cached: AboutInfo | undefined;

export function aboutApi(): AboutInfo {
  if (!cached) {
    const { name, version } = JSON.parse(
      readFileSync(packageJsonUrl, 'utf8'),
    ) as Partial<AboutInfo>;
    if (typeof name !== 'string' || typeof version !== 'string') {
      throw new Error(`package.json at ${packageJsonUrl.href} has no name or version`);
    }
    cached = { name, version };
  }
  return cached;
}
