import { describe, expect, it } from 'vitest';
import { desktop, logIn, openPage, photographBoth, useChromiumPlatform } from './browser.js';

/** A right-check as a scan car sends it, with the key as its bearer. */
async function checkWith(url: string, key: string): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ enforcementPlaces { code } }' }),
  });
  const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions.code };
}

describe("a town's machine keys in the back office, in chromium", () => {
  const env = useChromiumPlatform();

  it('makes a key with its secret shown once, shows its use, rotates it and revokes it', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'beheer@delft.demo.parkeer.nl');
    await page.getByRole('link', { name: 'Koppelingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koppelingen' }).waitFor();
    await page.getByText('Er zijn nog geen sleutels.').waitFor();

    await page.getByLabel('Partner', { exact: true }).fill('ScanCar BV');
    await page.getByLabel('Naam van de sleutel').fill('Auto 12');
    await page.getByLabel('Rechten controleren in bulk').check();
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    const shown = page.getByRole('region', { name: 'Sleutel voor ScanCar BV · Auto 12' });
    await shown.getByText('maar één keer getoond').waitFor();
    const secret = (await shown.locator('code').textContent())!.trim();
    expect(secret).toMatch(/^pk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    await photographBoth(page, 'admin-partners-secret');

    expect(await checkWith(env.platform.url, secret)).toEqual({ status: 200, code: undefined });
    await shown.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
    await expect(shown.count()).resolves.toBe(0);
    // Gone from the page: only its start remains, to recognise it.
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    const card = page
      .getByRole('list', { name: 'Sleutels' })
      .getByRole('listitem')
      .filter({ hasText: 'ScanCar BV · Auto 12' });
    await card.getByText('1 vandaag, 1 in 7 dagen').waitFor();
    await card.getByText('Recht controleren (één kenteken), Rechten controleren in bulk').waitFor();
    await photographBoth(page, 'admin-partners-list');

    await card.getByRole('button', { name: 'Roteren: ScanCar BV · Auto 12' }).click();
    const rotate = page.getByRole('dialog', {
      name: 'Nieuwe geheime sleutel voor ScanCar BV · Auto 12',
    });
    await rotate.getByLabel('Oude sleutel blijft werken (uren, 0 tot 168)').fill('48');
    await photographBoth(page, 'admin-partners-rotate');
    await rotate.getByRole('button', { name: 'Roteren' }).click();
    const rotated = page.getByRole('region', { name: 'Sleutel voor ScanCar BV · Auto 12' });
    const newSecret = (await rotated.locator('code').textContent())!.trim();
    expect(newSecret).not.toBe(secret);
    await card.getByText('Oude sleutel werkt nog tot').waitFor();
    // Both work during the overlap.
    expect((await checkWith(env.platform.url, secret)).status).toBe(200);
    expect((await checkWith(env.platform.url, newSecret)).status).toBe(200);
    await rotated.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();

    await card.getByRole('button', { name: 'Intrekken: ScanCar BV · Auto 12' }).click();
    const revoke = page.getByRole('dialog', { name: 'ScanCar BV · Auto 12 intrekken?' });
    await revoke.getByRole('button', { name: 'Intrekken' }).click();
    await page.getByText('ScanCar BV · Auto 12 is ingetrokken.').waitFor();
    await card.getByText('Ingetrokken').waitFor();
    await expect(card.getByRole('button').count()).resolves.toBe(0);
    for (const key of [secret, newSecret]) {
      expect((await checkWith(env.platform.url, key)).code).toBe('UNAUTHENTICATED');
    }
    await photographBoth(page, 'admin-partners-revoked');
  });

  it('gives a key the phone line scope, and sets its budget per minute, which the webhook then keeps to', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'beheer@oudstad.demo.parkeer.nl');
    await page.goto('/beheer/koppelingen');
    await page.getByRole('heading', { level: 1, name: 'Koppelingen' }).waitFor();
    await page.getByLabel('Partner', { exact: true }).fill('Telefonie BV');
    await page.getByLabel('Naam van de sleutel').fill('Lijn 1');
    await page.getByLabel('Recht controleren (één kenteken)').uncheck();
    await page.getByLabel('Telefoonlijn (webhook van de telefonieaanbieder)').check();
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    const shown = page.getByRole('region', { name: 'Sleutel voor Telefonie BV · Lijn 1' });
    const secret = (await shown.locator('code').textContent())!.trim();
    await shown.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
    const card = page
      .getByRole('list', { name: 'Sleutels' })
      .getByRole('listitem')
      .filter({ hasText: 'Telefonie BV · Lijn 1' });
    await card
      .getByText('Telefoonlijn (webhook van de telefonieaanbieder)', { exact: true })
      .waitFor();
    await card.getByText('(standaard)').waitFor();

    await card.getByRole('button', { name: 'Budget: Telefonie BV · Lijn 1' }).click();
    const budget = page.getByRole('dialog', { name: 'Budget van Telefonie BV · Lijn 1' });
    // The platform's default so far: its own budget is a choice first.
    await budget.getByLabel('Eigen budget voor deze sleutel').check();
    await photographBoth(page, 'admin-partners-budget');
    await budget.getByLabel('Verzoeken per minuut (1 tot 100.000)').fill('0');
    await budget.getByRole('button', { name: 'Opslaan' }).click();
    // Out of bounds: the API's refusal in the dialog, which stays open.
    await budget.getByRole('alert').waitFor();
    await budget.getByLabel('Verzoeken per minuut (1 tot 100.000)').fill('2');
    await budget.getByLabel('Kosten per minuut (1 tot 10.000.000)').fill('500');
    await budget.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het budget van Telefonie BV · Lijn 1 is opgeslagen.').waitFor();
    await card.getByText('2 verzoeken en 500 kosten per minuut').waitFor();
    await expect(card.getByText('(standaard)').count()).resolves.toBe(0);

    // The telephony provider's webhook with the key: two a minute, then 429.
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${env.platform.url}/webhooks/phone/twilio`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Bearer ${secret}`,
        },
        body: new URLSearchParams({ CallSid: 'CAbudget', From: '+31612345678' }).toString(),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429]);

    await card.getByRole('button', { name: 'Budget: Telefonie BV · Lijn 1' }).click();
    await budget.getByLabel('De standaard van het platform').check();
    await budget.getByRole('button', { name: 'Opslaan' }).click();
    await card.getByText('(standaard)').waitFor();
  });
});
