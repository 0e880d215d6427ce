import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktop, logIn, openPage, phone, photographBoth, useChromiumPlatform } from './browser.js';

/** docs/rules.md §9: the officer's check screen, phone first. */
describe("the enforcement officer's screen, in chromium", () => {
  const env = useChromiumPlatform();

  it('checks a plate in a chosen zone: green with the kind and end, red without a right, "no answer" when the line fails, and lists the shift', async () => {
    const officer = await openPage(env.browser, env.platform, phone);
    await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
    await officer.waitForURL((url) => url.pathname === '/werkplek');
    await officer.getByRole('heading', { level: 1, name: 'Controle' }).waitFor();
    await officer.getByText('Ingelogd als handhaving@demo.parkeer.nl').waitFor();
    await officer.getByText('Nog geen controles in deze dienst.').waitFor();

    await officer.getByLabel('Gemeente').selectOption({ label: 'Gemeente Oudstad (demo)' });
    await officer.getByLabel('Kenteken').fill('xx-999-x');
    await officer.getByRole('button', { name: 'Controleren' }).click();
    const answer = officer.locator('.enforcement__answer');
    await officer.locator('[data-answer="valid"]').waitFor();
    expect(await answer.innerText()).toContain('Geldig');
    expect(await answer.innerText()).toContain('Bewonersvergunning zonder einddatum');
    expect(await answer.innerText()).toContain('XX-999-X');
    // Never a person: no name, address or balance in the answer.
    expect(await answer.innerText()).not.toMatch(/Carla|straat|€|saldo/i);
    await photographBoth(officer, 'enforcement-valid');

    await officer.getByLabel('Kenteken').fill('ZZ99ZZ');
    await officer.getByRole('button', { name: 'Controleren' }).click();
    await officer.locator('[data-answer="invalid"]').waitFor();
    expect(await answer.innerText()).toContain('Geen recht');
    await photographBoth(officer, 'enforcement-invalid');

    // The line drops: the screen says it has no answer, never a red.
    const dropChecks = async (route: Route) => {
      if (route.request().postData()?.includes('RightCheck'))
        await route.abort('internetdisconnected');
      else await route.continue();
    };
    await officer.route('**/graphql', dropChecks);
    await officer.getByLabel('Kenteken').fill('AB12CD');
    await officer.getByRole('button', { name: 'Controleren' }).click();
    await officer.locator('[data-answer="noAnswer"]').waitFor();
    expect(await officer.locator('[data-answer="invalid"]').count()).toBe(0);
    expect(await answer.innerText()).toContain('Geen antwoord');
    // The plate stays, to check again with one tap.
    expect(await officer.getByLabel('Kenteken').inputValue()).toBe('AB12CD');
    await photographBoth(officer, 'enforcement-no-answer');
    await officer.unroute('**/graphql', dropChecks);

    const recent = officer.getByTestId('recent-checks').locator('li');
    expect(await recent.count()).toBe(3);
    expect(
      await recent.evaluateAll((items) => items.map((item) => item.dataset['result'])),
    ).toEqual(['noAnswer', 'invalid', 'valid']);
    await officer.context().close();
  });

  it("picks the zone from the device's location where zones have areas", async () => {
    const officer = await openPage(env.browser, env.platform, phone);
    await officer.context().grantPermissions(['geolocation']);
    // RD (84 409, 447 403): in the demo's zone B of Delft.
    await officer.context().setGeolocation({ latitude: 52.0105, longitude: 4.359 });
    await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
    await officer.waitForURL((url) => url.pathname === '/werkplek');
    await officer.getByLabel('Gemeente').selectOption({ label: 'Gemeente Delft (demo)' });
    await officer.getByRole('button', { name: 'Zone uit mijn locatie' }).click();
    await officer.getByText('Zone uit locatie').waitFor();
    await officer.getByLabel('Kenteken').fill('ZZ99ZZ');
    await officer.getByRole('button', { name: 'Controleren' }).click();
    await officer.locator('[data-answer="invalid"]').waitFor();
    expect(await officer.locator('.enforcement__answer').innerText()).toContain('Zone B');
    await officer.context().close();
  });

  it('works at desktop size too', async () => {
    const officer = await openPage(env.browser, env.platform, desktop);
    await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
    await officer.waitForURL((url) => url.pathname === '/werkplek');
    await officer.getByLabel('Gemeente').selectOption({ label: 'Gemeente Oudstad (demo)' });
    await officer.getByLabel('Kenteken').fill('XX999X');
    await officer.getByRole('button', { name: 'Controleren' }).click();
    await officer.locator('[data-answer="valid"]').waitFor();
    await photographBoth(officer, 'enforcement-desktop');
    await officer.context().close();
  });
});
