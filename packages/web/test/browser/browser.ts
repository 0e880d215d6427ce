import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startPlatform, type Platform } from './platform.js';

export const screenshotFolder = fileURLToPath(
  new URL('../../../../artifacts/screenshots', import.meta.url),
);

export const phone = { width: 390, height: 844 } as const;
export const desktop = { width: 1280, height: 800 } as const;

/** A kind of device a flow is clicked through on: its viewport and how it presents itself. */
export interface Device {
  /** The suffix of its screenshots' names (`<name>-phone`, `<name>-desktop`). */
  readonly name: 'phone' | 'desktop';
  readonly viewport: { readonly width: number; readonly height: number };
  /** A phone: the page's meta viewport counts, touch events fire, and the user agent says so. */
  readonly isMobile: boolean;
  readonly userAgent?: string;
}

/** A phone held upright: touch, a mobile Chrome's user agent (Android's, as chromium is). */
export const phoneDevice: Device = {
  name: 'phone',
  viewport: phone,
  isMobile: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
};

/** A laptop's window, with a mouse. */
export const desktopDevice: Device = { name: 'desktop', viewport: desktop, isMobile: false };

/** The two devices a whole flow is clicked through on (`describe.each(devices)`). */
export const devices: readonly Device[] = [phoneDevice, desktopDevice];

/**
 * The run's chromium (Debian's, headless, launched by global-setup.ts), connected to: closing
 * the connection closes this file's pages and contexts, not the browser.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}

/** The platform and chromium a test file runs against (set once its `beforeAll` has run). */
export interface ChromiumPlatform {
  platform: Platform;
  browser: Browser;
}

/**
 * Starts the platform (serving the SPA built for this run) and chromium before the tests of the
 * file or `describe` it is called in, and stops both after them. Read `platform` and `browser`
 * inside the tests: they are set in `beforeAll`.
 */
export function useChromiumPlatform(): ChromiumPlatform {
  const env = {} as ChromiumPlatform;
  beforeAll(async () => {
    env.platform = await startPlatform(inject('webDist'));
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.platform?.stop();
  });
  return env;
}

/** A page in a browser context of its own (its own cookies), at a viewport size or as a device. */
export async function openPage(
  browser: Browser,
  platform: Platform,
  size: { width: number; height: number } | Device = phone,
): Promise<Page> {
  const device = 'viewport' in size ? size : undefined;
  const context = await browser.newContext({
    viewport: 'viewport' in size ? size.viewport : size,
    isMobile: device?.isMobile ?? false,
    hasTouch: device?.isMobile ?? false,
    ...(device?.userAgent ? { userAgent: device.userAgent } : {}),
    baseURL: platform.url,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  // The page's clock is the platform's (it may not be today): the cost preview counts on it.
  await context.clock.setSystemTime(platform.now());
  // The API's Content-Security-Policy is enforced here as in any browser: what it blocks is
  // recorded, and `photograph` fails on it.
  await context.addInitScript(() => {
    const blocked: string[] = [];
    Object.assign(window, { cspViolations: blocked });
    document.addEventListener('securitypolicyviolation', (event) =>
      blocked.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Logs in through the login page, as a resident would. */
export async function logIn(page: Page, platform: Platform, email: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(platform.password);
  await page.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
  // The start page redirects once more (to the products or the start product): a menu opened
  // before that lands would close again, so wait for the page the login ends on.
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen') && url.pathname !== '/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/**
 * Follows a link of the app's menu as a person on this viewport would: on a phone the menu is
 * behind its button, on a desktop it is always beside the page.
 */
export async function followMenuLink(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name: /^(Menu|Menu sluiten)$/ });
  const link = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name });
  // The app's frame may still be loading: its button (phone) or its menu (desktop) shows first.
  await button.or(link).filter({ visible: true }).first().waitFor();
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') {
    await button.click();
  }
  await link.click();
}

/** Saves a full-page screenshot under artifacts/screenshots/<name>.png (a test artifact). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(screenshotFolder, `${name}.png`);
  // Screenshots are for people to look at; CI's throwaway clone has nobody to look.
  if (process.env.CI === 'true') return file;
  mkdirSync(screenshotFolder, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A screenshot (see `screenshot`), checked by axe in the state it was photographed in, in the
 * normal theme and in high contrast.
 */
export async function photograph(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page, name);
  expect(await contentSecurityViolations(page), name).toEqual([]);
}

/**
 * axe finds nothing on the page as it is, in the normal theme and in high contrast (the setting
 * a resident can choose; docs/architecture.md, The web app, `packages/web`): the theme is switched on the page
 * for the check and switched back.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await accessibilityViolations(page), name).toEqual([]);
  const before = await page.evaluate(() => {
    const root = document.documentElement;
    const contrast = root.dataset.contrast ?? null;
    root.dataset.contrast = contrast === 'high' ? 'normal' : 'high';
    return contrast;
  });
  try {
    // The contrast setting changes colours only: the rules about colour are what can differ.
    expect(await accessibilityViolations(page, 'colours'), `${name} (other contrast)`).toEqual([]);
  } finally {
    await page.evaluate((contrast) => {
      const root = document.documentElement;
      if (contrast === null) delete root.dataset.contrast;
      else root.dataset.contrast = contrast;
    }, before);
  }
}

/** What the page's Content-Security-Policy blocked since it was opened. */
export function contentSecurityViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
  );
}

