import { describe, expect, it } from 'vitest';
import {
  desktop,
  devices,
  followMenuLink,
  logIn,
  openPage,
  photographOn,
  screenshot,
  useChromiumPlatform,
  type Device,
} from './browser.js';
import { downloadLetter, rightCheckIn, signInWithBroker, waitOrTell } from './counter-flow.js';

/**
 * Who applies on which device: the platform is shared by both devices' flows, so each has its
 * own test person, address and plates (one resident permit per address).
 */
const applicants = {
  phone: {
    resident: /^Bram Jansen/,
    email: 'bram.jansen@example.nl',
    houseNumber: '1',
    plate: 'GB-123-K',
    newPlate: 'HN-456-X',
  },
  desktop: {
    resident: /^Frank de Boer/,
    email: 'frank.de.boer@example.nl',
    houseNumber: '5',
    plate: 'GD-321-K',
    newPlate: 'HP-654-X',
  },
} as const;

/** A plate as the right-check takes it: without its dashes. */
const bare = (plate: string) => plate.replaceAll('-', '');

/**
 * The permit counter end to end against the real API and the demo towns (docs/rules.md §1, the
 * permit counter; §6, DigiD and eHerkenning), clicked through on a phone and on a desktop: sign
 * in with the test DigiD, apply, pay at the simulated bank, granted with the right on the plate
 * at once and the letter to download, change the plate (paid), renew (paid), end with the refund
 * shown and in the history.
 */
