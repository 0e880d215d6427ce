import { describe, expect, it } from 'vitest';
import { logIn, openPage, phone, photographBoth, useChromiumPlatform } from './browser.js';

/** The flexible business permit's day (docs/rules.md §5, The flexible business permit), in chromium. */
describe('the flexible business permit, in chromium', () => {
  const env = useChromiumPlatform();

  it('registers a plate until the paid hours end, switches to the next, manages the list and stops', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'bakkerij@demo.parkeer.nl');
    await page.goto('/producten');
    await page
      .locator('.card a.card__link')
      .filter({ hasText: 'Flexibele bedrijfsvergunning' })
      .first()
      .click();
    await page.getByRole('link', { name: 'Vandaag aanmelden', exact: true }).click();
    await page.getByRole('heading', { name: 'Vandaag aanmelden', level: 2 }).waitFor();

    // Monday 10:00 in Amsterdam: zone H is paid until 18:00.
    const today = page.getByTestId('flex-today');
    await today.getByText(/Een aanmelding geldt tot 18:00/).waitFor();
    await today.getByText(/Morgen meldt u opnieuw aan/).waitFor();
    await photographBoth(page, 'flex-today');

    const sanne = page.locator('[data-testid="flex-plate"][data-plate="GHJ12K"]');
    const youssef = page.locator('[data-testid="flex-plate"][data-plate="4TXL89"]');
    await sanne.getByRole('button', { name: 'Aanmelden tot 18:00' }).click();
    await page.getByRole('status').getByText('GHJ-12-K is aangemeld tot 18:00.').waitFor();
    await page.locator('[data-plate="GHJ12K"][data-registered="true"]').waitFor();
    await today.getByText(/Sanne \(ma–wo\) \(GHJ-12-K\) is aangemeld tot 18:00/).waitFor();

    // One plate at a time: the next plate's one action is the switch; the first one stops.
    await youssef.getByRole('button', { name: 'Wisselen naar Youssef (do–za)' }).click();
    await page.locator('[data-plate="4TXL89"][data-registered="true"]').waitFor();
    await page.locator('[data-plate="GHJ12K"][data-registered="false"]').waitFor();
    expect(await page.locator('[data-registered="true"]').count()).toBe(1);
    await photographBoth(page, 'flex-today-registered');

    // The list: add a visitor, rename and remove it.
    await page.getByLabel('Kenteken', { exact: true }).fill('k-123-bb');
    await page.getByLabel('Naam', { exact: true }).fill('Invalkracht');
    await page.getByLabel('Soort').selectOption({ label: 'Bezoeker' });
    await page.getByRole('button', { name: 'Kenteken toevoegen', exact: true }).click();
    await page.getByRole('status').getByText('Invalkracht staat op de lijst.').waitFor();
    const added = page.locator('[data-testid="flex-plate"][data-plate="K123BB"]');
    await added.getByText('K-123-BB · Bezoeker').waitFor();
    await added.getByRole('button', { name: /^Naam wijzigen/ }).click();
    await added.getByLabel('Naam').fill('Invaller');
    await added.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').getByText('De naam is gewijzigd.').waitFor();
    await added.getByRole('heading', { name: 'Invaller' }).waitFor();
    await added.getByRole('button', { name: /^Verwijderen/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Verwijderen', exact: true })
      .click();
    await page.getByRole('status').getByText('Invaller staat niet meer op de lijst.').waitFor();
    await added.waitFor({ state: 'detached' });

    await youssef.getByRole('button', { name: /^Stoppen/ }).click();
    await page.getByRole('status').getByText('De aanmelding is gestopt.').waitFor();
    await page.locator('[data-plate="4TXL89"][data-registered="false"]').waitFor();
  });
});
