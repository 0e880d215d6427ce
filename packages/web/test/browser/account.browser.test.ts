import { describe, expect, it } from 'vitest';
import {
  contentSecurityViolations,
  desktop,
  graphqlIn,
  logIn,
  openPage,
  phone,
  photograph,
  useChromiumPlatform,
  type ChromiumPlatform,
} from './browser.js';
import { linkInMail } from './mail.js';

const loginMutation = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password, remember: false }) { expiresAt } }`;
const issueMutation = `mutation ($input: IssuePermitInput!) {
  issuePermit(input: $input) { productCode } }`;

/**
 * The Delft admin issues a visitor permit to an address, as the back office does; the API mails
 * the coupling link to `email`. Called from a page of its own, so the admin's login stays there.
 */
async function issueVisitorPermit(
  env: ChromiumPlatform,
  address: { key: string; label: string; zone: string },
  email: string,
): Promise<string> {
  const admin = await openPage(env.browser, env.platform, desktop);
  await admin.goto('/inloggen');
  await graphqlIn(admin, loginMutation, {
    email: 'beheer@delft.demo.parkeer.nl',
    password: env.platform.password,
  });
  await graphqlIn(admin, issueMutation, {
    input: {
      productType: 'visitor-permit',
      zone: address.zone,
      addressKey: address.key,
      addressLabel: address.label,
      holderType: 'resident',
      validFrom: env.platform.now().toISOString(),
      email,
    },
  });
  await admin.context().close();
  return linkInMail(env.platform, email, '/product-koppelen');
}

describe('the account pages in chromium', () => {
  const env = useChromiumPlatform();

  it('shows the favicon in the theme colour, served under the strict CSP', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto('/inloggen');
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const icon = await page.request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(await icon.text()).toContain('#1f4e8c');
    const width = await page.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      return image.naturalWidth;
    }, href!);
    expect(width).toBeGreaterThan(0);
    expect(await contentSecurityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('resets a forgotten password through the e-mailed link, then logs in with the new one', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto('/inloggen');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await photograph(page, 'forgot-password-phone');

    // Nothing typed: said at the field, nothing sent.
    await page.getByRole('button', { name: 'Link versturen' }).click();
    await page.getByText('Vul uw e-mailadres in.').waitFor();

    // An unknown address gets the very same answer as a known one.
    await page.getByLabel('E-mailadres').fill('niemand@example.nl');
    await page.getByRole('button', { name: 'Link versturen' }).click();
    const unknownAnswer = await page.getByRole('status').textContent();
    await page.getByRole('button', { name: 'Een ander e-mailadres invullen' }).click();
    await page.getByLabel('E-mailadres').fill('bram@demo.parkeer.nl');
    await page.getByRole('button', { name: 'Link versturen' }).click();
    const knownAnswer = await page.getByRole('status').textContent();
    expect(knownAnswer).toContain('bram@demo.parkeer.nl');
    expect(knownAnswer!.replace('bram@demo.parkeer.nl', '')).toBe(
      unknownAnswer!.replace('niemand@example.nl', ''),
    );
    await photograph(page, 'forgot-password-sent-phone');

    const link = await linkInMail(env.platform, 'bram@demo.parkeer.nl', '/wachtwoord-herstellen');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await photograph(page, 'reset-password-phone');

    // Every broken rule at once, from the API's error.
    const password = page.getByLabel('Nieuw wachtwoord', { exact: true });
    const repeat = page.getByLabel('Herhaal het nieuwe wachtwoord');
    await password.fill('kort');
    await repeat.fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    // Beside the password field, and counted in the summary that takes the focus.
    const problems = page.locator('.field__error');
    await problems.getByText('minstens 10 tekens').waitFor();
    await expect(problems.textContent()).resolves.toContain('een letter bevatten');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await page
      .getByTestId('error-summary')
      .getByRole('link', { name: 'Nieuw wachtwoord' })
      .waitFor();
    await photograph(page, 'reset-password-problems-phone');

    await password.fill('Nieuw-wachtwoord-2026');
    await repeat.fill('Nieuw-wachtwoord-2062');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    // Said before sending, beside the repeat.
    await page
      .locator('.field__error')
      .getByText('De twee wachtwoorden zijn niet gelijk.')
      .waitFor();
    expect(await repeat.getAttribute('aria-invalid')).toBe('true');

    // Shown as typed, to check for typos on a phone.
    await page.getByLabel('Wachtwoord tonen').check();
    expect(await repeat.getAttribute('type')).toBe('text');
    await repeat.fill('Nieuw-wachtwoord-2026');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
    await photograph(page, 'reset-password-done-phone');

    await page.getByRole('link', { name: 'Inloggen met uw nieuwe wachtwoord' }).click();
    await page.waitForURL(/\/inloggen/);
    await page.getByLabel('E-mailadres').fill('bram@demo.parkeer.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('Nieuw-wachtwoord-2026');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn producten' }).waitFor();

    // The link worked once: said as the page opens, before any password is typed.
    await page.goto(link);
    await page.getByRole('alert').getByText('Deze link is al gebruikt').waitFor();
    expect(await page.getByLabel('Nieuw wachtwoord', { exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Een nieuwe link aanvragen' }).waitFor();
    await page.context().close();
  });

  it('shows the password pages on a desktop', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await page.goto('/wachtwoord-vergeten');
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await photograph(page, 'forgot-password-desktop');
    await page.goto('/wachtwoord-herstellen?token=niet-uit-een-mail');
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await photograph(page, 'reset-password-desktop');
    // A link cut short by a mail program: no token at all.
    await page.goto('/wachtwoord-herstellen');
    await page.getByRole('alert').getByText('Deze link is niet geldig.').waitFor();
    await page.context().close();
  });

  it('adds a product with the code and PIN of its allocation letter', async () => {
    expect(env.platform.letters.length).toBeGreaterThan(0);
    const letter = env.platform.letters[0]!;
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    await page.goto('/producten');
    await page.getByRole('heading', { name: /Delft.*\(1\)/ }).waitFor();
    await page.getByRole('link', { name: 'Product toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Product toevoegen' }).waitFor();
    await photograph(page, 'add-product-phone');

    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByText('Vul de productcode in.').waitFor();
    await page.getByText('Vul de pincode in.').waitFor();

    // Typed as people do: lower case, stray spaces; first with a wrong PIN.
    await page.getByLabel('Productcode').fill(` ${letter.code.toLowerCase()} `);
    await page.getByLabel('Pincode').fill(letter.pin === '0000' ? '1111' : '0000');
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByRole('alert').getByText('De productcode of de pincode klopt niet.').waitFor();
    await photograph(page, 'add-product-wrong-pin-phone');

    await page.getByLabel('Pincode').fill(letter.pin);
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.waitForURL(/\/producten\/(?!toevoegen)[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Bezoekersvergunning' }).waitFor();

    // Back in the overview through the menu (no reload): read again, not from the cache.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Producten' })
      .click();
    await page.getByRole('heading', { name: /Delft.*\(2\)/ }).waitFor();
    await page.context().close();
  });

  it('stops guessing a PIN after too many wrong tries', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'carla@demo.parkeer.nl');
    await page.goto('/producten/toevoegen');
    await page.getByLabel('Productcode').fill('PK999999');
    const wrong = page.getByText('De productcode of de pincode klopt niet.');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Pincode').fill(String(1000 + attempt));
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
      // The button is disabled while a try is under way: the tries go one after the other.
      await wrong.waitFor();
    }
    await page.getByLabel('Pincode').fill('1006');
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/Te veel pogingen.*over \d+ minuten opnieuw/)
      .waitFor();
    await photograph(page, 'add-product-desktop');
    await page.context().close();
  });

  it('says when a coupling link is not (or no longer) valid', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto('/product-koppelen?token=verlopen-of-verkeerd');
    await page.getByRole('alert').getByText('Deze link is niet geldig.').waitFor();
    await photograph(page, 'coupling-invalid-phone');
    await page.goto('/product-koppelen');
    await page.getByRole('alert').getByText('Deze link is niet geldig.').waitFor();
    await page.context().close();
  });

  it('couples an issued product to a new account: a password twice, its rules, then logged in', async () => {
    const link = await issueVisitorPermit(
      env,
      { key: 'delft-markt-7', label: 'Markt 7, Delft', zone: 'D' },
      'bewoner.markt@example.nl',
    );
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto(link);
    await page
      .getByRole('heading', { level: 1, name: 'Product aan uw account toevoegen' })
      .waitFor();
    await page.getByText('Markt 7, Delft').waitFor();
    await photograph(page, 'coupling-phone');

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Account maken en product toevoegen' }).click();
    await page.locator('.field__error').getByText('minstens 10 tekens').waitFor();
    await photograph(page, 'coupling-problems-phone');

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Nieuw-wachtwoord-2026');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('Nieuw-wachtwoord-2026');
    await page.getByRole('button', { name: 'Account maken en product toevoegen' }).click();
    // Logged in as the new account, with the product issued to its address.
    await page.waitForURL(/\/producten$/);
    await page.getByRole('heading', { name: /Delft.*\(1\)/ }).waitFor();
    await page.getByText('Bezoekersvergunning').first().waitFor();

    // The link worked once.
    await page.goto(link);
    await page.getByRole('alert').waitFor();
    await page.context().close();
  });

  it('couples an issued product to the account logged in here after its password', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    await page.goto('/producten');
    const before = await page.getByRole('heading', { name: /Delft.*\(\d+\)/ }).textContent();
    const count = Number(/\((\d+)\)/.exec(before!)![1]);

    // A link for another address: said before it logs in as that account.
    const otherLink = await issueVisitorPermit(
      env,
      { key: 'delft-markt-9', label: 'Markt 9, Delft', zone: 'D' },
      'iemand-anders@example.nl',
    );
    await page.goto(otherLink);
    await page
      .getByText('deze link is voor iemand-anders@example.nl, maar u bent nu ingelogd als anna')
      .waitFor();
    await page.getByLabel('Ingelogd blijven op dit apparaat').waitFor();

    const link = await issueVisitorPermit(
      env,
      { key: 'delft-markt-11', label: 'Markt 11, Delft', zone: 'D' },
      'anna@demo.parkeer.nl',
    );
    await page.goto(link);
    await page.getByText('U bent ingelogd als anna@demo.parkeer.nl.').waitFor();
    await page.getByText('Markt 11, Delft').waitFor();
    // Already logged in as that account: nothing to ask about staying logged in.
    expect(await page.getByLabel('Ingelogd blijven op dit apparaat').count()).toBe(0);
    await photograph(page, 'coupling-desktop');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(env.platform.password);
    await page.getByRole('button', { name: 'Product toevoegen' }).click();
    await page.waitForURL(/\/producten$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn producten' }).waitFor();
    await page.getByRole('heading', { name: new RegExp(`Delft.*\\(${count + 1}\\)`) }).waitFor();
    await page.context().close();
  });

  it('says on every page, logged in or not and in the back office, that this is a demo', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    const banner = page.getByRole('note').filter({ hasText: 'Demo:' });
    await page.goto('/inloggen');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('geen echt geld');
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    await page.getByRole('heading', { level: 1, name: 'Mijn producten' }).waitFor();
    await banner.waitFor();
    await photograph(page, 'demo-banner-phone');
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'beheer@delft.demo.parkeer.nl');
    await admin.getByRole('note').filter({ hasText: 'Demo:' }).waitFor();
    await page.context().close();
    await admin.context().close();
  });
});
