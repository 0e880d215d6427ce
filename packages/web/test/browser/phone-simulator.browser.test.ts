import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  graphqlIn,
  logIn,
  openPage,
  phone,
  photographBoth,
  screenshotFolder,
  useChromiumPlatform,
} from './browser.js';

/** Keys pressed on the simulator's keypad, one tap each; a tap waits until the line listens. */
async function press(page: Page, keys: string): Promise<void> {
  for (const key of keys) await page.locator(`[data-key="${key}"]`).click();
}

/** Waits until the captions show `text` (what the line said, or the caller's keys). */
async function heard(page: Page, text: string | RegExp): Promise<void> {
  await page.getByTestId('transcript').getByText(text).last().waitFor();
}

/** The simulator page reached as a newcomer reaches it: from the login page's demo note. */
async function simulatorFromLogin(page: Page) {
  await page.goto('/inloggen');
  await page
    .getByTestId('phone-simulator-link')
    .getByRole('link', { name: 'Naar de telefoonsimulator' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Telefoonsimulator' }).waitFor();
  return {
    registrationNumber: await page.getByTestId('registration-number').innerText(),
    pin: await page.getByTestId('pin').innerText(),
  };
}

/** docs/rules.md §5, "The phone line"; docs/operations.md, Phone line (the simulator). */
describe('the phone simulator page, in chromium on a phone', () => {
  const env = useChromiumPlatform();

  it('makes a whole call: signs in with the registration number and PIN shown, starts a session for a favorite and hears the confirmation', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    const { registrationNumber, pin } = await simulatorFromLogin(page);
    expect(registrationNumber).toMatch(/^\d+$/);
    expect(pin).toMatch(/^\d{4}$/);
    await photographBoth(page, 'phone-simulator-start');

    // The demo resident keeps a favorite on the web; the line offers it.
    const web = await openPage(env.browser, env.platform, phone);
    await logIn(web, env.platform, 'anna@demo.parkeer.nl');
    const { productGroups } = await graphqlIn<{
      productGroups: { products: { id: string; productCode: string | null }[] }[];
    }>(web, '{ productGroups { products { id productCode } } }');
    const permit = productGroups
      .flatMap((group) => group.products)
      .find((product) => product.productCode === `PK${registrationNumber}`)!;
    // The about page links the simulator too, in a demo.
    await web.goto('/over');
    await web
      .getByTestId('phone-simulator-link')
      .getByRole('link', { name: 'telefoonsimulator' })
      .waitFor();
    await graphqlIn(
      web,
      `mutation ($input: AddFavoriteInput!) { addFavorite(input: $input) { id } }`,
      { input: { permitId: permit.id, plate: 'GB-123-K', name: 'Oma' } },
    );

    await page.getByRole('button', { name: 'Bellen' }).click();
    await heard(page, 'Welkom bij de parkeerlijn voor bezoekers.');
    await heard(page, 'For English, press 2.');
    await press(page, '1');
    await heard(page, /registratienummer/);
    await press(page, registrationNumber);
    expect(await page.getByTestId('keyed').innerText()).toContain(
      registrationNumber.split('').join(' '),
    );
    await press(page, '#');
    await heard(page, `U toetste: ${registrationNumber.split('').join(' ')}`);
    await heard(page, /pincode van 4 cijfers/);
    await press(page, pin);
    await heard(page, 'Om een bezoeker aan te melden, toets 1.');
    await press(page, '1');
    await heard(page, /Voor Oma, G B, 1 2 3, K, toets 1\./);
    await press(page, '1');
    await heard(page, /kost naar verwachting/);
    await heard(page, 'Uw saldo is 200 uur.');
    await press(page, '1');
    await heard(page, /De parkeeractie voor G B, 1 2 3, K is gestart en loopt tot/);
    // One hand: the keypad and the hang-up button stay on the phone's screen during the call.
    for (const target of [
      page.locator('[data-key="1"]'),
      page.locator('[data-key="#"]'),
      page.getByRole('button', { name: 'Ophangen' }),
    ]) {
      const box = (await target.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(phone.height);
    }
    await page.screenshot({ path: `${screenshotFolder}/phone-simulator-in-call-screen.png` });
    await photographBoth(page, 'phone-simulator-started');

    // The session is the web's too, with its channel.
    const { sessions } = await graphqlIn<{
      sessions: { running: { plate: string; channel: string }[] };
    }>(web, 'query ($id: ID) { sessions(productId: $id) { running { plate channel } } }', {
      id: permit.id,
    });
    expect(sessions.running).toContainEqual({ plate: 'GB123K', channel: 'phone' });

    await page.getByRole('button', { name: 'Ophangen' }).click();
    await heard(page, 'U heeft opgehangen.');
    await page.getByRole('button', { name: 'Opnieuw bellen' }).waitFor();
    await web.context().close();
    await page.context().close();
  });

  it('refuses a wrong PIN without saying which of the two was wrong; waiting keeps the language suggested, and English captions say English', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    const { registrationNumber } = await simulatorFromLogin(page);
    await page.getByRole('button', { name: 'Bellen' }).click();
    await heard(page, 'Welkom bij de parkeerlijn voor bezoekers.');
    // No key at the language question: the line goes on in the language it suggested.
    await page.getByRole('button', { name: 'Wachten' }).click();
    await heard(page, 'U toetste niets.');
    await heard(page, /registratienummer/);
    await press(page, `${registrationNumber}#`);
    await press(page, '0000');
    await heard(
      page,
      'Het registratienummer of de pincode klopt niet. U kunt het nog 2 keer proberen.',
    );
    await photographBoth(page, 'phone-simulator-wrong-pin');
    await page.getByRole('button', { name: 'Ophangen' }).click();

    // The page in English: the line greets in English first, the Dutch option in Dutch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Call again' }).click();
    await heard(page, 'Welcome to the visitor parking line.');
    await heard(page, 'Voor Nederlands, toets 1.');
    const badges = await page.locator('.phone-sim__language').allInnerTexts();
    expect(badges.at(-2)).toBe('NL');
    await press(page, '2');
    await heard(page, /registration number of your visitor permit/);
    await photographBoth(page, 'phone-simulator-english');
    await page.context().close();
  });
});
