import { existsSync } from 'node:fs';

/** Debian's chromium, or another build of Chromium named by `CHROMIUM_PATH`. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Why the browser tests cannot run, in one line that says what to install; null when they can.
 * Playwright's own browser download needs the internet, so the tests use the system's chromium.
 */
export function missingChromium(): string | null {
  if (existsSync(chromiumPath)) return null;
  return `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`;
}

/** How the tests run it: headless, and nothing that would reach out to the internet. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
