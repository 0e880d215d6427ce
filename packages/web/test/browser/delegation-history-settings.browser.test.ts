import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  logIn,
  openPage,
  phone,
  photograph,
  photographBoth,
  screenshot,
  useChromiumPlatform,
} from './browser.js';
import { linkInMail } from './mail.js';

async function firstProductId(page: Page): Promise<string> {
  const { productGroups } = await graphqlIn<{
    productGroups: { products: { id: string; isOwner: boolean }[] }[];
  }>(page, '{ productGroups { products { id isOwner } } }');
  return productGroups.flatMap((group) => group.products).find((product) => product.isOwner)!.id;
}

describe('delegations, history and settings in chromium', () => {
  const env = useChromiumPlatform();

  it('Anna lends Bram part of her balance, Bram accepts through the mailed link, Anna revokes', async () => {
    const anna = await openPage(env.browser, env.platform, phone);
    await logIn(anna, env.platform, 'anna@demo.parkeer.nl');
    const productId = await firstProductId(anna);
    await anna.goto(`/producten/${productId}`);
    await anna.getByRole('link', { name: 'Machtigingen' }).click();
    await anna.getByRole('heading', { name: 'Machtigingen', level: 2 }).waitFor();
    await anna.getByText('Er is nu niemand gemachtigd.').waitFor();
    const balance = anna.getByTestId('balance');
    expect(await balance.innerText()).toBe('200 u');

    await anna.getByLabel('E-mailadres').fill('bram@demo.parkeer.nl');
    await anna.getByLabel('Tegoed in uren').fill('2,5');
    await anna.getByText('Dat is 2 u 30 min').waitFor();
    await anna.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await anna.getByText('De uitnodiging is naar bram@demo.parkeer.nl gestuurd.').waitFor();
    const card = anna.getByTestId('delegation').filter({ hasText: 'bram@demo.parkeer.nl' });
    await card.getByText('Nog niet geaccepteerd').waitFor();
    expect(await card.getByTestId('delegation-left').innerText()).toBe('2 u 30 min');
    await expect.poll(() => balance.innerText()).toBe('197 u 30 min');
    await photographBoth(anna, 'delegations');

    // Bram, not logged in, opens the link of the mail and accepts with his password.
    const link = await linkInMail(env.platform, 'bram@demo.parkeer.nl', '/machtiging');
    const bram = await openPage(env.browser, env.platform, phone);
    await bram.goto(link);
    await bram.getByRole('heading', { name: 'Machtiging accepteren' }).waitFor();
    await bram.getByText('anna@demo.parkeer.nl machtigt u om de Bezoekersvergunning').waitFor();
    await photographBoth(bram, 'accept-delegation');
    await bram.getByRole('button', { name: 'Maak een account aan.' }).click();
    await bram.getByLabel('Herhaal het wachtwoord').waitFor();
    await photograph(bram, 'accept-delegation-new-account-phone');
    await bram.getByRole('button', { name: 'Log in met uw wachtwoord.' }).click();
    await bram.getByLabel('Wachtwoord', { exact: true }).fill(env.platform.password);
    await bram.getByRole('button', { name: 'Machtiging accepteren' }).click();
    await bram.waitForURL(`**/producten/${productId}`);
    await bram.getByText('gemachtigd door anna@demo.parkeer.nl').waitFor();
    expect(await bram.getByTestId('balance').innerText()).toBe('2 u 30 min');
    await screenshot(bram, 'delegated-product-phone');
    // The overview knows the new product too: the app started over after the login.
    await bram.getByRole('button', { name: 'Menu' }).click();
    await bram.getByRole('link', { name: 'Producten' }).click();
    await bram.getByText('anna@demo.parkeer.nl').waitFor();

    // A delegate's history: its own sessions, no transactions (docs/rules.md §8).
    await bram.goto(`/producten/${productId}/geschiedenis`);
    await bram.getByRole('heading', { name: 'Uw sessies (0)' }).waitFor();
    expect(await bram.getByRole('tab').count()).toBe(0);
    await photograph(bram, 'history-delegate-phone');

    // The link works once.
    const again = await openPage(env.browser, env.platform, phone);
    await again.goto(link);
    await again.getByRole('alert').waitFor();
    await again.context().close();

    await anna.reload();
    await card.getByText('Geaccepteerd', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Intrekken' }).click();
    const dialog = anna.getByRole('dialog');
    await dialog
      .getByText('Wat over is (2 u 30 min) komt terug op uw saldo.', { exact: false })
      .waitFor();
    await screenshot(anna, 'delegations-revoke-phone');
    await dialog.getByRole('button', { name: 'Intrekken' }).click();
    await anna.getByText('De machtiging van bram@demo.parkeer.nl is ingetrokken.').waitFor();
    await expect.poll(() => balance.innerText()).toBe('200 u');
    await anna.getByRole('heading', { name: 'Ingetrokken machtigingen' }).waitFor();
    await anna.getByText('Er is nu niemand gemachtigd.').waitFor();
    await screenshot(anna, 'delegations-revoked-phone');

    // Bram's access ended with it.
    await bram.goto('/producten');
    await bram.getByRole('heading', { name: 'Mijn producten' }).waitFor();
    await bram.locator('.card').first().waitFor();
    expect(await bram.getByText('anna@demo.parkeer.nl').count()).toBe(0);
    await anna.context().close();
    await bram.context().close();
  });

  it('shows the history with counts on the tabs, 10 at a time', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    const productId = await firstProductId(page);
    // Eleven sessions, one after the other, and more balance changes than one page holds.
    for (let index = 0; index < 11; index++) {
      const started = await graphqlIn<{
        startSession: { __typename: string; session?: { id: string }; message?: string };
      }>(
        page,
        `mutation ($input: StartSessionInput!) { startSession(input: $input) {
          __typename ... on SessionAccepted { session { id } }
          ... on SessionRefused { reason message } } }`,
        {
          input: {
            productId,
            plate: index % 2 ? 'GB-123-K' : '12-ABC-3',
            end: new Date(env.platform.now().getTime() + 60 * 60_000).toISOString(),
            idempotencyKey: crypto.randomUUID(),
          },
        },
      );
      expect(started.startSession.message ?? started.startSession.__typename).toBe(
        'SessionAccepted',
      );
      await graphqlIn(page, 'mutation ($id: ID!) { stopSession(id: $id) { id } }', {
        id: started.startSession.session!.id,
      });
    }
    for (let index = 0; index < 5; index++) {
      const { inviteDelegation } = await graphqlIn<{ inviteDelegation: { id: string } }>(
        page,
        'mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }',
        {
          input: {
            productId,
            email: `gast${index}@example.nl`,
            amount: 30,
            idempotencyKey: crypto.randomUUID(),
          },
        },
      );
      await graphqlIn(page, 'mutation ($id: ID!) { revokeDelegation(id: $id) { id } }', {
        id: inviteDelegation.id,
      });
    }
    const counts = await graphqlIn<{
      sessionHistory: { totalCount: number };
      transactionHistory: { totalCount: number };
    }>(
      page,
      `query ($id: ID!) { sessionHistory(permitId: $id) { totalCount }
        transactionHistory(permitId: $id) { totalCount } }`,
      { id: productId },
    );
    expect(counts.sessionHistory.totalCount).toBe(11);
    const transactionCount = counts.transactionHistory.totalCount;
    expect(transactionCount).toBeGreaterThan(10);

    await page.goto(`/producten/${productId}`);
    await page.getByRole('link', { name: 'Geschiedenis' }).click();
    await page.getByRole('tab', { name: 'Sessies (11)' }).waitFor();
    await page.getByRole('tab', { name: `Transacties (${transactionCount})` }).waitFor();
    const sessions = page.getByTestId('session-history').locator('> li');
    await expect.poll(() => sessions.count()).toBe(10);
    await page.getByText('10 van 11 getoond').waitFor();
    await photographBoth(page, 'history-sessions');
    await page.getByRole('tabpanel').getByRole('button', { name: 'Meer tonen' }).click();
    await expect.poll(() => sessions.count()).toBe(11);
    await page.getByText('11 van 11 getoond').waitFor();
    expect(await page.getByRole('button', { name: 'Meer tonen' }).count()).toBe(0);
    // Focus went to the first row that came.
    expect(await sessions.nth(10).evaluate((row) => row === document.activeElement)).toBe(true);

    await page.getByRole('tab', { name: /^Transacties/ }).click();
    const transactions = page.getByTestId('transaction-history').locator('> li');
    await expect.poll(() => transactions.count()).toBe(10);
    await page.getByRole('tabpanel').getByText('Naar een machtiging').first().waitFor();
    await page.getByRole('tabpanel').getByText('Opwaardering').waitFor({ state: 'detached' });
    await photographBoth(page, 'history-transactions');
    const more = page.getByRole('tabpanel').getByRole('button', { name: 'Meer tonen' });
    while ((await more.count()) > 0) {
      const before = await transactions.count();
      await more.click();
      await expect.poll(() => transactions.count()).toBeGreaterThan(before);
    }
    await expect.poll(() => transactions.count()).toBe(transactionCount);
    // The oldest change is the top-up of the demo, added to the balance.
    await transactions.last().getByText('Opwaardering').waitFor();
    expect(await transactions.last().getByTestId('transaction-amount').innerText()).toBe('+200 u');
    await page.context().close();
  });

  it('switches the interface to English and to high contrast, at once and for later', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    await page.goto('/instellingen');
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    await page.getByText('carla@demo.parkeer.nl').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('normal');
    const textColour = () => page.evaluate(() => getComputedStyle(document.body).color);
    const headerColour = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector('.shell__header')!).backgroundColor,
      );
    expect(await headerColour()).toBe('rgb(11, 92, 173)');
    await photographBoth(page, 'settings');

    const start = page.getByLabel('Startproduct');
    const options = await start
      .locator('option')
      .evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value));
    expect(options[0]).toBe('');
    expect(options.length).toBe(3);
    await start.selectOption(options[2]!);
    await page.getByLabel('Taal').selectOption('en');
    await page.getByLabel('Hoog contrast').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByText('Saved.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.contrast))
      .toBe('high');
    expect(await textColour()).toBe('rgb(0, 0, 0)');
    expect(await headerColour()).toBe('rgb(0, 48, 110)');
    await photographBoth(page, 'settings-english-high-contrast');

    // Kept with the account: a new visit opens the chosen product, in English, high contrast.
    await page.goto('/');
    await page.waitForURL(`**/producten/${options[2]}`);
    await page.getByRole('link', { name: 'History' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');

    await page.goto('/over');
    await page.getByRole('heading', { name: 'About Parkeer' }).waitFor();
    await expect.poll(() => page.getByTestId('api-version').innerText()).toMatch(/^\d+\.\d+\.\d+/);
    await photographBoth(page, 'about-english-high-contrast');

    // Back to Dutch and normal contrast: the about page as most residents see it.
    await page.goto('/instellingen');
    await page.getByLabel('Language').selectOption('nl');
    await page.getByLabel('High contrast').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.contrast))
      .toBe('normal');
    await page.goto('/over');
    await page.getByRole('heading', { name: 'Over Parkeer' }).waitFor();
    await expect.poll(() => page.getByTestId('api-version').innerText()).toMatch(/^\d+\.\d+\.\d+/);
    await photographBoth(page, 'about');
    await page.context().close();
  });
  it('accepts by creating an account, or for the account that is logged in', async () => {
    const anna = await openPage(env.browser, env.platform, phone);
    await logIn(anna, env.platform, 'anna@demo.parkeer.nl');
    const productId = await firstProductId(anna);
    for (const email of ['nieuw@example.nl', 'uitnodiging@example.nl']) {
      await graphqlIn(
        anna,
        'mutation ($input: InviteDelegationInput!) { inviteDelegation(input: $input) { id } }',
        { input: { productId, email, amount: 60, idempotencyKey: crypto.randomUUID() } },
      );
    }

    // Someone new: the address of the invitation becomes an account, logged in at once.
    const newcomer = await openPage(env.browser, env.platform, phone);
    await newcomer.goto(await linkInMail(env.platform, 'nieuw@example.nl', '/machtiging'));
    await newcomer.getByRole('button', { name: 'Maak een account aan.' }).click();
    await newcomer.getByLabel('Kies een wachtwoord').fill('Parkeren-2026!');
    await newcomer.getByLabel('Herhaal het wachtwoord').fill('Parkeren-2026?');
    await newcomer.getByRole('button', { name: 'Account maken en accepteren' }).click();
    await newcomer.getByText('De twee wachtwoorden zijn niet gelijk.').waitFor();
    await newcomer.getByLabel('Herhaal het wachtwoord').fill('Parkeren-2026!');
    await newcomer.getByRole('button', { name: 'Account maken en accepteren' }).click();
    await newcomer.waitForURL(`**/producten/${productId}`);
    await newcomer.getByText('gemachtigd door anna@demo.parkeer.nl').waitFor();
    expect(await newcomer.getByTestId('balance').innerText()).toBe('1 u');

    // Carla, logged in, accepts an invitation sent to another address of hers.
    const carla = await openPage(env.browser, env.platform, phone);
    await logIn(carla, env.platform, 'carla@demo.parkeer.nl');
    await carla.goto(await linkInMail(env.platform, 'uitnodiging@example.nl', '/machtiging'));
    await carla.getByText('U bent ingelogd als carla@demo.parkeer.nl.', { exact: false }).waitFor();
    await carla.getByText('de uitnodiging is naar uitnodiging@example.nl gestuurd').waitFor();
    await photograph(carla, 'accept-delegation-logged-in-phone');
    await carla.getByRole('button', { name: 'Machtiging accepteren' }).click();
    await carla.waitForURL(`**/producten/${productId}`);
    await carla.getByText('gemachtigd door anna@demo.parkeer.nl').waitFor();

    await anna.goto(`/producten/${productId}/machtigingen`);
    const accepted = anna.getByTestId('delegation').filter({ hasText: 'uitnodiging@example.nl' });
    await accepted.getByText('Geaccepteerd', { exact: true }).waitFor();
    // Who accepted is shown when it is another address than the one invited.
    await accepted.getByText('carla@demo.parkeer.nl').waitFor();
    for (const page of [anna, newcomer, carla]) await page.context().close();
  });
});
