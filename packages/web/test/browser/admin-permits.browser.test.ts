import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  desktop,
  logIn,
  openPage,
  phone,
  photograph,
  photographBoth,
  graphqlIn,
  useChromiumPlatform,
} from './browser.js';
import { linkInMail } from './mail.js';

describe('the permits of the back office in chromium', () => {
  const env = useChromiumPlatform();

  /** The search page with `text` searched, as the admin types it. */
  async function search(page: Page, text: string): Promise<void> {
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill(text);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  }

  const results = (page: Page) => page.getByTestId('permit-result');

  it("finds anna's permit, shows its ledger, blocks and unblocks it", async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    await admin.getByRole('link', { name: 'Vergunningen' }).click();
    await admin.getByRole('heading', { name: 'Vergunningen', level: 1 }).waitFor();

    // By e-mail: anna's one permit, with what the card promises.
    await search(admin, 'anna@demo');
    await expect.poll(() => results(admin).count(), { timeout: 10_000 }).toBe(1);
    const card = results(admin).first();
    await card.getByText('Oude Delft 1, Delft').waitFor();
    await card.getByText('anna@demo.parkeer.nl').waitFor();
    await card.getByText('Actief').waitFor();
    await card.getByText('200 u').waitFor();
    // The search lives in the address: a reload shows the same results.
    expect(new URL(admin.url()).searchParams.get('zoek')).toBe('anna@demo');
    await admin.reload();
    await expect.poll(() => results(admin).count(), { timeout: 10_000 }).toBe(1);
    await expect(admin.getByRole('searchbox', { name: 'Zoeken' }).inputValue()).resolves.toBe(
      'anna@demo',
    );

    // By address: the uncoupled permit says so. By a plate no Delft permit has: nothing.
    await search(admin, 'phoenixstraat');
    await results(admin).getByText('nog niet gekoppeld').waitFor();
    await search(admin, 'GB-123-K');
    await admin.getByText('Geen vergunningen gevonden voor ‘GB-123-K’.').waitFor();
    // The part of the address all of Delft's permits share: more than one, each a card.
    await search(admin, 'delft');
    await expect.poll(() => results(admin).count(), { timeout: 10_000 }).toBe(4);
    await photographBoth(admin, 'admin-permits-search');

    // Back to anna's, by its product code from the card.
    await search(admin, 'anna@demo');
    const code = (await results(admin).first().getByRole('link').innerText()).split(' · ')[0]!;
    await search(admin, code.toLowerCase());
    await expect.poll(() => results(admin).count(), { timeout: 10_000 }).toBe(1);
    await results(admin).first().getByRole('link').click();
    await admin.getByRole('heading', { level: 1, name: `${code} · Bezoekersvergunning` }).waitFor();
    const facts = admin.getByTestId('permit-facts');
    await facts.getByText('delft-oude-delft-1').waitFor();
    await facts.getByText('geen einddatum').waitFor();
    const ledger = admin.getByTestId('permit-ledger');
    await ledger.getByText('Opwaardering').waitFor();
    await ledger.getByText('+200 u').waitFor();

    // Blocking asks for a reason first, then for a confirmation.
    await admin.getByRole('button', { name: 'Blokkeren…' }).click();
    await admin.getByText('Vul een reden in.').waitFor();
    await admin.getByLabel('Reden van de blokkade').fill('Misbruik gemeld door handhaving');
    await admin.getByRole('button', { name: 'Blokkeren…' }).click();
    const dialog = admin.getByRole('dialog', { name: `Vergunning ${code} blokkeren?` });
    await dialog.getByText('Misbruik gemeld door handhaving').waitFor();
    await photograph(admin, 'admin-permit-block-confirm-desktop');
    await dialog.getByRole('button', { name: 'Ja, blokkeren' }).click();
    await admin.getByRole('status').getByText('De vergunning is geblokkeerd.').waitFor();
    await admin.locator('h1 + .badge').getByText('Geblokkeerd').waitFor();
    await photographBoth(admin, 'admin-permit-blocked');

    await admin.getByRole('button', { name: 'Deblokkeren' }).click();
    await admin.getByRole('status').getByText('De vergunning is weer actief.').waitFor();
    await admin.locator('h1 + .badge').getByText('Actief').waitFor();

    // The back link returns to the search that found it.
    await admin.getByRole('link', { name: 'Terug naar de zoekresultaten' }).click();
    await expect.poll(() => new URL(admin.url()).searchParams.get('zoek')).toBe(code.toLowerCase());
    await results(admin).first().getByText('Actief').waitFor();

    // Both changes are in the audit log.
    await admin.goto('/beheer/logboek');
    await admin.getByText('Vergunning vrijgegeven').first().waitFor();
    await admin.getByText('Vergunning geblokkeerd').first().waitFor();
    await admin.context().close();
  });

  it('issues a visitor permit to a new address with code and PIN, and refuses a second', async () => {
    const admin = await openPage(env.browser, env.platform, phone);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    await admin.goto('/beheer/vergunningen');
    await admin.getByRole('link', { name: 'Vergunning uitgeven' }).click();
    await admin.getByRole('heading', { name: 'Vergunning uitgeven', level: 1 }).waitFor();

    // Nothing chosen: each problem beside its field.
    await admin.getByRole('button', { name: 'Vergunning uitgeven' }).click();
    await admin.getByText('Niet uitgegeven: bekijk de gemarkeerde velden.').waitFor();
    const product = admin.getByLabel('Product (verplicht)', { exact: true });
    await expect(product.getAttribute('aria-invalid')).resolves.toBe('true');
    await admin.locator('#issue-productType-error').getByText('Kies een product.').waitFor();
    const email = admin.getByLabel('E-mailadres voor de koppellink');
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await admin.locator('#issue-email-error').getByText('Vul een geldig e-mailadres in.').waitFor();
    await admin.locator('#issue-address-error').getByText('Zoek eerst het adres op.').waitFor();
    await photographBoth(admin, 'admin-permit-issue-refused');

    // The address by postcode and house number: an unknown one says so, a known one fills the
    // address and chooses its zone.
    const lookUp = async (postcode: string, houseNumber: string, addition = '') => {
      await admin.getByLabel('Postcode').fill(postcode);
      await admin.getByLabel('Huisnummer').fill(houseNumber);
      await admin.getByLabel('Toevoeging (optioneel)').fill(addition);
      await admin.getByRole('button', { name: 'Adres zoeken' }).click();
    };
    await lookUp('2611 BA', '2');
    await admin.getByText(/^Geen adres gevonden met deze postcode/).waitFor();
    await admin.getByLabel('Postcode').fill('2611');
    await admin.getByRole('button', { name: 'Adres zoeken' }).click();
    await admin
      .locator('#issue-postcode-error')
      .getByText('Vul een postcode in als 2611 HA.')
      .waitFor();
    const fill = async (postcode: string, houseNumber: string, addition: string, mail: string) => {
      await product.selectOption({ label: 'Bezoekersvergunning' });
      await lookUp(postcode, houseNumber, addition);
      await admin
        .getByTestId('address-outcome')
        .getByText(/^Gevonden: /)
        .waitFor();
      await email.fill(mail);
      await admin.getByRole('button', { name: 'Vergunning uitgeven' }).click();
    };
    await product.selectOption({ label: 'Bezoekersvergunning' });
    await lookUp('2611gs', '7', 'a');
    await admin
      .getByTestId('address-outcome')
      .getByText('Gevonden: Markt 7A, Delft, in zone D · Parkeergebied D.')
      .waitFor();
    await expect(admin.getByLabel('Zone (verplicht)', { exact: true }).inputValue()).resolves.toBe(
      'D',
    );
    await photographBoth(admin, 'admin-permit-issue-address-found');
    await fill('2611gs', '7', 'a', 'nieuw.bewoner@example.nl');
    const letter = admin.getByTestId('issued-letter');
    await letter.waitFor();
    const code = await admin.getByTestId('issued-code').innerText();
    expect(code).toMatch(/^PK\d{8}$/);
    expect(await admin.getByTestId('issued-pin').innerText()).toMatch(/^\d{4}$/);
    await admin
      .getByText('Er is een e-mail met een koppellink gestuurd naar nieuw.bewoner@example.nl.')
      .waitFor();
    await admin.getByText(/wordt maar één keer getoond/).waitFor();
    await photographBoth(admin, 'admin-permit-issued');
    // The mail the page speaks of was sent, with its coupling link.
    await linkInMail(env.platform, 'nieuw.bewoner@example.nl', '/product-koppelen');

    // The new permit: not coupled yet, no balance.
    await admin.getByRole('link', { name: 'Naar de nieuwe vergunning' }).click();
    await admin.getByRole('heading', { level: 1, name: `${code} · Bezoekersvergunning` }).waitFor();
    await admin.getByTestId('permit-facts').getByText('nog niet gekoppeld').waitFor();
    await admin.getByText('Nog geen transacties op deze vergunning.').waitFor();

    // A second visitor permit at anna's address is refused, and the form keeps what was typed.
    await admin.goto('/beheer/vergunningen/uitgeven');
    await fill('2611BA', '1', '', 'tweede@example.nl');
    await admin
      .getByRole('alert')
      .getByText('Op dit adres is al een Bezoekersvergunning; per adres is er maar één.')
      .waitFor();
    await expect(admin.getByLabel('Postcode').inputValue()).resolves.toBe('2611BA');
    await admin.getByText('Gevonden: Oude Delft 1, Delft, in zone B · Binnenstad.').waitFor();
    await photograph(admin, 'admin-permit-issue-taken-phone');
    await admin.context().close();
  });

  it('revokes a permit after a confirmation that its sessions end, and says what is refunded', async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    await admin.goto('/beheer/vergunningen?zoek=bram%40demo');
    await results(admin).first().getByRole('link').click();
    await admin.waitForURL(/\/beheer\/vergunningen\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { level: 1, name: /Bezoekersvergunning/ }).waitFor();
    const permitId = new URL(admin.url()).pathname.split('/').pop()!;

    // Bram parks a visitor for an hour.
    const bram = await openPage(env.browser, env.platform, phone);
    await logIn(bram, env.platform, 'bram@demo.parkeer.nl');
    const started = await graphqlIn<{ startSession: { __typename: string } }>(
      bram,
      `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`,
      {
        input: {
          productId: permitId,
          plate: 'GB-456-K',
          end: new Date(env.platform.now().getTime() + 60 * 60_000).toISOString(),
          idempotencyKey: crypto.randomUUID(),
        },
      },
    );
    expect(started.startSession.__typename).toBe('SessionAccepted');
    await admin.reload();
    await admin.getByTestId('permit-open-sessions').getByText('1').waitFor();

    await admin.getByRole('button', { name: 'Intrekken…' }).click();
    await admin.getByText('Kies een reden.').waitFor();
    await admin.getByLabel('Verhuisd naar een adres zonder betaald parkeren').check();
    await admin.getByRole('button', { name: 'Intrekken…' }).click();
    const dialog = admin.getByRole('dialog', { name: /intrekken\?$/ });
    await dialog.getByText('De 1 geplande of lopende sessie wordt nu beëindigd.').waitFor();
    await dialog.getByText('Dit kan niet ongedaan worden gemaakt.').waitFor();
    await photograph(admin, 'admin-permit-revoke-confirm-desktop');
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();

    const outcome = admin.getByTestId('revocation');
    await outcome.getByText('De vergunning is ingetrokken.').waitFor();
    // Bram's demo balance was never paid for: what is refunded is worth nothing, in euros.
    await outcome.getByText(/Terug te betalen aan de houder: €\s?0,00\./).waitFor();
    await outcome.getByText('1 sessie beëindigd.').waitFor();
    await admin.locator('h1 + .badge').getByText('Ingetrokken').waitFor();
    await admin.getByTestId('permit-open-sessions').getByText('0').waitFor();
    await expect(admin.getByRole('button', { name: 'Blokkeren…' }).count()).resolves.toBe(0);
    await photographBoth(admin, 'admin-permit-revoked');
    await bram.context().close();
    await admin.context().close();
  });

  it("finds Oudstad's permit by plate and changes that plate, with the plate rules' answer beside it", async () => {
    const admin = await openPage(env.browser, env.platform, phone);
    await logIn(admin, env.platform, 'beheer@oudstad.demo.parkeer.nl');
    await admin.goto('/beheer/vergunningen');
    // As typed on a ticket: lower case, with dashes.
    await search(admin, 'xx-999-x');
    await expect.poll(() => results(admin).count(), { timeout: 10_000 }).toBe(1);
    await results(admin).first().getByText('XX-999-X').waitFor();
    await results(admin).first().getByRole('link').click();
    await admin.getByRole('heading', { level: 1, name: /Bewonersvergunning/ }).waitFor();

    const plate = admin.getByLabel('Nieuw kenteken');
    await plate.fill('ABC');
    await admin.getByRole('button', { name: 'Kenteken wijzigen' }).click();
    await admin
      .locator('#permit-plate-error')
      .getByText(/ABC is geen Nederlands kenteken/)
      .waitFor();
    await expect(plate.getAttribute('aria-invalid')).resolves.toBe('true');
    await photographBoth(admin, 'admin-permit-plate-refused');

    // A German plate, with its country.
    await plate.fill('B-MW-123');
    await admin.getByLabel('Land').selectOption({ label: 'Duitsland' });
    await admin.getByRole('button', { name: 'Kenteken wijzigen' }).click();
    await admin.getByRole('status').getByText('Het actieve kenteken is nu BMW123.').waitFor();
    await expect(plate.getAttribute('aria-invalid')).resolves.toBeNull();
    await admin.getByTestId('permit-facts').getByText('BMW123 (Duitsland)').waitFor();
    await admin.context().close();
  });
});
