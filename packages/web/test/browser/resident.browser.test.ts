import { describe, expect, it } from 'vitest';
import { toLocalInput } from '../../src/app/ui/local-time.js';
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

/** The minutes (or cents) a formatted balance like "199 u 30 min" or "€ 12,34" stands for. */
function amountOf(text: string): number {
  const money = /€\s*([\d.]+),(\d{2})/.exec(text);
  if (money) return Number(money[1]!.replace(/\./g, '')) * 100 + Number(money[2]);
  const hours = Number(/(\d+)\s*[uh]\b/.exec(text)?.[1] ?? 0);
  const minutes = Number(/(\d+)\s*min/.exec(text)?.[1] ?? 0);
  return hours * 60 + minutes;
}

describe('the resident app in chromium', () => {
  const env = useChromiumPlatform();

  it('starts a session for a favorite at the previewed cost, live in a second tab, and stops it', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto('/');
    await page.waitForURL(/\/inloggen/);
    await photograph(page, 'login-phone');
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');

    // The overview: Anna's products grouped per town.
    await page.goto('/producten');
    await page.getByRole('heading', { name: 'Mijn producten' }).waitFor();
    await page.getByRole('heading', { name: /Delft/ }).waitFor();
    await photograph(page, 'products-phone');
    const productLink = page.locator('.card a.card__link').first();
    const productUrl = new URL((await productLink.getAttribute('href'))!, env.platform.url)
      .pathname;
    const productId = productUrl.split('/').pop()!;
    await graphqlIn(
      page,
      `mutation ($input: AddFavoriteInput!) { addFavorite(input: $input) { id } }`,
      { input: { permitId: productId, plate: 'GB-123-K', name: 'Oma' } },
    );

    // A second tab of the same login, on the product page: it must follow live.
    const other = await page.context().newPage();
    await other.goto(productUrl);
    await other.getByRole('tab', { name: 'Lopend (0)' }).waitFor();

    await productLink.click();
    await page.getByRole('tab', { name: 'Lopend (0)' }).waitFor();
    const balanceBefore = amountOf(await page.getByTestId('balance').innerText());
    await screenshot(page, 'product-phone');
    await page.getByRole('link', { name: 'Bezoeker aanmelden' }).click();

    await page.getByRole('button', { name: 'Oma · GB-123-K' }).click();
    expect(await page.getByLabel('Kenteken').inputValue()).toBe('GB-123-K');
    const end = new Date(env.platform.now().getTime() + 90 * 60_000);
    await page.getByLabel('Eindtijd').fill(toLocalInput(end));
    const preview = page.getByTestId('preview');
    await preview.waitFor();
    const reserved = amountOf(
      await preview.locator('dt:text("Wordt gereserveerd") + dd').innerText(),
    );
    await photograph(page, 'new-session-phone');
    await page.getByRole('button', { name: 'Parkeren starten' }).click();

    await page.getByText('De parkeersessie is gestart.').waitFor();
    const row = page.getByTestId('session').filter({ hasText: 'GB-123-K' });
    await row.waitFor();
    // The charge is what the preview said: reserved on the session and off the balance.
    expect(amountOf(await row.locator('dt:text("Gereserveerd") + dd').innerText())).toBe(reserved);
    await expect
      .poll(async () => amountOf(await page.getByTestId('balance').innerText()))
      .toBe(balanceBefore - reserved);

    // The other tab shows it without a reload.
    await other.getByTestId('session').filter({ hasText: 'GB-123-K' }).waitFor();
    await other.getByRole('tab', { name: 'Lopend (1)' }).waitFor();
    await screenshot(other, 'product-live-second-tab-phone');

    await row.getByRole('button', { name: 'Stoppen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stoppen' }).click();
    await page.getByRole('tab', { name: 'Lopend (0)' }).waitFor();
    await other.getByRole('tab', { name: 'Lopend (0)' }).waitFor();

    // The refund of the unused part is under Transactions.
    await page.getByRole('link', { name: 'Geschiedenis' }).click();
    await page.getByRole('tab', { name: /Transacties/ }).click();
    await page
      .getByRole('tabpanel')
      .getByText(/Vrijgegeven|Terug|Teruggave/)
      .first()
      .waitFor();
    await screenshot(page, 'history-after-stop-phone');
    await page.context().close();
  });

  it('shows a refusal with a proposal, and accepting the proposal starts the session', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    await page.goto('/producten');
    await page.locator('.card a.card__link', { hasText: 'Bezoekersvergunning' }).first().click();
    await page.getByRole('link', { name: 'Bezoeker aanmelden' }).click();
    await page.getByLabel('Kenteken').fill('12-ABC-3');
    // Oudstad allows three hours at most: five are refused, with what is allowed instead.
    await page
      .getByLabel('Eindtijd')
      .fill(toLocalInput(new Date(env.platform.now().getTime() + 5 * 3600_000)));
    await page.getByTestId('preview-refusal').waitFor();
    await screenshot(page, 'new-session-refused-preview-desktop');
    await page.getByRole('button', { name: /Parkeren starten|Sessie plannen/ }).click();

    const refusal = page.getByTestId('refusal');
    await refusal.waitFor();
    await refusal.getByRole('button', { name: 'Voorstel accepteren' }).waitFor();
    await photograph(page, 'refusal-desktop');
    await refusal.getByRole('button', { name: 'Voorstel accepteren' }).click();
    await page.getByText(/De parkeersessie is gestart\.|De sessie is gepland\./).waitFor();
    await page
      .getByTestId('session')
      .filter({ hasText: '12-ABC-3' })
      .first()
      .waitFor({ state: 'attached' });
    await screenshot(page, 'product-desktop');
    await page.goto('/producten');
    await screenshot(page, 'products-desktop');
    await page.context().close();
  });

  it('plans a session, changes its end, deletes it, and finds sessions of every product', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'bram@demo.parkeer.nl');
    await page.goto('/producten');
    await page.locator('.card a.card__link').first().click();
    await page.getByRole('link', { name: 'Bezoeker aanmelden' }).click();
    await page.getByLabel('Kenteken').fill('KK-100-B');
    await page.getByLabel('Later (gepland)').check();
    const start = new Date(env.platform.now().getTime() + 2 * 3600_000);
    await page.getByLabel('Starttijd').fill(toLocalInput(start));
    await page.getByLabel('Eindtijd').fill(toLocalInput(new Date(start.getTime() + 3600_000)));
    await page.getByTestId('preview').getByText('Deze sessie is gepland').waitFor();
    await page.getByRole('button', { name: 'Sessie plannen' }).click();
    await page.getByText('De sessie is gepland.').waitFor();

    await page.getByRole('tab', { name: 'Gepland (1)' }).click();
    const planned = page.getByTestId('session').filter({ hasText: 'KK-100-B' });
    await planned.getByRole('button', { name: 'Eindtijd wijzigen' }).click();
    const later = new Date(start.getTime() + 2 * 3600_000);
    await page.getByRole('dialog').getByLabel('Nieuwe eindtijd').fill(toLocalInput(later));
    await page.getByRole('dialog').getByRole('button', { name: 'Wijzigen' }).click();
    await planned.getByText(toLocalInput(later).slice(11)).waitFor();

    // All sessions: across products; choosing one opens its product.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Alle sessies' }).click();
    // The product page has the same tabs: wait until it is gone.
    await page.getByRole('heading', { level: 1, name: 'Alle sessies' }).waitFor();
    await page.getByRole('tab', { name: 'Gepland (1)' }).click();
    await page.getByTestId('session').filter({ hasText: 'KK-100-B' }).waitFor();
    await photograph(page, 'all-sessions-phone');
    await page
      .getByTestId('session')
      .getByRole('link', { name: /Bezoekersvergunning/ })
      .click();
    await page.getByRole('heading', { name: 'Sessies', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Gepland (1)' }).click();
    await planned.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('tab', { name: 'Gepland (0)' }).waitFor();

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/inloggen/);
    await page.goto('/producten');
    await page.waitForURL(/\/inloggen\?terug=%2Fproducten/);
    await page.context().close();
  });

  it('logs out a browser nobody used for the idle time', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.clock.install({ time: env.platform.now() });
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    await page.getByRole('heading', { name: 'Mijn producten' }).waitFor();
    await page.clock.fastForward('31:00');
    await page.waitForURL(/\/inloggen/);
    await page.getByText('U bent uitgelogd omdat u een tijd niets heeft gedaan.').waitFor();
    await page.context().close();
  });
});
