import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  logIn,
  openPage,
  phone,
  photograph,
  screenshot,
  useChromiumPlatform,
} from './browser.js';

/** The id of the logged-in resident's product with this name, from the overview. */
async function productIdOf(page: Page, name: string | RegExp): Promise<string> {
  await page.goto('/producten');
  const link = page.locator('.card a.card__link').filter({ hasText: name });
  return (await link.getAttribute('href'))!.split('/').pop()!;
}

describe('favorites, top-up and plates in chromium', () => {
  const env = useChromiumPlatform();

  it('adds favorites (a foreign one too), renames one and deletes one after a question', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Bezoekersvergunning');
    await page.goto(`/producten/${productId}`);
    await page.getByRole('link', { name: 'Favorieten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Favorieten' }).waitFor();
    await page.getByText('U heeft nog geen favorieten.').waitFor();

    // A plate that is not Dutch, without a country: the message stands beside the plate.
    await page.getByLabel('Kenteken', { exact: true }).fill('ABC1234567');
    await page.getByLabel('Naam', { exact: true }).fill('Buurman');
    await page.getByRole('button', { name: 'Favoriet toevoegen' }).click();
    const plateError = page.locator('.field__error');
    await plateError.waitFor();
    expect(await plateError.innerText()).toMatch(/kenteken/i);
    expect(await page.getByLabel('Kenteken', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await photograph(page, 'favorites-plate-error-phone');

    await page.getByLabel('Kenteken', { exact: true }).fill('gb-123-k');
    await page.getByLabel('Naam', { exact: true }).fill('Oma');
    await page.getByRole('button', { name: 'Favoriet toevoegen' }).click();
    await page.getByText('Oma staat nu in uw favorieten.').waitFor();
    // The form is empty again for the next one.
    expect(await page.getByLabel('Kenteken', { exact: true }).inputValue()).toBe('');

    // The name field takes ten characters at most (docs/rules.md §7).
    await page.getByLabel('Naam', { exact: true }).fill('Tante Ilse uit Keulen');
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Tante Ilse');
    await page.getByLabel('Kenteken', { exact: true }).fill('K-AB 1234');
    await page.getByLabel('Land van het kenteken').selectOption({ label: 'Duitsland' });
    await page.getByRole('button', { name: 'Favoriet toevoegen' }).click();
    await page.getByText('Tante Ilse staat nu in uw favorieten.').waitFor();

    const favorites = page.getByTestId('favorite');
    await expect.poll(() => favorites.count()).toBe(2);
    const oma = favorites.filter({ hasText: 'GB-123-K' });
    const ilse = favorites.filter({ hasText: 'Duitsland' });
    expect(await oma.getByRole('heading').innerText()).toBe('Oma');
    expect(await ilse.getByRole('heading').innerText()).toBe('Tante Ilse');
    await photograph(page, 'favorites-phone');

    await oma.getByRole('button', { name: /^Naam wijzigen/ }).click();
    const newName = page.getByLabel('Nieuwe naam voor GB-123-K');
    expect(await newName.inputValue()).toBe('Oma');
    await newName.fill('Oma Jet');
    await photograph(page, 'favorites-rename-phone');
    await oma.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De naam is nu Oma Jet.').waitFor();
    await expect.poll(() => oma.getByRole('heading').innerText()).toBe('Oma Jet');
    // The keyboard is back on the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Naam wijzigen: Oma Jet',
    );

    await ilse.getByRole('button', { name: /^Verwijderen/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Favoriet Tante Ilse verwijderen?' });
    await dialog.waitFor();
    await photograph(page, 'favorites-delete-phone');
    // Cancelling keeps it.
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await favorites.count()).toBe(2);
    await ilse.getByRole('button', { name: /^Verwijderen/ }).click();
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Tante Ilse is uit uw favorieten verwijderd.').waitFor();
    await expect.poll(() => favorites.count()).toBe(1);

    // The favorite is offered when a visitor is registered.
    await page.goto(`/producten/${productId}/parkeren`);
    await page.getByRole('button', { name: 'Oma Jet · GB-123-K' }).waitFor();

    const wide = await openPage(env.browser, env.platform, desktop);
    await logIn(wide, env.platform, 'anna@demo.parkeer.nl');
    await wide.goto(`/producten/${productId}/favorieten`);
    await wide.getByTestId('favorite').first().waitFor();
    await photograph(wide, 'favorites-desktop');
    await wide.context().close();
    await page.context().close();
  });

  it('tops up a time balance at the simulated bank and shows the new balance', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    // Bram has 45 hours: below Delft's 60, so a block of 200 hours may be bought (docs/rules.md §4).
    await logIn(page, env.platform, 'bram@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Bezoekersvergunning');
    await page.goto(`/producten/${productId}`);
    await page.getByRole('link', { name: 'Opwaarderen' }).click();
    await page.getByRole('heading', { name: 'Tegoed opwaarderen' }).waitFor();
    expect(await page.getByTestId('balance').innerText()).toBe('45 u');

    const offer = page.getByRole('radio', { name: '200 u tegoed voor € 19,35' });
    expect(await offer.isChecked()).toBe(true);
    const summary = page.getByTestId('top-up-summary');
    expect(await summary.locator('dt:text("Saldo na betaling") + dd').innerText()).toBe('245 u');
    expect(await summary.locator('.preview__cost').innerText()).toMatch(/^Te betalen: €\s19,35$/);
    const cap = page.getByTestId('top-up-cap');
    expect(await cap.getByRole('heading').innerText()).toBe('Maximum per kalenderjaar');
    expect(await cap.locator('dt:text("Maximum") + dd').innerText()).toBe('600 u');
    await photograph(page, 'top-up-phone');

    await page.getByRole('button', { name: '€ 19,35 betalen met iDEAL' }).click();
    await page.waitForURL(/\/betalen\/simulatie\//);
    await screenshot(page, 'top-up-bank-phone');
    await page.getByRole('button', { name: 'Betalen' }).click();

    await page.waitForURL(/\/opwaarderen\/resultaat\?payment=/);
    const outcome = page.getByTestId('payment-outcome');
    await outcome.getByRole('heading', { name: 'Betaling gelukt' }).waitFor();
    expect(await outcome.getByTestId('balance-after').innerText()).toBe('245 u');
    await expect.poll(() => page.getByTestId('balance').innerText()).toBe('245 u');
    await photograph(page, 'top-up-result-phone');

    // Above 60 hours now: the page says why nothing can be bought, with the amounts written out.
    await page.getByRole('link', { name: 'Terug naar het product' }).click();
    await page.getByRole('link', { name: 'Opwaarderen' }).click();
    const refusal = page.getByTestId('top-up-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      'U kunt opwaarderen als uw saldo 60 u of minder is. Uw saldo is nu 245 u.',
    );
    await photograph(page, 'top-up-refused-phone');

    const wide = await openPage(env.browser, env.platform, desktop);
    await logIn(wide, env.platform, 'bram@demo.parkeer.nl');
    await wide.goto(page.url());
    await wide.getByTestId('top-up-refusal').waitFor();
    await photograph(wide, 'top-up-refused-desktop');
    await wide.context().close();
    await page.context().close();
  });

  it('cancels a money top-up at the bank: nothing changes', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Digitale bezoekersvergunning');
    await page.goto(`/producten/${productId}/opwaarderen`);
    await page.getByRole('heading', { name: 'Tegoed opwaarderen' }).waitFor();
    const before = await page.getByTestId('balance').innerText();

    await page.getByRole('radio', { name: '€ 25,00', exact: true }).check();
    await page.getByRole('button', { name: '€ 25,00 betalen met iDEAL' }).waitFor();
    // A money balance: the summary shows what the balance will be, from the one in the header.
    expect(before).toMatch(/^€\s25,00$/);
    expect(
      await page
        .getByTestId('top-up-summary')
        .locator('dt:text("Saldo na betaling") + dd')
        .innerText(),
    ).toMatch(/^€\s50,00$/);
    expect(await page.getByTestId('top-up-cap').getByRole('heading').innerText()).toBe(
      'Maximum per vergunningsjaar',
    );
    await photograph(page, 'top-up-desktop');
    await page.getByRole('button', { name: '€ 25,00 betalen met iDEAL' }).click();
    await page.waitForURL(/\/betalen\/simulatie\//);
    await page.getByRole('button', { name: 'Annuleren' }).click();

    await page.waitForURL(/\/opwaarderen\/resultaat\?payment=/);
    const outcome = page.getByTestId('payment-outcome');
    await outcome.getByRole('heading', { name: 'Betaling geannuleerd' }).waitFor();
    expect(await page.getByTestId('balance').innerText()).toBe(before);
    await page.getByRole('link', { name: 'Opnieuw opwaarderen' }).waitFor();
    await photograph(page, 'top-up-cancelled-desktop');

    const small = await openPage(env.browser, env.platform, phone);
    await logIn(small, env.platform, 'carla@demo.parkeer.nl');
    await small.goto(page.url());
    await small.getByRole('heading', { name: 'Betaling geannuleerd' }).waitFor();
    await photograph(small, 'top-up-cancelled-phone');
    await small.goto(`/producten/${productId}/opwaarderen`);
    await small.getByTestId('top-up-summary').waitFor();
    await photograph(small, 'top-up-money-phone');
    await small.context().close();
    await page.context().close();
  });

  it('switches the active plate of a permit with two plates, after a question', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Bewonersvergunning');
    await page.goto(`/producten/${productId}`);
    await page.getByRole('link', { name: 'Kentekens' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kentekens' }).waitFor();

    const first = page.locator('[data-testid="permit-plate"][data-plate="XX999X"]');
    const second = page.locator('[data-testid="permit-plate"][data-plate="12ABC3"]');
    await first.getByText('Actief', { exact: true }).waitFor();
    expect(await second.getAttribute('data-active')).toBe('false');
    await photograph(page, 'plates-phone');

    await second.getByRole('button', { name: /^Actief maken/ }).click();
    const dialog = page.getByRole('dialog', { name: '12-ABC-3 actief maken?' });
    await dialog.waitFor();
    expect(await dialog.locator('dt:text("Nu actief") + dd').innerText()).toBe('XX-999-X');
    expect(await dialog.locator('dt:text("Daarna actief") + dd').innerText()).toBe('12-ABC-3');
    await photograph(page, 'plates-confirm-phone');
    await dialog.getByRole('button', { name: 'Actief maken' }).click();

    await page.getByText('12-ABC-3 is nu het actieve kenteken.').waitFor();
    await expect.poll(() => second.getAttribute('data-active')).toBe('true');
    expect(await first.getAttribute('data-active')).toBe('false');
    await first.getByRole('button', { name: /^Actief maken/ }).waitFor();

    const wide = await openPage(env.browser, env.platform, desktop);
    await logIn(wide, env.platform, 'carla@demo.parkeer.nl');
    await wide.goto(`/producten/${productId}/kentekens`);
    // Another login sees the switch: it is the permit's, not the screen's.
    await wide
      .locator('[data-testid="permit-plate"][data-plate="12ABC3"][data-active="true"]')
      .waitFor();
    await photograph(wide, 'plates-desktop');
    await wide.context().close();
    await page.context().close();
  });

  it('says a payment paid after the permit was revoked is refunded, to the resident and the admin', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Digitale bezoekersvergunning');
    await page.goto(`/producten/${productId}/opwaarderen`);
    await page.getByRole('radio', { name: '€ 10,00', exact: true }).check();
    await page.getByRole('button', { name: '€ 10,00 betalen met iDEAL' }).click();
    await page.waitForURL(/\/betalen\/simulatie\//);

    // While carla is at the bank, the municipality revokes the permit.
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@oudstad.demo.parkeer.nl');
    const revoked = await graphqlIn<{ revokePermit: { permit: { status: string } } }>(
      admin,
      `mutation ($id: ID!) { revokePermit(id: $id, occasion: permitEnded) { permit { status } } }`,
      { id: productId },
    );
    expect(revoked.revokePermit.permit.status).toBe('revoked');

    await page.getByRole('button', { name: 'Betalen' }).click();
    await page.waitForURL(/\/opwaarderen\/resultaat\?payment=/);
    const outcome = page.getByTestId('payment-outcome');
    await outcome.getByRole('heading', { name: 'Betaald, maar niet bijgeschreven' }).waitFor();
    expect(await outcome.getAttribute('data-status')).toBe('refunded');
    await outcome
      .getByText(/de vergunning is intussen beëindigd\. Het bedrag wordt teruggestort\./)
      .waitFor();
    // The permit has ended: nothing to buy again.
    await page.getByRole('link', { name: 'Terug naar het product' }).waitFor();
    expect(await page.getByRole('link', { name: 'Opnieuw opwaarderen' }).count()).toBe(0);
    await photograph(page, 'top-up-refunded-phone');

    await admin.goto(`/beheer/vergunningen/${productId}`);
    const refunded = admin.getByTestId('refunded-payment');
    await refunded.waitFor();
    expect(await refunded.getByTestId('refund-reason').innerText()).toBe(
      'Vergunning ingetrokken terwijl de betaling liep',
    );
    // The job worker hands the refund to the (simulated) provider within a moment.
    await expect
      .poll(async () => {
        await admin.reload();
        return admin.getByTestId('refund-status').getAttribute('data-status');
      })
      .toBe('sent');
    await photograph(admin, 'admin-permit-refunded-desktop');
    await admin.context().close();
    await page.context().close();
  });
});
