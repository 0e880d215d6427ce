import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLocalInput } from '../../src/app/ui/local-time.js';
import { logIn, openPage, phone, photographBoth, useChromiumPlatform } from './browser.js';

/** The id of the logged-in resident's product with this name, from the overview. */
async function productIdOf(page: Page, name: string | RegExp): Promise<string> {
  await page.goto('/producten');
  const link = page.locator('.card a.card__link').filter({ hasText: name });
  return (await link.first().getAttribute('href'))!.split('/').pop()!;
}

/** What residents met (issue 15), each in the browser as they met it. */
describe('what residents met, in chromium', () => {
  const env = useChromiumPlatform();

  it('registers a foreign plate, typed or as a favorite, and shows it with its country', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Bezoekersvergunning');

    // A German favorite from the favorite form.
    await page.goto(`/producten/${productId}/favorieten`);
    await page.getByLabel('Kenteken', { exact: true }).fill('K-AB 1234');
    await page.getByLabel('Naam', { exact: true }).fill('Ilse');
    await page.getByLabel('Land van het kenteken').selectOption({ label: 'Duitsland' });
    await page.getByRole('button', { name: 'Favoriet toevoegen' }).click();
    await page.getByText('Ilse staat nu in uw favorieten.').waitFor();

    // A Belgian plate typed on the new-session form: the country is chosen beside it.
    await page.goto(`/producten/${productId}/parkeren`);
    const country = page.getByLabel('Land', { exact: true });
    expect(await country.inputValue()).toBe('NL');
    await page.getByLabel('Kenteken').fill('1-ABC-234');
    // Read as Dutch, it is refused before asking the API.
    await page.getByTestId('preview-refusal').waitFor();
    await country.selectOption({ label: 'België' });
    const preview = page.getByTestId('preview');
    await preview.getByText('1ABC234 (België)').waitFor();
    await photographBoth(page, 'fix-foreign-plate-new-session');
    await page.getByRole('button', { name: 'Parkeren starten' }).click();
    await page.getByRole('status').getByText('De parkeersessie is gestart.').waitFor();
    await page.getByTestId('session').getByRole('heading', { name: '1ABC234 (België)' }).waitFor();

    // The German favorite brings its country along.
    await page.goto(`/producten/${productId}/parkeren`);
    await page.getByRole('button', { name: 'Ilse · KAB1234 (Duitsland)' }).click();
    expect(await country.inputValue()).toBe('DE');
    await page
      .getByLabel('Eindtijd')
      .fill(toLocalInput(new Date(env.platform.now().getTime() + 60 * 60_000)));
    await page.getByTestId('preview').getByText('KAB1234 (Duitsland)').waitFor();
    await page.getByRole('button', { name: 'Parkeren starten' }).click();
    await page
      .getByTestId('session')
      .getByRole('heading', { name: 'KAB1234 (Duitsland)' })
      .waitFor();
    await photographBoth(page, 'fix-foreign-plate-sessions');
    await page.context().close();
  });
});