/**
 * The page checked by axe and photographed at phone and at desktop size (`<name>-phone`,
 * `<name>-desktop`), each size checked in the normal theme and in high contrast; the page is left
 * at phone size.
 */
export async function photographBoth(page: Page, name: string): Promise<void> {
  expect(await contentSecurityViolations(page), name).toEqual([]);
  await page.setViewportSize(phone);
  await expectAccessible(page, `${name}-phone`);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(desktop);
  await expectAccessible(page, `${name}-desktop`);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(phone);
}

/**
 * The page as a flow left it on its device: checked by axe and photographed (`<name>-phone` or
 * `<name>-desktop`, see `photograph`), and not wider than the screen: a page that scrolls
 * sideways hides what is beside it on a phone.
 */
export async function photographOn(page: Page, name: string, device: Device): Promise<void> {
  const shotName = `${name}-${device.name}`;
  await photograph(page, shotName);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.page, `${shotName}: the page is wider than the screen`).toBeLessThanOrEqual(
    widths.screen,
  );
}

/** A GraphQL call from the page itself, with its login cookie; GraphQL errors are thrown. */
export async function graphqlIn<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: unknown; errors?: unknown[] };
    },
    { query, variables },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

// Evaluated through the DevTools protocol rather than added as a script tag, which the page's
// Content-Security-Policy (script-src 'self') rightly refuses.
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * The WCAG A/AA violations axe-core finds on the page as it is now (an empty list is the goal):
 * each as "rule: what (how many)".
 */
export async function accessibilityViolations(
  page: Page,
  scope: 'all' | 'colours' = 'all',
): Promise<string[]> {
  // axe's source is half a megabyte: parsed once per document, not once per check.
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ scope, colourRules }) => {
      const axe = (window as unknown as { axe: { run(options: unknown): Promise<unknown> } }).axe;
      const result = (await axe.run({
        runOnly:
          scope === 'all'
            ? { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
            : { type: 'rule', values: colourRules },
        // Only the violations are read: axe skips collecting the details of passes.
        resultTypes: ['violations'],
      })) as { violations: { id: string; help: string; nodes: unknown[] }[] };
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    },
    { scope, colourRules },
  );
}

/** The WCAG 2.1 AA rules of axe that read colours (the rest do not change with the theme). */
const colourRules = ['color-contrast', 'link-in-text-block'];
