import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toLocalInput } from '../../src/app/ui/local-time.js';
import { logIn, openPage, phone, photographBoth, useChromiumPlatform } from './browser.js';

/** The id of the logged-in resident's product with this name, from the overview. */
async function productIdOf(page: Page, name: string | RegExp): Promise<string> {
  await page.goto('/producten');
  const link = page.locator('.card a.card__link').filter({ hasText: name });
  return (await link.first().getAttribute('href'))!.split('/').pop()!;
}

/** Whether the element is wholly inside the viewport and has the keyboard focus. */
function inViewAndFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && document.activeElement === element;
  });
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

  it('confirms a stop, a change of end and a delete, previews a new end, and shows a planned session', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'bram@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Bezoekersvergunning');
    const status = page.getByRole('status');

    // Planned: the product opens on the planned tab, where the new session is.
    await page.goto(`/producten/${productId}/parkeren`);
    await page.getByLabel('Kenteken').fill('KK-100-B');
    await page.getByLabel('Later (gepland)').check();
    const start = new Date(env.platform.now().getTime() + 2 * 3600_000);
    await page.getByLabel('Starttijd').fill(toLocalInput(start));
    await page.getByLabel('Eindtijd').fill(toLocalInput(new Date(start.getTime() + 3600_000)));
    await page.getByRole('button', { name: 'Sessie plannen' }).click();
    await status.getByText('De sessie is gepland.').waitFor();
    expect(await page.getByRole('tab', { name: 'Gepland (1)' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const planned = page.getByTestId('session').filter({ hasText: 'KK-100-B' });
    await planned.waitFor();

    // A new end shows its cost and what more is reserved before it is confirmed.
    await planned.getByRole('button', { name: 'Eindtijd wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    const later = new Date(start.getTime() + 2 * 3600_000);
    await dialog.getByLabel('Nieuwe eindtijd').fill(toLocalInput(later));
    const preview = dialog.getByTestId('change-preview');
    await preview.getByText('2 u', { exact: true }).first().waitFor();
    expect(await dialog.getByTestId('change-preview-balance').innerText()).toBe(
      'Er wordt 1 u extra gereserveerd.',
    );
    await photographBoth(page, 'fix-change-end-preview');
    await dialog.getByRole('button', { name: 'Wijzigen' }).click();
    await status.getByText(`De sessie van KK-100-B eindigt nu`).waitFor();
    await planned.getByText(toLocalInput(later).slice(11)).waitFor();

    await planned.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    await status.getByText('De geplande sessie van KK-100-B is verwijderd.').waitFor();

    // A running session: stopped, and said so.
    await page.goto(`/producten/${productId}/parkeren`);
    await page.getByLabel('Kenteken').fill('GB-123-K');
    await page.getByRole('button', { name: 'Parkeren starten' }).click();
    await status.getByText('De parkeersessie is gestart.').waitFor();
    const running = page.getByTestId('session').filter({ hasText: 'GB-123-K' });
    await running.getByRole('button', { name: 'Stoppen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stoppen' }).click();
    await status.getByText('De parkeersessie van GB-123-K is gestopt.').waitFor();
    await photographBoth(page, 'fix-session-stopped');
    await page.context().close();
  });

  it('drops an error once the request changes, and brings a refusal into view and focus', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Bezoekersvergunning');
    await page.goto(`/producten/${productId}/parkeren`);

    // A Belgian plate sent as Dutch: the domain's plate parser says so before anything is sent,
    // beside the plate and in the form's summary, which is in view and focused.
    await page.getByLabel('Kenteken').fill('1-ABC-234');
    await page.getByRole('button', { name: 'Parkeren starten' }).click();
    const error = page.getByTestId('error-summary');
    await error.getByRole('link', { name: 'Kenteken' }).waitFor();
    await expect.poll(() => inViewAndFocused(error)).toBe(true);
    expect(await page.getByLabel('Kenteken').getAttribute('aria-invalid')).toBe('true');
    await photographBoth(page, 'fix-new-session-error');
    // Fixed: the error of the request before no longer stands.
    await page.getByLabel('Land', { exact: true }).selectOption({ label: 'België' });
    await expect.poll(() => error.count()).toBe(0);

    // Five hours where three are allowed: the refusal replaces the form, at the top of the page.
    await page.getByLabel('Land', { exact: true }).selectOption({ label: 'Nederland' });
    await page.getByLabel('Kenteken').fill('12-ABC-3');
    await page
      .getByLabel('Eindtijd')
      .fill(toLocalInput(new Date(env.platform.now().getTime() + 5 * 3600_000)));
    await page.getByTestId('preview-refusal').waitFor();
    await page.getByRole('button', { name: 'Parkeren starten' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Parkeren starten' }).click();
    const refusal = page.getByTestId('refusal');
    await refusal.waitFor();
    await expect.poll(() => inViewAndFocused(refusal)).toBe(true);
    await page.context().close();
  });

  it("counts a favorite's name while it is typed and says when the limit is reached", async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'bram@demo.parkeer.nl');
    const productId = await productIdOf(page, 'Bezoekersvergunning');
    await page.goto(`/producten/${productId}/favorieten`);
    const name = page.getByLabel('Naam', { exact: true });
    const form = page.locator('form', { has: name });
    await name.fill('Oma');
    await form.getByText('3 tekens van 10').waitFor();
    expect(await form.getByRole('status').first().innerText()).toBe('');
    // Cut at ten by the field, and said so instead of silently.
    await name.pressSequentially(' en Tante Ilse');
    expect(await name.inputValue()).toBe('Oma en Tan');
    await form.getByText('10 tekens van 10').waitFor();
    await form.getByRole('status').getByText('Dit is het maximum: 10 tekens.').waitFor();
    // The counter is part of the field's description.
    const describedBy = (await name.getAttribute('aria-describedby'))!.split(' ');
    const counterId = await form.getByText('10 tekens van 10').getAttribute('id');
    expect(describedBy).toContain(counterId);
    await photographBoth(page, 'fix-favorite-name-limit');

    await name.fill('Oma');
    await page.getByLabel('Kenteken', { exact: true }).fill('GB-123-K');
    await page.getByRole('button', { name: 'Favoriet toevoegen' }).click();
    await page.getByText('Oma staat nu in uw favorieten.').waitFor();
    await page.getByRole('button', { name: /^Naam wijzigen/ }).click();
    const rename = page.getByLabel('Nieuwe naam voor GB-123-K');
    await rename.fill('Oma Jet');
    await page.getByTestId('favorite').getByText('7 tekens van 10').waitFor();
    await page.context().close();
  });

  it('shows the active plate on a resident permit, top-up only where it is sold, and a start choice that says what it opens', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    await page.goto('/producten');
    const resident = page.locator('.card').filter({ hasText: 'Bewonersvergunning' });
    expect(await resident.getByTestId('active-plate').innerText()).toBe('XX-999-X');
    await photographBoth(page, 'fix-products-active-plate');

    // The overview choice opens the overview, as it now says; a product choice opens it.
    await page.goto('/instellingen');
    const start = page.getByLabel('Startproduct');
    await start.selectOption({ label: 'Bewonersvergunning · Centrum' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Bewonersvergunning' }).waitFor();
    await page.goto('/instellingen');
    await start.selectOption({ label: 'Het overzicht van mijn producten' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Mijn producten' }).waitFor();
    await page.context().close();

    // Delft sells no balance for the bakery's flexible permit: no top-up button there.
    const bakery = await openPage(env.browser, env.platform, phone);
    await logIn(bakery, env.platform, 'bakkerij@demo.parkeer.nl');
    const flexible = await productIdOf(bakery, /./);
    await bakery.goto(`/producten/${flexible}`);
    await bakery.getByRole('link', { name: 'Geschiedenis' }).waitFor();
    expect(await bakery.getByRole('link', { name: 'Opwaarderen' }).count()).toBe(0);
    await photographBoth(bakery, 'fix-product-without-top-up');
    await bakery.context().close();
  });

  it('says what is missing on an empty login, checks a reset link on opening, closes the menu on Escape, and has a real not-found page', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    const logins: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && /login/i.test(request.postData() ?? '')) {
        logins.push(request.postData()!);
      }
    });
    await page.goto('/inloggen');
    const email = page.getByLabel('E-mailadres');
    const password = page.getByLabel('Wachtwoord', { exact: true });
    // The form kit's summary names both fields and takes the focus; each says why beside it.
    const summary = page.getByTestId('error-summary');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await summary.getByText('Er zijn 2 dingen om te verbeteren').waitFor();
    await expect
      .poll(() => summary.evaluate((element) => element === document.activeElement))
      .toBe(true);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.field__error').getByText('Vul uw e-mailadres in.').waitFor();
    await photographBoth(page, 'fix-login-empty');
    await email.fill('anna@demo.parkeer.nl');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await summary.getByText('Er is 1 ding om te verbeteren').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.field__error').getByText('Vul uw wachtwoord in.').waitFor();
    // The summary's link leads to the field.
    await summary.getByRole('link', { name: 'Wachtwoord' }).click();
    expect(await password.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.getByText(/onjuist|klopt niet/i).count()).toBe(0);
    // Nothing was asked of the API.
    expect(logins).toEqual([]);

    // A reset link that cannot work is said so at once: no password to type first.
    await page.goto('/wachtwoord-herstellen?token=niet-uit-een-mail');
    await page.getByRole('alert').getByText('Deze link is niet geldig.').waitFor();
    expect(await page.getByLabel('Nieuw wachtwoord', { exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Een nieuwe link aanvragen' }).waitFor();
    await photographBoth(page, 'fix-reset-link-invalid');

    // Escape closes the menu, and the keyboard is back on its button.
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    // The start redirects once more (to the products): a menu opened before that would close.
    await page.waitForURL((url) => url.pathname.startsWith('/producten'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    const close = page.getByRole('button', { name: 'Menu sluiten' });
    expect(await close.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Instellingen' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);

    // An unknown address: a page in the app's frame that says what happened and leads on.
    await page.goto('/producten-oud/123');
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    await page
      .getByText('Op het adres /producten-oud/123 staat geen pagina van Parkeer.')
      .waitFor();
    await menu.waitFor();
    await photographBoth(page, 'fix-not-found');
    await page.getByRole('link', { name: 'Naar de startpagina' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn producten' }).waitFor();
    await page.context().close();
  });
});
