import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, openPage, phone, photograph, useChromiumPlatform } from './browser.js';

/** Waits for a locator; if it never comes, says what the page showed instead. */
async function waitOrTell(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
    throw new Error(
      `${String(error)}\n--- the page showed:\n${await page.locator('main').innerText()}`,
    );
  });
}

/**
 * The contractor day permit at the counter (docs/rules.md §1 contractor day permit): offered per
 * day to a business, a camper refused by the vehicle register's answer (docs/rules.md §2 vehicle
 * check, the demo's RDW fake), a van quoted for one day.
 */
describe('the counter sells a contractor day permit, asking RDW about the vehicle, in chromium', () => {
  const env = useChromiumPlatform();

  it('offers it per day, refuses a camper naming why, and quotes a van for one day', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'bakkerij@demo.parkeer.nl');
    await page.goto('/loket');
    // A business applies at one of its establishments (the demo's KvK fake): Markt 7, Delft.
    await page
      .getByRole('button', {
        name: 'Kies deze vestiging: De Korenschoof aan de Markt',
        exact: true,
      })
      .click();
    const offer = page.getByTestId('permit-offer').filter({ hasText: 'Aannemersdagvergunning' });
    await waitOrTell(page, offer);
    expect(await offer.getByTestId('offer-price').innerText()).toMatch(/^€\s12,50 per dag$/);
    await offer.getByRole('button', { name: 'Aannemersdagvergunning aanvragen' }).click();

    await page.getByLabel(/^Kenteken/).fill('KW-123-P');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await waitOrTell(page, page.getByText(/een kampeer- of recreatievoertuig/));
    await photograph(page, 'counter-vehicle-refused-phone');

    await page.getByLabel(/^Kenteken/).fill('VF-381-N');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await waitOrTell(page, page.getByTestId('counter-review'));
    // One day: valid from and to the same day, without the town's fee.
    const validity = await page.getByTestId('review-validity').innerText();
    const [from, to] = validity.split(' tot en met ');
    expect(from).toBe(to);
    expect(await page.getByTestId('review-total').innerText()).toMatch(/^€\s12,50$/);
    await page.context().close();
  }, 120_000);
});