describe('the permit counter in chromium', () => {
  const env = useChromiumPlatform();

  describe.each(devices)('on a $name', (device: Device) => {
    const who = applicants[device.name];

    it('signs in with DigiD, applies for a resident permit, pays, is granted, changes the plate, renews and ends it with the refund in the history', async () => {
      const page = await openPage(env.browser, env.platform, device);
      // A first DigiD login makes an account without an e-mail address: the counter asks for one.
      await signInWithBroker(page, 'DigiD', 'Gemeente Oudstad', who.resident);
      const officer = await openPage(env.browser, env.platform, desktop);
      await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
      const valid = rightCheckIn(officer, { zone: 'centrum', municipality: 'oudstad' });

      // The way in: the menu (behind its button on a phone).
      await page.goto('/producten');
      await followMenuLink(page, 'Vergunning aanvragen');
      await page.getByRole('heading', { level: 1, name: 'Vergunning aanvragen' }).waitFor();
      await photographOn(page, 'counter-live-address', device);
      await page.getByLabel(/^Postcode/).fill('9999 ab');
      await page.getByLabel(/^Huisnummer/).fill(who.houseNumber);
      await page.getByRole('button', { name: 'Adres zoeken' }).click();

      await page.getByRole('heading', { name: 'Welke vergunning wilt u?' }).waitFor();
      expect(await page.getByTestId('counter-address').innerText()).toContain(
        `Noord ${who.houseNumber}`,
      );
      const resident = page.getByTestId('permit-offer').filter({ hasText: 'Bewonersvergunning' });
      expect(await resident.getByTestId('offer-price').innerText()).toMatch(/^€\s96,00 per jaar$/);
      expect(await resident.getByTestId('offer-fee').innerText()).toMatch(/^€\s5,90$/);
      await photographOn(page, 'counter-live-offers', device);
      await page.getByRole('button', { name: 'Bewonersvergunning aanvragen' }).click();

      await page.getByLabel(/^Kenteken/).fill(who.plate);
      await page.getByLabel(/^E-mailadres/).fill(who.email);
      await photographOn(page, 'counter-live-details', device);
      await page.getByRole('button', { name: 'Verder naar controleren' }).click();
      await page.getByTestId('counter-review').waitFor();
      // A calendar year bought in November: the months left, and the fee.
      expect(await page.getByTestId('review-validity').innerText()).toBe(
        '23 november 2026 tot en met 31 december 2026',
      );
      expect(await page.getByTestId('review-total').innerText()).toMatch(/^€\s21,90$/);
      await photographOn(page, 'counter-live-review', device);
      expect(await valid(bare(who.plate))).toBe(false);

      await page.getByRole('button', { name: /€\s21,90 betalen met iDEAL/ }).click();
      await page.waitForURL(/\/betalen\/simulatie\//);
      // The bank says what is paid for: the application, not a top-up.
      await page.getByText('Aanvraag Bewonersvergunning', { exact: true }).waitFor();
      await screenshot(page, `counter-live-bank-${device.name}`);
      await page.getByRole('button', { name: 'Betalen' }).click();
      await page.waitForURL(/\/loket\/aanvraag\//);
      const outcome = page.getByTestId('application-outcome');
      await waitOrTell(page, outcome.getByRole('heading', { name: 'Uw vergunning is verleend' }));
      // Valid on the plate the moment the bank confirmed.
      expect(await valid(bare(who.plate))).toBe(true);
      // The letter is listed: a link once made, said to be in the making before.
      await expect
        .poll(
          async () =>
            (await page.getByTestId('letters').locator('li').count()) > 0 ||
            (await page.getByText('De brief wordt gemaakt…').count()) > 0,
          { timeout: 10_000 },
        )
        .toBe(true);
      await photographOn(page, 'counter-live-granted', device);
      const granted = await downloadLetter(page, 'granted');
      expect(granted).toContain('Uw parkeervergunning is verleend');
      expect(granted).toContain(who.plate);
      expect(granted).toContain(`Noord ${who.houseNumber}`);

      await page.getByRole('link', { name: 'Naar de vergunning' }).click();
      await page.waitForURL(/\/vergunningen\/[0-9a-f-]{36}$/);
      const permitId = /\/vergunningen\/([0-9a-f-]{36})$/.exec(page.url())![1];
      await page.getByRole('button', { name: 'Kenteken wijzigen' }).click();
      expect(await page.getByTestId('plate-change-fee').innerText()).toMatch(/^Kosten: €\s10,00$/);
      await page.getByLabel(/^Nieuw kenteken/).fill(who.newPlate);
      // The fee is paid by card here (iDEAL on the application): the bank page asks for the card.
      await page.getByTestId('payment-method').getByLabel('Creditcard').check();
      expect(await page.locator('#counter-plate-pay-hint').innerText()).toMatch(/creditcard/);
      await photographOn(page, 'counter-live-plate-change', device);
      await page.getByRole('button', { name: /€\s10,00 betalen en kenteken wijzigen/ }).click();
      await page.waitForURL(/\/betalen\/simulatie\//);
      await page.getByText('Kentekenwijziging Bewonersvergunning', { exact: true }).waitFor();
      expect(await page.locator('header').innerText()).toMatch(/^Creditcard/);
      await page.getByRole('button', { name: 'Betalen' }).click();
      await page.waitForURL(/\/loket\/aanvraag\//);
      await waitOrTell(page, outcome.getByRole('heading', { name: 'Uw kenteken is gewijzigd' }));
      expect(await valid(bare(who.newPlate))).toBe(true);
      expect(await valid(bare(who.plate))).toBe(false);
      const changed = await downloadLetter(page, 'changed');
      expect(changed).toContain('Het kenteken op uw parkeervergunning is gewijzigd');
      expect(changed).toContain(who.newPlate);

      await page.getByRole('link', { name: 'Naar de vergunning' }).click();
      await page.getByRole('link', { name: 'Vergunning verlengen' }).click();
      await page.getByTestId('renew-quote').waitFor();
      expect(await page.getByTestId('renew-validity').innerText()).toBe(
        '1 januari 2027 tot en met 31 december 2027',
      );
      const renewTotal = await page.getByTestId('renew-total').innerText();
      await photographOn(page, 'counter-live-renew', device);
      await page.getByTestId('pay-button').click();
      await page.waitForURL(/\/betalen\/simulatie\//);
      await page.getByText('Verlenging Bewonersvergunning', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Betalen' }).click();
      await page.waitForURL(/\/loket\/aanvraag\//);
      await waitOrTell(page, outcome.getByRole('heading', { name: 'Uw vergunning is verlengd' }));
      expect(await page.getByTestId('application-total').innerText()).toBe(renewTotal);
      const extended = await downloadLetter(page, 'extended');
      expect(extended).toContain('Uw parkeervergunning is verlengd');
      expect(await valid(bare(who.newPlate))).toBe(true);

      await page.getByRole('link', { name: 'Naar de vergunning' }).click();
      await expect
        .poll(() => page.getByTestId('permit-validity').innerText(), { timeout: 10_000 })
        .toBe('23 november 2026 tot en met 31 december 2027');
      await page.getByRole('button', { name: 'Vergunning beëindigen' }).click();
      const refundNow = await page.getByTestId('refund-now').innerText();
      const refund = /krijgt u (€\s[\d.,]+) terug/.exec(refundNow)?.[1];
      expect(refund).toBeTruthy();
      await photographOn(page, 'counter-live-end', device);
      await page
        .locator('#counter-end')
        .getByRole('button', { name: 'Vergunning beëindigen' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Vergunning beëindigen?' });
      await dialog.getByRole('button', { name: 'Ja, beëindigen' }).click();
      await page.getByText('Uw vergunning is beëindigd.').waitFor();
      expect(await page.getByTestId('permit-done').innerText()).toContain(refund!);
      expect(await valid(bare(who.newPlate))).toBe(false);
      await photographOn(page, 'counter-live-ended', device);
      const ended = await downloadLetter(page, 'ended');
      expect(ended).toContain('Uw parkeervergunning is beëindigd');

      // My permits: the way there is the menu too.
      await followMenuLink(page, 'Mijn vergunningen');
      const card = page.getByTestId('counter-permit').filter({ hasText: 'Bewonersvergunning' });
      await card.waitFor();
      expect(await card.getByTestId('permit-status').innerText()).toBe('Beëindigd');
      await photographOn(page, 'counter-live-permits', device);

      // The money in the permit's history: three payments, and the refunds of the term in use
      // and of the renewed term not begun, which together are the refund shown.
      await page.goto(`/producten/${permitId}/geschiedenis`);
      await page.getByRole('tab', { name: /^Transacties/ }).click();
      const money = page.getByTestId('transaction-money');
      await expect.poll(() => money.count(), { timeout: 10_000 }).toBe(5);
      const euros = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
      const refunds = page
        .getByTestId('transaction-history')
        .locator('dt', { hasText: /^Terugbetaald$/ })
        .locator('xpath=following-sibling::dd[1]');
      const refunded = (await refunds.allInnerTexts()).map(euros);
      expect(refunded).toHaveLength(2);
      expect(refunded[0]! + refunded[1]!).toBeCloseTo(euros(refund!), 2);
      await photographOn(page, 'counter-live-history', device);
      await officer.context().close();
      await page.context().close();
      // Four trips to the bank and a dozen screens checked by axe: longer than one screen's test.
    }, 240_000);

    it('lets a business signed in with eHerkenning apply for the flexible business permit, with no plate to give, and pay', async () => {
      const page = await openPage(env.browser, env.platform, device);
      await signInWithBroker(page, 'eHerkenning', 'Gemeente Delft', /^Bakkerij De Korenschoof/);
      await page.goto('/producten');
      await followMenuLink(page, 'Vergunning aanvragen');
      // A business picks one of its establishments (KvK) instead of typing an address. Delft
      // sells one flexible permit per establishment and the demo's bakery has one in Kerkstraat
      // already: each device's flow ends the one it gets at the Markt, so the other may apply.
      await page
        .getByRole('button', {
          name: 'Kies deze vestiging: De Korenschoof aan de Markt',
          exact: true,
        })
        .click();
      const offer = page
        .getByTestId('permit-offer')
        .filter({ hasText: 'Flexibele bedrijfsvergunning' });
      await waitOrTell(page, offer);
      expect(await offer.getByTestId('offer-price').innerText()).toMatch(
        /^€\s150,00 per kwartaal$/,
      );
      await offer.getByRole('button', { name: 'Flexibele bedrijfsvergunning aanvragen' }).click();
      // A permit without plates asks for none.
      await page.getByLabel(/^Ingangsdatum/).waitFor();
      expect(await page.getByLabel(/^Kenteken/).count()).toBe(0);
      await page.getByLabel(/^E-mailadres/).fill('info@korenschoof.example');
      await photographOn(page, 'counter-live-business-details', device);
      await page.getByRole('button', { name: 'Verder naar controleren' }).click();
      await waitOrTell(page, page.getByTestId('counter-review'));
      expect(await page.getByTestId('review-total').innerText()).toMatch(/^€\s155,90$/);
      await page.getByRole('button', { name: /€\s155,90 betalen met iDEAL/ }).click();
      await page.waitForURL(/\/betalen\/simulatie\//);
      await page.getByRole('button', { name: 'Betalen' }).click();
      await page.waitForURL(/\/loket\/aanvraag\//);
      await waitOrTell(
        page,
        page.getByTestId('application-outcome').getByRole('heading', {
          name: 'Uw vergunning is verleend',
        }),
      );
      const letter = await downloadLetter(page, 'granted');
      expect(letter).toContain('Uw parkeervergunning is verleend');
      expect(letter).toContain('Flexibele bedrijfsvergunning');
      await followMenuLink(page, 'Mijn vergunningen');
      // The other device's flow may have ended one there already: this one is not ended.
      const card = page
        .getByTestId('counter-permit')
        .filter({ hasText: 'Markt 7, Delft' })
        .filter({ hasNotText: 'Beëindigd' });
      await waitOrTell(page, card);
      await photographOn(page, 'counter-live-business-permits', device);

      await card.getByRole('link', { name: /Flexibele bedrijfsvergunning/ }).click();
      await page.waitForURL(/\/vergunningen\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Vergunning beëindigen' }).click();
      await page
        .locator('#counter-end')
        .getByRole('button', { name: 'Vergunning beëindigen' })
        .click();
      await page
        .getByRole('dialog', { name: 'Vergunning beëindigen?' })
        .getByRole('button', { name: 'Ja, beëindigen' })
        .click();
      await page.getByText('Uw vergunning is beëindigd.').waitFor();
      await page.context().close();
    }, 120_000);
  });
});
