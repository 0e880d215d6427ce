import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  contentSecurityViolations,
  desktop,
  openPage,
  phone,
  photographBoth,
  screenshotFolder,
  useChromiumPlatform,
} from './browser.js';

/** What the window shows, for a page too long to photograph whole (the reference). */
async function windowShot(page: Page, name: string): Promise<void> {
  if (process.env.CI === 'true') return;
  mkdirSync(screenshotFolder, { recursive: true });
  await page.screenshot({ path: join(screenshotFolder, `${name}.png`) });
}

/** The partner documentation the API serves beside the SPA (docs/partners/index.md). */
describe('the partner documentation at /docs, in chromium', () => {
  const env = useChromiumPlatform();

  it('leads from the index to a guide and to the reference, readable on a phone and a desktop', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto('/docs');
    await page.getByRole('heading', { level: 1, name: 'Parkeer for partners' }).waitFor();
    await photographBoth(page, 'partner-docs-index');

    await page.getByRole('main').getByRole('link', { name: 'Check a plate' }).click();
    await page.waitForURL('**/docs/check-a-plate');
    await page.getByRole('heading', { level: 1, name: 'Check a plate' }).waitFor();
    await page.getByText('Example check-plate').waitFor();
    await photographBoth(page, 'partner-docs-guide');

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'API reference' })
      .click();
    await page.waitForURL('**/docs/reference');
    await page.getByRole('heading', { level: 1, name: 'API reference' }).waitFor();
    // The reference is long: checked whole by axe, photographed at the top at both sizes and
    // at the entry a guide links to.
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await contentSecurityViolations(page)).toEqual([]);
    await page.setViewportSize(desktop);
    await windowShot(page, 'partner-docs-reference-desktop');
    await page.setViewportSize(phone);
    await windowShot(page, 'partner-docs-reference-phone');
    await page.getByRole('link', { name: 'rightCheck', exact: true }).first().click();
    await page.waitForURL('**/docs/reference#query-rightCheck');
    await windowShot(page, 'partner-docs-reference-entry-phone');
    await page.getByRole('link', { name: 'RightCheckResult', exact: true }).first().click();
    expect(page.url()).toContain('#type-RightCheckResult');
    await expect.poll(() => page.locator('#type-RightCheckResult').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Conventions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'GraphQL conventions' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
