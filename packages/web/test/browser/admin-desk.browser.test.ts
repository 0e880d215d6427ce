import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { desktop, logIn, openPage, photographBoth, useChromiumPlatform } from './browser.js';
import type { Platform } from './platform.js';

/**
 * Anna's visitor permit (Oude Delft 1) with a PIN this test knows: the allocation letter's,
 * copied as its stored hash into the API's SQLite file. Gives her registration number and PIN.
 */
function annaWithLetterPin(platform: Platform): { number: string; pin: string } {
  const letter = platform.letters[0]!;
  const db = new Database(platform.databaseFile);
  try {
    db.exec('pragma busy_timeout = 5000');
    db.prepare(
      `update permit set pin_hash = (select pin_hash from permit where product_code = ?)
       where address_label = 'Oude Delft 1, Delft'`,
    ).run(letter.code);
    const row = db
      .prepare(`select product_code from permit where address_label = 'Oude Delft 1, Delft'`)
      .get() as { product_code: string };
    return { number: row.product_code.replace(/^PK/, ''), pin: letter.pin };
  } finally {
    db.close();
  }
}

describe('the municipal desk in chromium (docs/rules.md §5, "The municipal desk")', () => {
  const env = useChromiumPlatform();

  it('lands a desk employee on the desk, opens a permit with the registration number and PIN, starts and stops a session by keyboard, and forgets the permit when the call is done', async () => {
    const { number, pin } = annaWithLetterPin(env.platform);
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'balie@delft.demo.parkeer.nl');
    await page.waitForURL((url) => url.pathname === '/beheer/balie');
    await page.getByRole('heading', { level: 1, name: 'Balie' }).waitFor();
    // The desk's menu has the desk only; an admin's page or a resident's sends it back.
    expect(await page.getByRole('link', { name: /Logboek|Zones/ }).count()).toBe(0);
    for (const path of ['/beheer', '/beheer/logboek', '/sessies']) {
      await page.goto(path);
      await page.waitForURL((url) => url.pathname === '/beheer/balie');
      await page.getByRole('heading', { level: 1, name: 'Balie' }).waitFor();
    }

    // A wrong PIN first: said in words, nothing opened.
    await page.getByLabel('Registratienummer').fill(number);
    await page.getByLabel('Pincode').fill('0000');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .getByText(/klopt niet/)
      .waitFor();
    await photographBoth(page, 'admin-desk-wrong');

    await page.getByLabel('Registratienummer').fill(number);
    await page.getByLabel('Pincode').fill(pin);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: new RegExp(`PK${number}`) }).waitFor();
    expect(await page.getByText('Oude Delft', { exact: true }).count()).toBe(1);
    const balance = page.getByTestId('desk-balance');
    const before = await balance.textContent();
    // The cursor waits in the plate field; a mistyped plate is named before anything is sent.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('desk-plate');
    await page.keyboard.type('GB-123');
    await page.keyboard.press('Enter');
    await page.locator('#desk-plate-error').waitFor();
    await page.getByLabel(/^Kenteken/).fill('GB-123-K');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText(/Sessie gestart voor GB-123-K/)
      .waitFor();
    await expect.poll(() => balance.textContent()).not.toBe(before);
    const running = await balance.textContent();
    await page.getByRole('button', { name: 'Stoppen: GB-123-K' }).waitFor();

    // The caller's visitor leaves at noon: a new end, the reservation follows.
    await page.getByRole('button', { name: 'Einde wijzigen: GB-123-K' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).type))
      .toBe('time');
    await page.getByLabel('Nieuwe eindtijd voor GB-123-K').fill('12:00');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText(/Sessie van GB-123-K loopt nu tot 12:00/)
      .waitFor();
    await expect.poll(() => balance.textContent()).not.toBe(running);
    await page.getByText(/10:00–12:00/).waitFor();
    await photographBoth(page, 'admin-desk-permit');

    await page.getByRole('button', { name: 'Stoppen: GB-123-K' }).click();
    await page
      .getByRole('status')
      .getByText(/Sessie van GB-123-K gestopt/)
      .waitFor();
    await page.getByText('Geen lopende of geplande sessies.').waitFor();
    // The rest of the reservation comes back; the started minute stays charged.
    expect(await balance.textContent()).toMatch(/^(200 u|199 u 59 min)$/);

    await page.getByRole('button', { name: 'Gesprek klaar' }).click();
    await page.getByText('Gesprek afgerond. De vergunning is gesloten.').waitFor();
    expect(await page.getByText('Oude Delft', { exact: true }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('desk-number');
    await page.context().close();
  });

  it('shows the desk in a municipal admin’s menu too, and the desk’s work in the town’s audit log under the employee’s name', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'beheer@delft.demo.parkeer.nl');
    await page.goto('/beheer/logboek');
    for (const action of [
      'Balie: registratienummer of pincode fout',
      'Vergunning geopend aan de balie',
      'Sessie gestart aan de balie',
      'Sessie gestopt aan de balie',
      'Baliegesprek afgerond',
    ]) {
      await page.getByText(action, { exact: true }).first().waitFor();
    }
    expect(await page.getByText('balie@delft.demo.parkeer.nl').count()).toBeGreaterThan(0);
    await photographBoth(page, 'admin-desk-audit');
    // photographBoth leaves the page at phone size, the menu folded: back to the desk's screen.
    await page.setViewportSize(desktop);
    await page.getByRole('link', { name: 'Balie', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Balie' }).waitFor();
    await page.context().close();
  });
});
