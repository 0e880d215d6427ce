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

const bram = 'bram@demo.parkeer.nl';
const delftAdmin = 'beheer@delft.demo.parkeer.nl';

/** From the product overview to the product's requests, as a resident finds them. */
async function openRequests(page: Page): Promise<void> {
  await page.goto('/producten');
  await page.getByRole('link', { name: 'Bezoekersvergunning' }).first().click();
  await page.getByRole('link', { name: 'Aanvragen', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Aanvragen', exact: true }).waitFor();
}

describe("a resident's own requests in chromium", () => {
  const env = useChromiumPlatform();

  it('explains a refusal before sending, files a waiver and care hours, and sees the decision', async () => {
    // The platform's clock: Monday 23 November 2026.
    const resident = await openPage(env.browser, env.platform, phone);
    await logIn(resident, env.platform, bram);
    await openRequests(resident);
    const requests = resident.getByTestId('own-requests');
    await resident.getByText('U heeft nog geen aanvragen gedaan.').waitFor();

    // A fine of 1 October is more than a month ago: said at once, and the form does not send.
    const waiverForm = resident.locator('form', {
      has: resident.getByRole('heading', { name: /Kwijtschelding/ }),
    });
    await waiverForm.getByLabel('Nummer van de boete').fill('CJIB-7781');
    await waiverForm.getByLabel('Datum van de boete').fill('2026-10-01');
    await waiverForm.getByLabel('Kenteken van de auto').fill('gb-123-x');
    await waiverForm
      .getByLabel('Waarom vraagt u kwijtschelding?')
      .fill('De app gaf een storing toen ik mijn bezoek wilde aanmelden.');
    const refusal = waiverForm.getByTestId('rule-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('1 november 2026');
    await photograph(resident, 'resident-requests-waiver-refused-phone');
    await waiverForm.getByRole('button', { name: 'Verzoek versturen' }).click();
    await expect.poll(() => refusal.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await requests.count()).toBe(0);

    // Within the month: sent, and listed as being handled.
    await waiverForm.getByLabel('Datum van de boete').fill('2026-11-20');
    await expect.poll(() => refusal.count()).toBe(0);
    expect(await waiverForm.getByText('tot en met 20 december 2026').count()).toBe(1);
    await waiverForm.getByRole('button', { name: 'Verzoek versturen' }).click();
    await resident
      .getByRole('status')
      .getByText(/CJIB-7781 is verstuurd/)
      .waitFor();
    const waiverCard = requests.getByTestId('own-request').filter({ hasText: 'CJIB-7781' });
    expect(await waiverCard.innerText()).toMatch(/In behandeling[\s\S]*GB-123-X/);
    // The year's one waiver is now spoken for: a second fine is refused before sending.
    await waiverForm.getByLabel('Datum van de boete').fill('2026-11-21');
    expect(await waiverForm.getByTestId('rule-refusal').innerText()).toContain('2026');

    // Care hours: no more than the year's 400 hours.
    const careForm = resident.locator('form', {
      has: resident.getByRole('heading', { name: /mantelzorg/ }),
    });
    expect(await careForm.getByTestId('care-room').innerText()).toContain('nog 400 u');
    await careForm.getByLabel('Aantal uren').fill('401');
    await careForm.getByTestId('rule-refusal').waitFor();
    expect(await careForm.getByTestId('rule-refusal').innerText()).toContain('400 u');
    await careForm.getByLabel('Aantal uren').fill('300');
    await careForm.getByLabel('Mantelzorgverklaring').fill('Verklaring 2026-12, zorg voor vader');
    await careForm.getByRole('button', { name: 'Uren aanvragen' }).click();
    await resident
      .getByRole('status')
      .getByText(/300 u is verstuurd/)
      .waitFor();
    await expect.poll(() => careForm.getByTestId('care-room').innerText()).toContain('nog 100 u');
    await photographBoth(resident, 'resident-requests');

    // The town approves the care hours in its queue.
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, delftAdmin);
    await admin.goto('/beheer/aanvragen');
    await admin.getByRole('tab', { name: 'Mantelzorg-aanvragen' }).click();
    const queue = admin.getByRole('tabpanel');
    const pending = queue.getByTestId('care-request');
    await pending.first().waitFor();
    expect(await pending.count()).toBe(1);
    expect(await pending.innerText()).toContain(bram);
    await photograph(admin, 'admin-care-requests-desktop');
    await pending.getByRole('button', { name: 'Goedkeuren' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Reden').fill('Verklaring in orde.');
    await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
    await queue
      .getByRole('status')
      .getByText(/300 u toegekend/)
      .waitFor();
    await admin.context().close();

    // The resident sees the decision and its reason.
    await openRequests(resident);
    const careCard = requests.getByTestId('own-request').filter({ hasText: 'Mantelzorg' });
    await careCard.getByText('Toegekend').waitFor();
    expect(await careCard.innerText()).toContain('Verklaring in orde.');
    await photograph(resident, 'resident-requests-decided-phone');
    await resident.context().close();
  });
});
