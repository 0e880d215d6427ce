import { describe, expect, it } from 'vitest';
import { desktop, logIn, openPage, phone, photographBoth, useChromiumPlatform } from './browser.js';

/**
 * Reporting a move in the SPA against the real API and the demo towns (docs/rules.md §2 moving):
 * the new address and day, the preview per permit, then the report with its outcome. Phone
 * first; checked by axe on phone and desktop in both themes.
 */
describe('moving house in chromium', () => {
  const env = useChromiumPlatform();

  it('a resident reports a move to another zone from her permits page: the preview says the visitor permit will be blocked, and reporting blocks it', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    await page.goto('/vergunningen');
    await page.getByRole('link', { name: 'Verhuizing doorgeven', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Verhuizing doorgeven' }).waitFor();
    await photographBoth(page, 'moving-address');

    // The form's own checks first: nothing is asked before postcode and number are right.
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    await page.getByText('Vul een postcode in zoals 2611 BA.').first().waitFor();

    await page.getByLabel(/^Postcode/).fill('2611 gs');
    await page.getByLabel(/^Huisnummer/).fill('7');
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    const preview = page.getByTestId('move-preview');
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.innerText()).toContain('Markt 7, Delft');
    const outcome = page.getByTestId('move-outcome').filter({ hasText: 'Oude Delft 1' });
    expect(await outcome.innerText()).toContain('Wordt geblokkeerd');
    expect(await outcome.innerText()).toContain('ander parkeergebied (D)');
    await photographBoth(page, 'moving-preview');

    await page.getByRole('button', { name: 'Verhuizing doorgeven', exact: true }).click();
    await page.getByTestId('move-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('move-outcome').first().innerText()).toContain(
      'Wordt geblokkeerd',
    );
    await photographBoth(page, 'moving-done');
    await page.setViewportSize(desktop);
    await page.getByRole('link', { name: 'Naar mijn vergunningen' }).click();
    await page.waitForURL((url) => url.pathname === '/vergunningen');
  });
});
