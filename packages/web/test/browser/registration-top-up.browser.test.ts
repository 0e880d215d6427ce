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

/** The demo seed's PIN of a product code (PK100000 → 2001), as the phone simulator shows it. */
const demoPinOf = (productCode: string) =>
  String(1000 + ((Number(productCode.replace(/^PK/, '')) + 1) % 9000));

describe('top-ups and planned visits with a registration number and PIN in chromium (docs/rules.md §6, "Sign-in with registration number and PIN")', () => {
  const env = useChromiumPlatform();

  it("the town's admin allows it; the PIN home then tops up at the simulated bank and shows the new balance, and plans a visit for later and cancels it", async () => {
    // Bram's visitor permit: 45 hours, below Delft's 60, so 200 hours may be bought (§4).
    const bram = await openPage(env.browser, env.platform, desktop);
    await logIn(bram, env.platform, 'bram@demo.parkeer.nl');
    const { productGroups } = await graphqlIn<{
      productGroups: { products: { name: string; productCode: string | null }[] }[];
    }>(bram, '{ productGroups { products { name productCode } } }');
    const code = productGroups
      .flatMap((group) => group.products)
      .find((p) => p.name === 'Bezoekersvergunning')!.productCode!;
    await bram.close();

    const page = await openPage(env.browser, env.platform, phone);
    const signIn = async () => {
      await page.goto('/inloggen-met-pincode');
      await page.getByLabel('Registratienummer').fill(code.replace(/^PK/, ''));
      await page.getByLabel('Pincode', { exact: true }).fill(demoPinOf(code));
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Uw bezoekersvergunning' }).waitFor();
      await page.getByTestId('registration-balance').waitFor();
    };
    // By default the town does not allow it: the home has no top-up part.
    await signIn();
    await page.getByRole('heading', { name: 'Bezoek aanmelden' }).waitFor();
    await page.getByRole('heading', { name: 'Pincode wijzigen' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Saldo opwaarderen' }).count()).toBe(0);

    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    await admin.goto('/beheer/instellingen');
    await admin
      .getByRole('heading', { name: 'Opwaarderen met registratienummer en pincode' })
      .waitFor();
    const allowed = admin.getByRole('radio', { name: /^Toegestaan/ });
    expect(await admin.getByRole('radio', { name: /^Niet toegestaan/ }).isChecked()).toBe(true);
    await allowed.check();
    await admin.getByRole('button', { name: 'Keuze voor opwaarderen opslaan' }).click();
    await admin.getByText('De keuze is opgeslagen.', { exact: false }).waitFor();
    await admin
      .getByRole('heading', { name: 'Opwaarderen met registratienummer en pincode' })
      .scrollIntoViewIfNeeded();
    await photographBoth(admin, 'town-settings-registration-top-ups');
    await admin.close();

    await page.reload();
    await page.getByRole('heading', { name: 'Saldo opwaarderen' }).waitFor();
    expect(await page.getByTestId('registration-balance').innerText()).toBe('45 u');
    const offer = page.getByRole('radio', { name: '200 u tegoed voor € 19,35' });
    expect(await offer.isChecked()).toBe(true);
    await page.getByRole('heading', { name: 'Saldo opwaarderen' }).scrollIntoViewIfNeeded();
    await photographBoth(page, 'registration-top-up-offers');

    await page.getByRole('button', { name: '€ 19,35 betalen met iDEAL' }).click();
    await page.waitForURL(/\/betalen\/simulatie\//);
    await page.getByRole('button', { name: 'Betalen' }).click();

    // Back at the PIN home, not the account's result page: how it went, and the new balance.
    await page.waitForURL(/\/inloggen-met-pincode\?payment=/);
    const outcome = page.getByTestId('payment-outcome');
    await outcome.getByRole('heading', { name: 'Betaling gelukt' }).waitFor();
    expect(await outcome.getByTestId('balance-after').innerText()).toBe('245 u');
    await expect.poll(() => page.getByTestId('registration-balance').innerText()).toBe('245 u');
    // It comes first, under the balance, where the eye lands on return.
    const outcomeTop = (await outcome.boundingBox())!.y;
    const startTop = (await page.getByRole('heading', { name: 'Bezoek aanmelden' }).boundingBox())!
      .y;
    expect(outcomeTop).toBeLessThan(startTop);
    await photographBoth(page, 'registration-top-up-paid');

    // Done: the part shows why no more can be bought now (above 60 hours).
    await page.getByRole('button', { name: 'Klaar' }).click();
    await page
      .getByTestId('top-up-refusal')
      .getByText('U kunt opwaarderen als uw saldo 60 u of minder is.', { exact: false })
      .waitFor();
    expect(new URL(page.url()).search).toBe('');

    // A visit planned for tomorrow 10:00 to 12:00 (the town's clock), listed, then cancelled.
    const tomorrow = new Date(env.platform.now().getTime() + 24 * 3600_000).toLocaleDateString(
      'sv-SE',
      { timeZone: 'Europe/Amsterdam' },
    );
    await page.getByLabel('Kenteken', { exact: true }).fill('gb-123-k');
    await page.getByRole('radio', { name: 'Later (gepland)' }).check();
    await page.getByLabel('Begintijd').fill(`${tomorrow}T10:00`);
    await page.getByLabel('Eindtijd').fill(`${tomorrow}T12:00`);
    await page.getByRole('heading', { name: 'Bezoek aanmelden' }).scrollIntoViewIfNeeded();
    await photographBoth(page, 'registration-plan-visit');
    await page.getByRole('button', { name: 'Bezoek plannen' }).click();
    await page.getByText('Het bezoek voor GB-123-K is gepland.').waitFor();
    const cancel = page.getByRole('button', { name: 'Verwijderen' });
    await cancel.waitFor();
    expect(await page.getByRole('button', { name: /Stoppen/ }).count()).toBe(0);
    // The top-up part follows the balance the reservation lowered.
    await expect
      .poll(() => page.getByTestId('top-up-refusal').innerText())
      .toContain('Uw saldo is nu 243 u.');
    await cancel.scrollIntoViewIfNeeded();
    await photographBoth(page, 'registration-visit-planned');
    await cancel.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Geen sessies.').waitFor();
  }, 120_000);
});
