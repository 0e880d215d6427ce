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
});
