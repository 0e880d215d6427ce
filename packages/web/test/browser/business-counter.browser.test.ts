import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  logIn,
  openPage,
  phone,
  photographBoth,
  useChromiumPlatform,
} from './browser.js';

/** Waits for a locator; if it never comes, says what the page showed instead. */
async function waitOrTell(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    throw new Error(
      `${String(error)}\n--- the page showed:\n${await page.locator('main').innerText()}`,
    );
  });
}

const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`;

/**
 * A business at the permit counter (docs/rules.md §2 business permits): signed in with the
 * demo's Test-eHerkenning, it sees its establishments as the business registry (KvK, the demo's
 * fake) lists them, picks one instead of typing an address, and applies for Delft's business
 * permit there; an establishment outside the zones says it cannot be applied for.
 */
describe('a business applies per establishment at the permit counter, in chromium', () => {
  const env = useChromiumPlatform();

  it('signs in with eHerkenning, picks an establishment from KvK, applies for the business permit with a plate, pays, is granted with the letter, changes the plate and ends it with the refund in the history', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto('/inloggen');
    await page.getByRole('link', { name: /^Inloggen met eHerkenning \(Gemeente Delft/ }).click();
    await page.getByRole('button', { name: /^Bakkerij De Korenschoof/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/producten'));
    await page.goto('/loket');

    const establishments = page.getByTestId('business-establishment');
    await waitOrTell(page, establishments.first());
    expect(await establishments.count()).toBe(3);
    const atelier = establishments.filter({ hasText: 'Bakkerij-atelier' });
    expect(await atelier.innerText()).toContain('Niet in een vergunningszone');
    expect(await atelier.getByRole('button').count()).toBe(0);
    // On a phone the 12-digit establishment number stays on one line.
    const number = atelier.locator('dd').nth(1);
    expect(await number.innerText()).toBe('000090000123');
    const lineHeight = await number.evaluate((dd) => parseFloat(getComputedStyle(dd).lineHeight));
    expect((await number.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
    await photographBoth(page, 'counter-business-establishments');

    await page
      .getByRole('button', { name: 'Kies deze vestiging: Bakkerij De Korenschoof', exact: true })
      .click();
    await waitOrTell(page, page.getByTestId('counter-address'));
    expect(await page.getByTestId('counter-address').innerText()).toContain(
      'Gekozen vestiging: Kerkstraat 5, Delft',
    );
    const offer = page.getByTestId('permit-offer').filter({ hasText: /^Bedrijfsvergunning/ });
    await waitOrTell(page, offer);
    expect(await offer.getByTestId('offer-price').innerText()).toMatch(/^€\s114,80 per kwartaal$/);
    await offer.getByRole('button', { name: 'Bedrijfsvergunning aanvragen', exact: true }).click();

    await page
      .getByLabel(/^Kenteken/)
      .first()
      .fill('12-ABC-3');
    await page.getByLabel(/^E-mailadres/).fill('info@korenschoof.example');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await waitOrTell(page, page.getByTestId('counter-review'));
    expect(await page.getByTestId('review-total').innerText()).toMatch(/^€\s120,70$/);
    await page.getByRole('button', { name: /€\s120,70 betalen met iDEAL/ }).click();
    await page.waitForURL(/\/betalen\/simulatie\//);
    await page.getByRole('button', { name: 'Betalen' }).click();
    await page.waitForURL(/\/loket\/aanvraag\//);
    await waitOrTell(
      page,
      page.getByTestId('application-outcome').getByRole('heading', {
        name: 'Uw vergunning is verleend',
      }),
    );

    // The right is on the plate in the establishment's zone at once.
    const officer = await openPage(env.browser, env.platform, desktop);
    await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
    const checked = await graphqlIn<{ rightCheck: { valid: boolean } }>(officer, rightCheck, {
      input: { plate: '12ABC3', zone: 'H', municipality: 'delft' },
    });
    expect(checked.rightCheck.valid).toBe(true);
    const valid = async (plate: string) =>
      (
        await graphqlIn<{ rightCheck: { valid: boolean } }>(officer, rightCheck, {
          input: { plate, zone: 'H', municipality: 'delft' },
        })
      ).rightCheck.valid;

    // The letter to download, as a resident's (docs/rules.md §1 Letters).
    const letter = page.getByTestId('letters').locator('a').first();
    await waitOrTell(page, letter);
    const pdf = await page.request.get((await letter.getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // Another plate: free in Delft, so at once, and the old plate's right ends with it
    // (docs/rules.md §1 plate change).
    await page.getByRole('link', { name: 'Naar de vergunning' }).click();
    await page.waitForURL(/\/vergunningen\/[0-9a-f-]{36}$/);
    const permitId = /\/vergunningen\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await page.getByRole('button', { name: 'Kenteken wijzigen' }).click();
    await page.getByText('Wijzigen is gratis.').waitFor();
    await page.getByLabel(/^Nieuw kenteken/).fill('34-DEF-5');
    await page.getByRole('button', { name: 'Kenteken wijzigen', exact: true }).last().click();
    await waitOrTell(page, page.getByText('De vergunning geldt nu voor 34-DEF-5.'));
    expect([await valid('34DEF5'), await valid('12ABC3')]).toEqual([true, false]);

    // Ended now: the whole months left of the quarter come back, shown before and in the
    // history after (docs/rules.md §1 early end refund).
    await page.getByRole('button', { name: 'Vergunning beëindigen' }).click();
    const refundNow = await page.getByTestId('refund-now').innerText();
    const refund = /krijgt u (€\s[\d.,]+) terug/.exec(refundNow)?.[1];
    expect(refund).toMatch(/^€\s76,53$/);
    await page
      .locator('#counter-end')
      .getByRole('button', { name: 'Vergunning beëindigen' })
      .click();
    await page
      .getByRole('dialog', { name: 'Vergunning beëindigen?' })
      .getByRole('button', { name: 'Ja, beëindigen' })
      .click();
    await page.getByText('Uw vergunning is beëindigd.').waitFor();
    expect(await valid('34DEF5')).toBe(false);
    await page.goto(`/producten/${permitId}/geschiedenis`);
    await page.getByRole('tab', { name: /^Transacties/ }).click();
    const refunds = page
      .getByTestId('transaction-history')
      .locator('dt', { hasText: /^Terugbetaald$/ })
      .locator('xpath=following-sibling::dd[1]');
    await expect.poll(() => refunds.allInnerTexts(), { timeout: 10_000 }).toEqual([refund]);
    await photographBoth(page, 'counter-business-history');
    await officer.context().close();
    await page.context().close();
  }, 240_000);
});
