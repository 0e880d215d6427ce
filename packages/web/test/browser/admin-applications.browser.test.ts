import type { Page } from 'playwright-core';
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

const oudstadAdmin = 'beheer@oudstad.demo.parkeer.nl';
const bram = 'bram@demo.parkeer.nl';

const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`;

/**
 * Bram applies at the counter for Oudstad's resident permit with a lease car (an official
 * decides) and pays at the simulated bank: the application then waits, paid, in the queue.
 */
async function paidApplicationForReview(page: Page, plate: string, addressKey: string) {
  const { checkoutUrl } = await applyInPage(page, {
    productTypeCode: 'resident-permit',
    addressKey,
    plates: [{ plate }],
    reviewCase: 'other',
    explanation: 'Ik rijd een deelauto van de buurtvereniging.',
  });
  await payAtSimulatedBank(page, checkoutUrl);
}

describe('the back office decides counter applications, in chromium', () => {
  const env = useChromiumPlatform();

  it('lists the paid applications waiting for review, refuses one with a reason and grants another (docs/rules.md §1)', async () => {
    const resident = await openPage(env.browser, env.platform);
    await logIn(resident, env.platform, bram);
    await paidApplicationForReview(resident, 'GB-201-K', 'oudstad-noord-1');
    await paidApplicationForReview(resident, 'GB-202-K', 'oudstad-markt-3');

    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, oudstadAdmin);
    await admin.getByRole('link', { name: 'Loketaanvragen' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Loketaanvragen' }).waitFor();
    const rows = admin.getByTestId('application-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await admin.getByText('2 van 2 getoond').count()).toBe(1);
    await photographBoth(admin, 'admin-applications-queue');

    // The newest first: the second application, on GB-202-K. Refused with a reason.
    await rows.first().getByRole('link').click();
    await admin.getByRole('heading', { level: 1, name: /Bewonersvergunning/ }).waitFor();
    expect(await admin.locator('dd.plate').innerText()).toBe('GB-202-K');
    expect(await admin.getByText('Ik rijd een deelauto van de buurtvereniging.').count()).toBe(1);
    await admin.locator('.admin-applications__status', { hasText: 'Te beoordelen' }).waitFor();
    // Paid at the simulated bank, by iDEAL: the official sees how.
    expect(await admin.getByTestId('application-payment').innerText()).toBe('betaald (iDEAL)');
    await photographBoth(admin, 'admin-application-review');

    const decide = admin.getByTestId('decide');
    await decide.getByRole('button', { name: 'Afwijzen' }).click();
    // Without a reason the refusal is not even asked.
    await decide.getByText('Schrijf waarom de aanvraag wordt afgewezen.').first().waitFor();
    await decide
      .getByLabel('Reden')
      .fill('Een deelauto geeft geen recht op een bewonersvergunning.');
    await decide.getByRole('button', { name: 'Afwijzen' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Aanvraag afwijzen?' });
    await dialog.getByText(/wordt terugbetaald/).waitFor();
    await dialog.getByRole('button', { name: 'Ja, afwijzen' }).click();
    await admin.getByText(/De aanvraag is afgewezen en het bedrag wordt terugbetaald/).waitFor();
    await admin.locator('.admin-applications__status', { hasText: 'Afgewezen' }).waitFor();
    expect(
      await admin.getByText('Een deelauto geeft geen recht op een bewonersvergunning.').count(),
    ).toBe(1);
    expect(await admin.getByTestId('decide').count()).toBe(0);
    // The refusal letter, made with the decision: downloadable, and mailed again on request.
    await admin.getByRole('link', { name: 'Besluit: afgewezen' }).waitFor();
    await admin.getByRole('button', { name: 'Besluit: afgewezen: opnieuw mailen' }).click();
    await admin.getByText('De brief is opnieuw gemaild aan de aanvrager.').waitFor();
    await photographBoth(admin, 'admin-application-refused');

    // Back in the queue only the other one waits; granting it puts the right on its plate.
    await admin.getByRole('link', { name: '← Terug naar de aanvragen' }).click();
    await admin.getByText('1 van 1 getoond').waitFor();
    await rows.first().getByRole('link').click();
    await admin.locator('dd.plate', { hasText: 'GB-201-K' }).waitFor();
    await admin.getByTestId('decide').getByRole('button', { name: 'Verlenen' }).click();
    await admin
      .getByRole('dialog', { name: 'Vergunning verlenen?' })
      .getByRole('button', { name: 'Ja, verlenen' })
      .click();
    await admin.getByText('De vergunning is verleend; de aanvrager krijgt de brief.').waitFor();
    await admin.getByRole('link', { name: 'Naar de vergunning' }).waitFor();

    const officer = await openPage(env.browser, env.platform);
    await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
    const checked = await graphqlIn<{ rightCheck: { valid: boolean } }>(officer, rightCheck, {
      input: { plate: 'GB-201-K', zone: 'centrum', municipality: 'oudstad' },
    });
    expect(checked.rightCheck.valid).toBe(true);
    const refused = await graphqlIn<{ rightCheck: { valid: boolean } }>(officer, rightCheck, {
      input: { plate: 'GB-202-K', zone: 'centrum', municipality: 'oudstad' },
    });
    expect(refused.rightCheck.valid).toBe(false);
    for (const page of [resident, admin, officer]) await page.context().close();
  });

  it("lists a permit's letters on its back-office page, the ended letter too, which no application shows, and mails one again to the holder; an ended permit offers no changes (docs/rules.md §1 Letters, early end refund)", async () => {
    const resident = await openPage(env.browser, env.platform);
    await logIn(resident, env.platform, bram);
    const { checkoutUrl } = await applyInPage(resident, {
      productTypeCode: 'resident-permit',
      addressKey: 'oudstad-noord-1',
      plates: [{ plate: 'GB-209-K' }],
    });
    await payAtSimulatedBank(resident, checkoutUrl);
    const { counterPermits } = await graphqlIn<{
      counterPermits: { id: string; plates: string[] }[];
    }>(resident, '{ counterPermits { id plates } }');
    const permitId = counterPermits.find((permit) => permit.plates.includes('GB-209-K'))!.id;
    const { endPermit } = await graphqlIn<{ endPermit: { __typename: string } }>(
      resident,
      'mutation ($input: EndPermitInput!) { endPermit(input: $input) { __typename } }',
      { input: { permitId, idempotencyKey: crypto.randomUUID() } },
    );
    expect(endPermit.__typename).toBe('PermitEnded');

    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, oudstadAdmin);
    await admin.goto(`/beheer/vergunningen/${permitId}`);
    // Ended at the counter: over for good, so nothing to block, re-plate or revoke.
    await admin
      .getByText('Deze vergunning is beëindigd: er valt niets meer aan te wijzigen.')
      .waitFor();
    expect(await admin.locator('.admin-permits__status').textContent()).toBe('Status: Beëindigd');
    expect(await admin.getByRole('button', { name: /^(Blokkeren|Intrekken)/ }).count()).toBe(0);
    const letters = admin.getByTestId('admin-letters');
    await letters.getByRole('link', { name: 'Besluit: beëindigd' }).waitFor();
    expect(await letters.getByRole('link').allInnerTexts()).toEqual([
      'Besluit: verleend',
      'Besluit: beëindigd',
    ]);
    await letters.getByRole('button', { name: 'Besluit: beëindigd: opnieuw mailen' }).click();
    await letters
      .getByText('De brief is opnieuw gemaild aan de houder van de vergunning.')
      .waitFor();
    await photographBoth(admin, 'admin-permit-letters');
    for (const page of [resident, admin]) await page.context().close();
  });

  it('edits a product’s counter settings and the town’s fee, checked by the domain first (docs/rules.md §1, counter settings)', async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, oudstadAdmin);
    await admin.goto('/beheer/instellingen');
    const fee = admin.getByLabel('Leges per aanvraag (€)');
    expect(await fee.inputValue()).toBe('5,90');
    await fee.fill('6,25');
    await admin.getByRole('button', { name: 'Leges opslaan' }).click();
    await admin.getByText('De leges zijn opgeslagen.').waitFor();
    await photographBoth(admin, 'admin-town-fee');

    await admin.goto('/beheer/producten');
    await admin.getByRole('link', { name: /Bewonersvergunning/ }).click();
    const form = admin.getByTestId('product-settings');
    const price = form.getByLabel('Prijs per periode (€)');
    expect(await price.inputValue()).toBe('96');
    await form.getByLabel('Periode', { exact: true }).selectOption('month');
    await form.getByLabel('Verlengen vanaf (dagen voor het einde)').fill('40');
    await form.getByRole('button', { name: 'Instellingen opslaan' }).click();
    // The domain's rule in the browser: a window longer than the shortest month is refused.
    const summary = form.getByTestId('error-summary');
    await summary.getByText(/Verlengen vanaf/).waitFor();
    await form.getByLabel('Verlengen vanaf (dagen voor het einde)').fill('14');
    await price.fill('8,50');
    await form.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await form.getByText(/De instellingen zijn opgeslagen/).waitFor();
    await photographBoth(admin, 'admin-product-counter');
    await admin.context().close();
  });
});
