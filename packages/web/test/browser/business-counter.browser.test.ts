import { describe, expect, it } from 'vitest';
import {
  desktop,
  devices,
  followMenuLink,
  logIn,
  openPage,
  photographOn,
  useChromiumPlatform,
  type Device,
} from './browser.js';
import { downloadLetter, rightCheckIn, signInWithBroker, waitOrTell } from './counter-flow.js';

/**
 * The plates each device's flow uses: both flows share the platform and the bakery (Delft sells
 * two business permits per establishment), and a plate holds one permit's right.
 */
const plates = {
  phone: { plate: '12-ABC-3', newPlate: '34-DEF-5' },
  desktop: { plate: '56-GHJ-7', newPlate: '78-KLN-9' },
} as const;

/** A plate as the right-check takes it: without its dashes. */
const bare = (plate: string) => plate.replaceAll('-', '');

/**
 * A business at the permit counter (docs/rules.md §2 business permits), on a phone and on a
 * desktop: signed in with the demo's Test-eHerkenning, it sees its establishments as the business
 * registry (KvK, the demo's fake) lists them, picks one instead of typing an address, and applies
 * for Delft's business permit there; an establishment outside the zones says it cannot be applied
 * for.
 */
describe('a business applies per establishment at the permit counter, in chromium', () => {
  const env = useChromiumPlatform();

  describe.each(devices)('on a $name', (device: Device) => {
    const { plate, newPlate } = plates[device.name];

    it('signs in with eHerkenning, picks an establishment from KvK, applies for the business permit with a plate, pays, is granted with the letter, changes the plate and ends it with the refund in the history', async () => {
      const page = await openPage(env.browser, env.platform, device);
      await signInWithBroker(page, 'eHerkenning', 'Gemeente Delft', /^Bakkerij De Korenschoof/);
      await followMenuLink(page, 'Vergunning aanvragen');

      const establishments = page.getByTestId('business-establishment');
      await waitOrTell(page, establishments.first(), 30_000);
      expect(await establishments.count()).toBe(3);
      const atelier = establishments.filter({ hasText: 'Bakkerij-atelier' });
      expect(await atelier.innerText()).toContain('Niet in een vergunningszone');
      expect(await atelier.getByRole('button').count()).toBe(0);
      // The 12-digit establishment number stays on one line, on a phone too.
      const number = atelier.locator('dd').nth(1);
      expect(await number.innerText()).toBe('000090000123');
      const lineHeight = await number.evaluate((dd) => parseFloat(getComputedStyle(dd).lineHeight));
      expect((await number.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
      await photographOn(page, 'counter-business-establishments', device);

      await page
        .getByRole('button', { name: 'Kies deze vestiging: Bakkerij De Korenschoof', exact: true })
        .click();
      await waitOrTell(page, page.getByTestId('counter-address'), 30_000);
      expect(await page.getByTestId('counter-address').innerText()).toContain(
        'Gekozen vestiging: Kerkstraat 5, Delft',
      );
      const offer = page.getByTestId('permit-offer').filter({ hasText: /^Bedrijfsvergunning/ });
      await waitOrTell(page, offer, 30_000);
      expect(await offer.getByTestId('offer-price').innerText()).toMatch(
        /^€\s114,80 per kwartaal$/,
      );
      await photographOn(page, 'counter-business-offers', device);
      await offer
        .getByRole('button', { name: 'Bedrijfsvergunning aanvragen', exact: true })
        .click();

      await page
        .getByLabel(/^Kenteken/)
        .first()
        .fill(plate);
      await page.getByLabel(/^E-mailadres/).fill('info@korenschoof.example');
      await page.getByRole('button', { name: 'Verder naar controleren' }).click();
      await waitOrTell(page, page.getByTestId('counter-review'), 30_000);
      expect(await page.getByTestId('review-total').innerText()).toMatch(/^€\s120,70$/);
      await photographOn(page, 'counter-business-review', device);
      await page.getByRole('button', { name: /€\s120,70 betalen met iDEAL/ }).click();
      await page.waitForURL(/\/betalen\/simulatie\//);
      await page.getByRole('button', { name: 'Betalen' }).click();
      await page.waitForURL(/\/loket\/aanvraag\//);
      await waitOrTell(
        page,
        page.getByTestId('application-outcome').getByRole('heading', {
          name: 'Uw vergunning is verleend',
        }),
        30_000,
      );

      // The right is on the plate in the establishment's zone at once.
      const officer = await openPage(env.browser, env.platform, desktop);
      await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
      const valid = rightCheckIn(officer, { zone: 'H', municipality: 'delft' });
      expect(await valid(bare(plate))).toBe(true);

      // The letter to download, as a resident's (docs/rules.md §1 Letters).
      const granted = await downloadLetter(page, 'granted');
      expect(granted).toContain('Uw parkeervergunning is verleend');
      expect(granted).toContain('Bedrijfsvergunning');
      expect(granted).toContain(plate);
      await photographOn(page, 'counter-business-granted', device);

      // Another plate: free in Delft, so at once, and the old plate's right ends with it
      // (docs/rules.md §1 plate change).
      await page.getByRole('link', { name: 'Naar de vergunning' }).click();
      await page.waitForURL(/\/vergunningen\/[0-9a-f-]{36}$/);
      const permitId = /\/vergunningen\/([0-9a-f-]{36})$/.exec(page.url())![1];
      await page.getByRole('button', { name: 'Kenteken wijzigen' }).click();
      await page.getByText('Wijzigen is gratis.').waitFor();
      await page.getByLabel(/^Nieuw kenteken/).fill(newPlate);
      await page.getByRole('button', { name: 'Kenteken wijzigen', exact: true }).last().click();
      await waitOrTell(page, page.getByText(`De vergunning geldt nu voor ${newPlate}.`));
      expect([await valid(bare(newPlate)), await valid(bare(plate))]).toEqual([true, false]);
      await photographOn(page, 'counter-business-plate-changed', device);
      const changed = await downloadLetter(page, 'changed');
      expect(changed).toContain('Het kenteken op uw parkeervergunning is gewijzigd');
      expect(changed).toContain(newPlate);

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
      expect(await valid(bare(newPlate))).toBe(false);
      const ended = await downloadLetter(page, 'ended');
      expect(ended).toContain('Uw parkeervergunning is beëindigd');
      await page.goto(`/producten/${permitId}/geschiedenis`);
      await page.getByRole('tab', { name: /^Transacties/ }).click();
      const refunds = page
        .getByTestId('transaction-history')
        .locator('dt', { hasText: /^Terugbetaald$/ })
        .locator('xpath=following-sibling::dd[1]');
      await expect.poll(() => refunds.allInnerTexts(), { timeout: 10_000 }).toEqual([refund]);
      // The free plate change says so, not "paid € 0,00"; the application's price is a payment.
      const titles = await page
        .getByTestId('transaction-history')
        .locator('.card__title')
        .allInnerTexts();
      expect(titles.filter((title) => title.startsWith('Vergunning, zonder kosten'))).toHaveLength(
        1,
      );
      expect(titles.filter((title) => title.startsWith('Vergunning betaald'))).toHaveLength(1);
      expect(await page.getByTestId('transaction-money').allInnerTexts()).not.toContainEqual(
        expect.stringMatching(/^€\s0,00$/),
      );
      await photographOn(page, 'counter-business-history', device);
      await officer.context().close();
      await page.context().close();
    }, 240_000);
  });
});
