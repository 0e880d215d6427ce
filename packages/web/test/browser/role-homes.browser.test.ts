import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktop, logIn, openPage, phone, photographBoth, useChromiumPlatform } from './browser.js';

const pathOf = (page: Page) => new URL(page.url()).pathname;

describe('where each role lands, in chromium', () => {
  const env = useChromiumPlatform();

  it("lands an enforcement officer on its own page, and sends it there from residents' and admins' pages", async () => {
    const officer = await openPage(env.browser, env.platform, phone);
    await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
    await officer.waitForURL((url) => url.pathname === '/werkplek');
    await officer.getByRole('heading', { level: 1, name: 'Controle' }).waitFor();
    expect(await officer.getByText('Ingelogd als handhaving@demo.parkeer.nl').count()).toBe(1);
    await photographBoth(officer, 'role-home-enforcement');

    // Pages it may not use bring it back here, instead of loading for ever.
    for (const path of [
      '/sessies',
      '/producten',
      '/instellingen',
      '/beheer',
      '/beheer/logboek',
      '/werkplek',
    ]) {
      await officer.goto(path);
      await officer.waitForURL((url) => url.pathname === '/werkplek');
      await officer.getByRole('heading', { level: 1, name: 'Controle' }).waitFor();
    }
    expect(await officer.getByRole('status').count()).toBe(0);

    await officer.getByRole('button', { name: 'Uitloggen' }).click();
    await officer.waitForURL((url) => url.pathname === '/inloggen');
    await officer.context().close();
  });

  it('lands a partner on a page that says it works through the API', async () => {
    const partner = await openPage(env.browser, env.platform, desktop);
    await logIn(partner, env.platform, 'partner@demo.parkeer.nl');
    await partner.waitForURL((url) => url.pathname === '/werkplek');
    await partner.getByRole('heading', { level: 1, name: 'Partner' }).waitFor();
    await partner.getByText(/^Partners werken via de API van Parkeer/).waitFor();
    await photographBoth(partner, 'role-home-partner');
    await partner.goto('/sessies');
    await partner.waitForURL((url) => url.pathname === '/werkplek');
    await partner.context().close();
  });

  it('keeps residents and admins on their own homes', async () => {
    const resident = await openPage(env.browser, env.platform, phone);
    await logIn(resident, env.platform, 'anna@demo.parkeer.nl');
    await resident.goto('/werkplek');
    await resident.waitForURL((url) => url.pathname.startsWith('/producten'));
    await resident.context().close();

    const platformAdmin = await openPage(env.browser, env.platform, phone);
    await logIn(platformAdmin, env.platform, 'platform@demo.parkeer.nl');
    await platformAdmin.waitForURL((url) => url.pathname === '/beheer/gemeenten');
    for (const path of ['/sessies', '/werkplek', '/beheer/logboek']) {
      await platformAdmin.goto(path);
      await platformAdmin.waitForURL((url) => url.pathname === '/beheer/gemeenten');
    }
    expect(pathOf(platformAdmin)).toBe('/beheer/gemeenten');
    await platformAdmin.context().close();
  });
});
