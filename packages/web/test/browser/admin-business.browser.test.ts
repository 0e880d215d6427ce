import { describe, expect, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  logIn,
  openPage,
  photographBoth,
  useChromiumPlatform,
} from './browser.js';
import { applyInPage, payAtSimulatedBank } from './counter-applications.js';

const delftAdmin = 'beheer@delft.demo.parkeer.nl';
const bakery = 'bakkerij@demo.parkeer.nl';
// The bakery's establishment at Markt 7 in the KvK fake (src/registry-fakes/kvk-fake.ts).
const markt = '000090000122';

const myProducts = `{ productGroups { products { id kind } } }`;
const register = `mutation ($input: RegisterFlexPlateInput!) { registerFlexPlate(input: $input) {
  __typename } }`;
const auditLog = `query ($subjectId: ID!) { auditLog(filter: { subjectId: $subjectId }) {
  edges { node { action after } } } }`;

/**
 * The back office's screens for issue 17's settings: a zone's emission rule (docs/rules.md §2
 * emission rule), a business application's establishment in the counter's queue, and a business
 * permit's establishment and a flexible permit's list and registration (docs/rules.md §5).
 */
describe('the back office on emission rules and business permits, in chromium', () => {
  const env = useChromiumPlatform();

  it("shows and edits a zone's emission rule, refusing a class beyond Euro 7 beside its fuel (docs/rules.md §2 emission rule)", async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, delftAdmin);
    await admin.goto('/beheer/zones');
    await admin.getByRole('link', { name: /^B · / }).click();
    const form = admin.getByRole('form', { name: 'Emissie-eis voor vergunningen' });
    // The demo's zone B admits diesel from Euro 6.
    await form.getByText('Nu geldt: Diesel vanaf Euro 6.').waitFor();
    expect(await form.getByLabel('Diesel: laagste Euroklasse').inputValue()).toBe('6');
    expect(await form.getByLabel('Benzine: laagste Euroklasse').inputValue()).toBe('');

    await form.getByLabel('Benzine: laagste Euroklasse').fill('9');
    await form.getByLabel('LPG: laagste Euroklasse').fill('vier');
    await form.getByRole('button', { name: 'Emissie-eis opslaan' }).click();
    await form.getByText('Dit is te groot (ten hoogste 7).').first().waitFor();
    await form.getByText('Dit moet een heel getal groter dan 0 zijn.').first().waitFor();
    await photographBoth(admin, 'admin-zone-emission-refused');

    await form.getByLabel('Benzine: laagste Euroklasse').fill('4');
    await form.getByLabel('LPG: laagste Euroklasse').fill('');
    await form.getByRole('button', { name: 'Emissie-eis opslaan' }).click();
    await form.getByText('De emissie-eis is opgeslagen.').waitFor();
    await form.getByText('Nu geldt: Benzine vanaf Euro 4, Diesel vanaf Euro 6.').waitFor();
    await photographBoth(admin, 'admin-zone-emission');
    const zoneId = new URL(admin.url()).pathname.split('/').pop()!;
    const { auditLog: log } = await graphqlIn<{
      auditLog: { edges: { node: { action: string; after: unknown } }[] };
    }>(admin, auditLog, { subjectId: zoneId });
    expect(log.edges.map((edge) => edge.node)).toContainEqual({
      action: 'zone.emissionRule.set',
      after: { minimumEuroClass: { petrol: 4, diesel: 6 } },
    });

    // Every field empty: the zone has no rule any more.
    await form.getByLabel('Benzine: laagste Euroklasse').fill('');
    await form.getByLabel('Diesel: laagste Euroklasse').fill('');
    await form.getByRole('button', { name: 'Emissie-eis opslaan' }).click();
    await form.getByText('De emissie-eis is verwijderd.').waitFor();
    await form.getByText('Nu geldt er geen emissie-eis.').waitFor();
    await admin.context().close();
  });

  it("shows a business application's establishment in the queue and on its page, and on the permit granted (docs/rules.md §2 business permits)", async () => {
    const business = await openPage(env.browser, env.platform);
    await logIn(business, env.platform, bakery);
    const { checkoutUrl } = await applyInPage(business, {
      productTypeCode: 'business-permit',
      addressKey: 'delft-markt-7',
      establishmentNumber: markt,
      plates: [{ plate: '56-GHJ-7' }],
      reviewCase: 'other',
      explanation: 'Onze bestelbus rijdt ook voor de vestiging aan de Kerkstraat.',
    });
    await payAtSimulatedBank(business, checkoutUrl);

    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, delftAdmin);
    await admin.getByRole('link', { name: 'Loketaanvragen' }).click();
    const row = admin.getByTestId('application-row').filter({ hasText: 'Bedrijfsvergunning' });
    await row.waitFor();
    expect(await row.getByTestId('application-establishment').innerText()).toBe(markt);
    await photographBoth(admin, 'admin-applications-business');

    await row.getByRole('link').click();
    await admin.getByRole('heading', { level: 1, name: /Bedrijfsvergunning/ }).waitFor();
    expect(await admin.getByTestId('application-establishment').innerText()).toBe(markt);
    await photographBoth(admin, 'admin-application-business');

    await admin.getByTestId('decide').getByRole('button', { name: 'Verlenen' }).click();
    await admin
      .getByRole('dialog', { name: 'Vergunning verlenen?' })
      .getByRole('button', { name: 'Ja, verlenen' })
      .click();
    await admin.getByRole('link', { name: 'Naar de vergunning' }).click();
    await admin.getByTestId('permit-facts').waitFor();
    expect(await admin.getByTestId('permit-establishment').innerText()).toBe(markt);
    // Not a flexible permit: no list.
    expect(await admin.getByTestId('permit-flex').count()).toBe(0);
    await photographBoth(admin, 'admin-permit-business');
    for (const page of [business, admin]) await page.context().close();
  });

  it("shows a flexible business permit's list and today's registration read-only (docs/rules.md §5, The flexible business permit)", async () => {
    const business = await openPage(env.browser, env.platform);
    await logIn(business, env.platform, bakery);
    const { productGroups } = await graphqlIn<{
      productGroups: { products: { id: string; kind: string }[] }[];
    }>(business, myProducts);
    const flexible = productGroups
      .flatMap((group) => group.products)
      .find((product) => product.kind === 'flexibleBusinessPermit')!;
    const { registerFlexPlate } = await graphqlIn<{ registerFlexPlate: { __typename: string } }>(
      business,
      register,
      { input: { permitId: flexible.id, plate: 'GHJ12K', idempotencyKey: crypto.randomUUID() } },
    );
    expect(registerFlexPlate.__typename).toBe('SessionAccepted');

    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, delftAdmin);
    await admin.goto(`/beheer/vergunningen/${flexible.id}`);
    const flex = admin.getByTestId('permit-flex');
    // The platform's clock starts Monday 10:00 in Amsterdam and runs on: registered a minute or
    // two after ten, until zone H's paid hours end at 18:00.
    expect(await flex.getByTestId('flex-registration').innerText()).toMatch(
      /^GHJ-12-K, 10:\d\d–18:00 \(loopt\)$/,
    );
    await flex.getByText('3 kentekens op de lijst (ten hoogste 10)').waitFor();
    const rows = flex.getByTestId('flex-plates').locator('li');
    expect(await rows.allInnerTexts()).toEqual([
      // By name, as the business sees its list.
      '89-KBN-2 Leverancier meel · Bezoeker',
      'GHJ-12-K Sanne (ma–wo) · Medewerker Vandaag geregistreerd',
      '4-TXL-89 Youssef (do–za) · Medewerker',
    ]);
    // Read-only: no button in the section; issued without an application, no establishment.
    expect(await flex.getByRole('button').count()).toBe(0);
    expect(await admin.getByTestId('permit-establishment').innerText()).toBe(
      'Geen vestiging vastgelegd',
    );
    await photographBoth(admin, 'admin-permit-flex');
    for (const page of [business, admin]) await page.context().close();
  });
});
