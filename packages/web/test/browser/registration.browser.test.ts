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

describe('sign-in with a registration number and PIN in chromium (docs/rules.md §6, "Sign-in with registration number and PIN")', () => {
  const env = useChromiumPlatform();

  it('signs in with the letter, shows the one permit, starts and stops a visit, changes the PIN, signs out and ends when idle', async () => {
    const letter = env.platform.letters.find((l) => l.what.startsWith('visitor-permit'));
    expect(letter, 'a demo letter of a visitor permit').toBeDefined();
    const number = letter!.code.replace(/^PK/, '');
    const page = await openPage(env.browser, env.platform, phone);
    await page.clock.install({ time: env.platform.now() });

    // The second way in, on the login page itself.
    await page.goto('/inloggen');
    const secondWay = page.getByRole('link', { name: 'Inloggen met registratienummer en pincode' });
    await secondWay.waitFor();
    await photographBoth(page, 'login-with-registration-link');
    await secondWay.click();
    await page
      .getByRole('heading', { level: 1, name: 'Inloggen met registratienummer en pincode' })
      .waitFor();
    const numberField = page.getByLabel('Registratienummer');
    const pinField = page.getByLabel('Pincode', { exact: true });
    expect(await numberField.getAttribute('inputmode')).toBe('numeric');
    expect(await pinField.getAttribute('inputmode')).toBe('numeric');
    expect(await pinField.getAttribute('type')).toBe('password');
    await page.getByLabel('Pincode laten zien').check();
    expect(await pinField.getAttribute('type')).toBe('text');
    await photographBoth(page, 'registration-sign-in');

    // A wrong PIN is said in plain words, with where to look.
    await numberField.fill(number);
    await pinField.fill(letter!.pin === '9999' ? '9998' : '9999');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page
      .getByText('Het registratienummer of de pincode klopt niet.', { exact: false })
      .waitFor();
    await photographBoth(page, 'registration-wrong-pin');

    await pinField.fill(letter!.pin);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw bezoekersvergunning' }).waitFor();
    await page.getByText(`Registratienummer ${number}`).waitFor();
    await page.getByTestId('registration-balance').waitFor();

    // The letter's permit has no balance yet: its town's admin credits care hours to it.
    const { registrationLogin } = await graphqlIn<{ registrationLogin: { permitId: string } }>(
      page,
      '{ registrationLogin { permitId } }',
    );
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    await graphqlIn(
      admin,
      'mutation ($input: GrantCareHoursInput!) { grantCareHours(input: $input) { __typename } }',
      {
        input: {
          permitId: registrationLogin.permitId,
          minutes: 600,
          carerStatement: 'Mantelzorgverklaring in het dossier',
          idempotencyKey: 'registration-browser-care-hours',
        },
      },
    );
    await admin.close();
    await page.reload();
    const balance = page.getByTestId('registration-balance');
    await expect.poll(() => balance.innerText()).not.toBe('0 min');
    await photographBoth(page, 'registration-home');

    // A visit for a typed plate: started, listed, stopped after a question.
    await page.getByLabel('Kenteken', { exact: true }).fill('gb-123-k');
    await page.getByRole('button', { name: 'Bezoek starten' }).click();
    const outcome = page.locator('.notice--success, .notice--error').first();
    await outcome.waitFor();
    const said = await outcome.innerText();
    expect(said).toContain('Het bezoek voor GB-123-K is gestart.');
    const stop = page.getByRole('button', { name: /Stoppen/ }).first();
    await stop.waitFor();
    await photographBoth(page, 'registration-visit-running');
    await stop.click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Stoppen|Ja/ })
      .click();
    await page
      .getByText(/gestopt/)
      .first()
      .waitFor();

    // The PIN: an easy one is refused in words, a good one is taken.
    // Its section opens from its summary; opened again should the stop's refresh close it.
    const pinSection = page.locator('details', {
      has: page.getByRole('heading', { name: 'Pincode wijzigen' }),
    });
    await expect
      .poll(async () => {
        if ((await pinSection.getAttribute('open')) === null) {
          await pinSection.locator('summary').click();
        }
        return page.getByLabel('Huidige pincode').isVisible();
      })
      .toBe(true);
    await page.getByLabel('Huidige pincode').fill(letter!.pin);
    await page.getByLabel('Nieuwe pincode').fill('1234');
    await page.getByRole('button', { name: 'Pincode wijzigen' }).click();
    await page.getByText(/te makkelijk te raden/).waitFor();
    await photographBoth(page, 'registration-pin-too-simple');
    await page.getByLabel('Huidige pincode').fill(letter!.pin);
    await page.getByLabel('Nieuwe pincode').fill('5827');
    await page.getByRole('button', { name: 'Pincode wijzigen' }).click();
    await page.getByText('Uw pincode is gewijzigd.', { exact: false }).waitFor();

    // Signing out, and in again with the new PIN.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Inloggen met registratienummer en pincode' })
      .waitFor();
    await page.getByLabel('Registratienummer').fill(number);
    await page.getByLabel('Pincode', { exact: true }).fill('5827');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw bezoekersvergunning' }).waitFor();

    // Fifteen minutes without doing anything: signed out, and told why.
    await page.clock.fastForward('15:01');
    await page.getByText(/U bent uitgelogd, omdat u 15 minuten niets heeft gedaan/).waitFor();
    await photographBoth(page, 'registration-idle-ended');
  }, 120_000);
});
