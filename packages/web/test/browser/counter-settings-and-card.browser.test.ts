import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  logIn,
  openPage,
  phone,
  photographBoth,
  screenshot,
  useChromiumPlatform,
} from './browser.js';

/** Waits for a locator; if it never comes, says what the page showed instead. */
async function waitOrTell(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor().catch(async (error: unknown) => {
    throw new Error(
      `${String(error)}\n--- the page showed:\n${await page.locator('main').innerText()}`,
    );
  });
}

const applicantRules = `{ adminProductTypes { code holderTypes maxPerAddress } }`;

/** The counter's offers at Noord 1, Oudstad (postcode 9999 AB), as a resident sees them. */
async function offersAtNoord1(page: Page): Promise<Locator> {
  await page.goto('/loket');
  await page.getByRole('heading', { level: 1, name: 'Vergunning aanvragen' }).waitFor();
  await page.getByLabel(/^Postcode/).fill('9999 ab');
  await page.getByLabel(/^Huisnummer/).fill('1');
  await page.getByRole('button', { name: 'Adres zoeken' }).click();
  await page.getByRole('heading', { name: 'Welke vergunning wilt u?' }).waitFor();
  return page.getByTestId('permit-offer').filter({ hasText: 'Bewonersvergunning' });
}

/**
 * The back office sets who may apply for a product and how many per address, and the counter
 * follows at once (docs/rules.md §2 who may apply); a resident pays by card instead of iDEAL
 * (docs/rules.md §1 payment method). The API's own tests are counter-applicant-rules and
 * counter-payment-method in packages/api.
 */
describe('applicant rules and paying by card in chromium', () => {
  const env = useChromiumPlatform();

  it('an admin limits the resident permit to one per address; a resident pays by card; the next resident at the address is refused by that rule', async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@oudstad.demo.parkeer.nl');
    await admin.goto('/beheer/producten');
    await admin.getByRole('link', { name: 'Bewonersvergunning', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Bewonersvergunning' }).waitFor();
    const applicants = admin.getByRole('region', { name: 'Aanvragers' });
    const who = applicants.getByRole('group', { name: 'Wie mag aanvragen' });
    expect(await who.getByLabel('Bewoners').isChecked()).toBe(true);
    expect(await who.getByLabel('Bedrijven').isChecked()).toBe(false);
    const perAddress = applicants.getByLabel('Maximaal per woonadres');
    expect(await perAddress.inputValue()).toBe('');

    // Nobody may apply and none per address: the domain's rules say so beside each field.
    await who.getByLabel('Bewoners').uncheck();
    await perAddress.fill('0');
    await admin.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await admin.getByTestId('error-summary').waitFor();
    expect(await perAddress.getAttribute('aria-invalid')).toBe('true');
    const perAddressError = admin.locator(`#${(await perAddress.getAttribute('id'))!}-error`);
    expect(await perAddressError.innerText()).toMatch(/groter dan 0/);
    expect(await applicants.innerText()).toMatch(/Vul dit veld in/);
    await applicants.scrollIntoViewIfNeeded();
    await photographBoth(admin, 'admin-products-applicants-problems');

    await who.getByLabel('Bewoners').check();
    await perAddress.fill('1');
    await admin.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await admin.getByText('De instellingen zijn opgeslagen.').waitFor();
    const stored = (
      await graphqlIn<{
        adminProductTypes: { code: string; holderTypes: string[]; maxPerAddress: number | null }[];
      }>(admin, applicantRules)
    ).adminProductTypes.find((product) => product.code === 'resident-permit')!;
    expect(stored).toMatchObject({ holderTypes: ['resident'], maxPerAddress: 1 });
    await applicants.scrollIntoViewIfNeeded();
    await photographBoth(admin, 'admin-products-applicants');

    // The first resident at Noord 1 applies and chooses a card on the review step.
    const bram = await openPage(env.browser, env.platform, phone);
    await logIn(bram, env.platform, 'bram@demo.parkeer.nl');
    const offer = await offersAtNoord1(bram);
    await offer.getByRole('button', { name: 'Bewonersvergunning aanvragen' }).click();
    await bram.getByLabel(/^Kenteken/).fill('GB-123-K');
    await bram.getByRole('button', { name: 'Verder naar controleren' }).click();
    await waitOrTell(bram, bram.getByTestId('counter-review'));
    const methods = bram.getByRole('group', { name: 'Betaalwijze' });
    expect(await methods.getByLabel('iDEAL').isChecked()).toBe(true);
    await methods.getByLabel('Creditcard').check();
    await bram.getByRole('button', { name: /€\s21,90 betalen met creditcard/ }).waitFor();
    expect(await bram.locator('#counter-pay-hint').innerText()).toMatch(/creditcard/);
    await photographBoth(bram, 'counter-review-card');

    await bram.getByRole('button', { name: /€\s21,90 betalen met creditcard/ }).click();
    await bram.waitForURL(/\/betalen\/simulatie\//);
    expect(await bram.locator('header').innerText()).toMatch(/^Creditcard · Demokaart/);
    await screenshot(bram, 'counter-bank-card-phone');
    await bram.getByRole('button', { name: 'Betalen' }).click();
    await bram.waitForURL(/\/loket\/aanvraag\//);
    await waitOrTell(
      bram,
      bram.getByTestId('application-outcome').getByRole('heading', {
        name: 'Uw vergunning is verleend',
      }),
    );

    // The address's one place is taken: the next resident is told which rule refuses it.
    const anna = await openPage(env.browser, env.platform, phone);
    await logIn(anna, env.platform, 'anna@demo.parkeer.nl');
    const refused = await offersAtNoord1(anna);
    await waitOrTell(
      anna,
      refused.getByText(/maximum aantal vergunningen van dit type \(1\) al bereikt/),
    );
    await photographBoth(anna, 'counter-offers-address-limit');
  });
});
