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

describe('a new PIN by letter in chromium (docs/rules.md §6, "A new PIN by letter")', () => {
  const env = useChromiumPlatform();

  it('asks for a new PIN from the registration sign-in page, by number alone, and says what happens without saying whether the number exists', async () => {
    const letter = env.platform.letters.find((l) => l.what.startsWith('visitor-permit'));
    expect(letter, 'a demo letter of a visitor permit').toBeDefined();
    const number = letter!.code.replace(/^PK/, '');
    const page = await openPage(env.browser, env.platform, phone);
    await page.clock.install({ time: env.platform.now() });

    await page.goto('/inloggen-met-pincode');
    await page
      .getByRole('heading', { level: 1, name: 'Inloggen met registratienummer en pincode' })
      .waitFor();
    // The number typed to sign in is taken along.
    await page.getByLabel('Registratienummer').fill(number);
    await page
      .getByRole('button', { name: 'PIN vergeten? Vraag een nieuwe aan per brief' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Nieuwe pincode per brief' }).waitFor();
    const forgotten = page.locator('#pin-forgotten');
    expect(await forgotten.getByLabel('Registratienummer').inputValue()).toBe(number);
    await photographBoth(page, 'registration-pin-forgotten');

    await forgotten.getByRole('button', { name: 'Brief met nieuwe pincode aanvragen' }).click();
    await page.getByText('Uw aanvraag is ontvangen.', { exact: false }).waitFor();
    await photographBoth(page, 'registration-pin-forgotten-sent');

    // The old PIN stopping and the letter's PIN working: new-pin-letter.test.ts in the API.
    await page.close();
  });

  it('sends a new PIN by letter from the back-office permit page after a confirmation', async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    const { adminPermits } = await graphqlIn<{
      adminPermits: { edges: { node: { id: string; kind: string } }[] };
    }>(admin, '{ adminPermits(search: "anna@demo.parkeer.nl") { edges { node { id kind } } } }');
    const visitor = adminPermits.edges.find((edge) => edge.node.kind === 'visitorPermit');
    expect(visitor, "Anna's visitor permit").toBeDefined();
    await admin.goto(`/beheer/vergunningen/${visitor!.node.id}`);
    const button = admin.getByRole('button', { name: 'Nieuwe pincode per brief' });
    await button.waitFor();
    await button.scrollIntoViewIfNeeded();
    await photographBoth(admin, 'admin-permit-new-pin');
    await button.click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('De oude pincode werkt direct niet meer', { exact: false }).waitFor();
    await photographBoth(admin, 'admin-permit-new-pin-confirm');
    await dialog.getByRole('button', { name: 'Brief sturen' }).click();
    await admin.getByText('De brief met de nieuwe pincode is verstuurd.').waitFor();
    await photographBoth(admin, 'admin-permit-new-pin-sent');
    await admin.close();
  });

  it("offers the holder a new PIN by letter on the visitor permit's page, and says in words when today's letter has gone", async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    const { counterPermits } = await graphqlIn<{
      counterPermits: { id: string; kind: string }[];
    }>(page, '{ counterPermits { id kind } }');
    const visitor = counterPermits.find((permit) => permit.kind === 'visitorPermit');
    expect(visitor, "Anna's visitor permit").toBeDefined();
    await page.goto(`/vergunningen/${visitor!.id}`);
    const button = page.getByRole('button', { name: 'Nieuwe pincode per brief' });
    await button.waitFor();
    await button.scrollIntoViewIfNeeded();
    await photographBoth(page, 'permit-new-pin');
    await button.click();
    // The admin sent today's letter above: one a day per permit, said in those words.
    await page
      .getByText('U kunt één brief met een nieuwe pincode per dag aanvragen', { exact: false })
      .waitFor();
    // The admin's letter is listed with the permit's letters, named in words.
    await page.getByRole('link', { name: /^Nieuwe pincode van / }).waitFor();
    await photographBoth(page, 'permit-new-pin-once-a-day');
    await page.close();
  });
});
