import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  logIn,
  openPage,
  phone,
  photograph,
  photographBoth,
  useChromiumPlatform,
} from './browser.js';

/** Minutes in a formatted duration like "2 u" or "1 u 30 min". */
function minutesIn(text: string): number {
  const hours = Number(/(\d+)\s*[uh]\b/.exec(text)?.[1] ?? 0);
  const minutes = Number(/(\d+)\s*min/.exec(text)?.[1] ?? 0);
  return hours * 60 + minutes;
}

describe('the zones of the back office in chromium', () => {
  const env = useChromiumPlatform();

  /** The paid time the new-session preview shows for Sunday 29 November, 13:00–15:00. */
  async function sundayPreview(page: Page): Promise<number> {
    await page.goto('/producten');
    await page.locator('.card a.card__link').first().click();
    await page.getByRole('link', { name: 'Bezoeker aanmelden' }).click();
    await page.getByLabel('Kenteken').fill('SU-202-N');
    await page.getByLabel('Later (gepland)').check();
    await page.getByLabel('Starttijd').fill('2026-11-29T13:00');
    await page.getByLabel('Eindtijd').fill('2026-11-29T15:00');
    const preview = page.getByTestId('preview');
    await preview.getByText('Deze sessie is gepland').waitFor();
    return minutesIn(await preview.locator('dt:text("Betaalde tijd") + dd').innerText());
  }

  it("changes Sunday's paid hours, and a resident's cost preview follows", async () => {
    const resident = await openPage(env.browser, env.platform, phone);
    await logIn(resident, env.platform, 'anna@demo.parkeer.nl');
    // Zone B: paid on Sundays 12:00–17:00, so all of 13:00–15:00.
    expect(await sundayPreview(resident)).toBe(120);

    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    await admin.goto('/beheer/zones');
    await admin.getByRole('heading', { name: 'Zones', level: 1 }).waitFor();
    await photograph(admin, 'admin-zones-desktop');
    await admin.getByRole('link', { name: /^B · / }).click();
    const sunday = admin.getByRole('group', { name: 'Zondag' });
    await expect(sunday.getByLabel('Zondag: tot').inputValue()).resolves.toBe('17:00');

    // A window that ends before it starts is refused beside that window, and nothing is saved.
    await sunday.getByLabel('Zondag: tot').fill('11:00');
    await admin.getByRole('button', { name: 'Betaaltijden opslaan' }).click();
    await sunday.getByText('Een tijdvak moet eindigen na het begin.').waitFor();
    await photographBoth(admin, 'admin-zone-refused');

    await sunday.getByLabel('Zondag: tot').fill('14:00');
    await admin.getByRole('button', { name: 'Betaaltijden opslaan' }).click();
    await admin.getByText('De betaaltijden zijn opgeslagen.').waitFor();
    // The week view shows the saved hours on the Sunday of the week.
    const week = admin.getByRole('region', { name: 'Weekoverzicht' });
    await week
      .getByRole('listitem')
      .filter({ hasText: 'Zondag' })
      .getByText('12:00–14:00')
      .waitFor();
    await photographBoth(admin, 'admin-zone');

    // The resident's preview now counts only 13:00–14:00.
    expect(await sundayPreview(resident)).toBe(60);

    // And the change is in the audit log, with who made it.
    await admin.goto('/beheer/logboek');
    await admin.getByText('Tijden betaald parkeren gewijzigd').first().waitFor();
    await photographBoth(admin, 'admin-audit-regime');
    await admin.context().close();
    await resident.context().close();
  });

  it('adds a zone with a holiday, and a week view that shows it', async () => {
    const admin = await openPage(env.browser, env.platform, phone);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    await admin.goto('/beheer/zones');
    await admin.getByLabel('Code (op borden en in apps)').fill('K');
    await admin.getByLabel('Naam').fill('Kerstmarkt');
    await admin.getByRole('button', { name: 'Zone toevoegen' }).click();
    await admin.getByRole('heading', { name: 'Zone K · Kerstmarkt' }).waitFor();
    const monday = admin.getByRole('group', { name: 'Maandag' });
    await monday.getByRole('button', { name: 'Tijdvak toevoegen op Maandag' }).click();
    await admin.getByRole('button', { name: '+ Uitzondering' }).click();
    await admin.getByLabel('Datum', { exact: true }).fill('2026-11-23');
    await admin.getByLabel('Omschrijving').fill('Sinterklaasintocht');
    await admin.getByRole('button', { name: 'Betaaltijden opslaan' }).click();
    await admin.getByText('De betaaltijden zijn opgeslagen.').waitFor();
    const week = admin.getByRole('region', { name: 'Weekoverzicht' });
    const mondayRow = week.getByRole('listitem').filter({ hasText: 'Maandag' });
    await mondayRow.getByText('Geen betaald parkeren').waitFor();
    await mondayRow.getByText('Sinterklaasintocht').waitFor();
    await week.getByRole('listitem').filter({ hasText: 'Maandag' }).waitFor();
    await week.getByRole('button', { name: 'Volgende week →' }).click();
    await week
      .getByRole('listitem')
      .filter({ hasText: 'Maandag' })
      .getByText('09:00–18:00')
      .waitFor();
    await photograph(admin, 'admin-zone-new-phone');
    await admin.context().close();
  });

  it('lets the platform admin create a municipality, and only that', async () => {
    const platform = await openPage(env.browser, env.platform, phone);
    await logIn(platform, env.platform, 'platform@demo.parkeer.nl');
    await platform.waitForURL(/\/beheer\/gemeenten$/);
    await platform.getByLabel('Naam').fill('Leiden');
    await platform.getByLabel('Code', { exact: true }).fill('Leiden!');
    await platform.getByRole('button', { name: 'Gemeente aanmaken' }).click();
    await platform.getByText('Deze keuze is niet mogelijk.').waitFor();
    await platform.getByLabel('Code', { exact: true }).fill('leiden');
    await platform.getByRole('button', { name: 'Gemeente aanmaken' }).click();
    await platform.getByText('Leiden is aangemaakt.').waitFor();
    await platform
      .getByRole('list', { name: 'Gemeenten' })
      .getByText('Leiden', { exact: true })
      .waitFor();
    await photographBoth(platform, 'admin-platform');
    // A town's pages are not the platform admin's.
    await platform.goto('/beheer/zones');
    await platform.waitForURL(/\/beheer\/gemeenten$/);
    await platform.context().close();
  });
});
