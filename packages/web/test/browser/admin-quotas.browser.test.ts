import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { desktop, logIn, openPage, photographBoth, useChromiumPlatform } from './browser.js';
import { applyInPage } from './counter-applications.js';

const oudstadAdmin = 'beheer@oudstad.demo.parkeer.nl';

/** A resident applies at the counter for Oudstad's resident permit through the API. */
async function applied(page: Page, plate: string): Promise<{ id: string; status: string }> {
  const submitted = await applyInPage(page, {
    productTypeCode: 'resident-permit',
    addressKey: 'oudstad-noord-1',
    plates: [{ plate }],
  });
  return submitted.application;
}

/** Sets the quota form of the quotas page and saves it. */
async function setQuota(admin: Page, limit: string) {
  const form = admin.locator('form#quota');
  await form.getByLabel(/^Zone/).selectOption({ label: 'centrum – Centrum' });
  await form.getByLabel(/^Vergunningtype/).selectOption({ label: 'Bewonersvergunning' });
  await form.getByLabel(/^Hoogstens zoveel plaatsen/).fill(limit);
  await form.getByLabel(/^Dagen om een aanbod te betalen/).fill('14');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await admin.getByText('Het quotum is opgeslagen.').waitFor();
}

describe('quotas and waiting lists, in chromium', () => {
  const env = useChromiumPlatform();

  it('queues applications past the quota, shows the applicant their place, and passes an offer along that the applicant pays (docs/rules.md §2 quotas)', async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, oudstadAdmin);
    await admin.getByRole('link', { name: 'Wachtlijsten' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Quota en wachtlijsten' }).waitFor();
    await admin.getByText('Er zijn nog geen quota.').waitFor();
    // Carla's resident permit takes the one place.
    await setQuota(admin, '1');
    const row = admin.getByTestId('quota-row');
    await row.first().waitFor();
    expect(await row.first().innerText()).toMatch(
      /Bewonersvergunning · centrum\s+Quotum\s+1\s+Bezet\s+1\s+Wachtend\s+0/,
    );
    await photographBoth(admin, 'admin-quotas');

    const bram = await openPage(env.browser, env.platform);
    await logIn(bram, env.platform, 'bram@demo.parkeer.nl');
    const bramsApplication = await applied(bram, 'GB-301-K');
    expect(bramsApplication.status).toBe('waitlisted');
    const anna = await openPage(env.browser, env.platform);
    await logIn(anna, env.platform, 'anna@demo.parkeer.nl');
    const annasApplication = await applied(anna, 'GB-302-K');

    // The applicant sees their place in line on the application's page.
    await anna.goto(`/loket/aanvraag/${annasApplication.id}`);
    await anna.getByRole('heading', { name: 'U staat op de wachtlijst' }).waitFor();
    expect(await anna.getByTestId('waiting-list-position').innerText()).toContain('nummer 2');
    await photographBoth(anna, 'counter-waiting-list-position');

    // The back office sees the list; moves Anna up; cannot offer beyond the quota.
    await admin.reload();
    await admin
      .getByRole('link', { name: 'Wachtlijst Bewonersvergunning in zone centrum' })
      .click();
    const entries = admin.getByTestId('waiting-entry');
    await entries.nth(1).waitFor();
    expect(await entries.count()).toBe(2);
    await admin.getByRole('button', { name: 'Omhoog: Noord 1, Oudstad' }).waitFor();
    await entries.nth(1).getByRole('button', { name: 'Omhoog' }).click();
    // Anna is first now: the first row has no 'up' any more.
    await entries
      .nth(1)
      .getByRole('button', { name: /^Omhoog/ })
      .waitFor();
    await entries
      .first()
      .getByRole('button', { name: /^Nu aanbieden/ })
      .click();
    await admin.getByText(/geen plaats vrij binnen het quotum/).waitFor();
    await photographBoth(admin, 'admin-waiting-list');

    // Bram leaves the list with a reason.
    await entries
      .nth(1)
      .getByRole('button', { name: /^Verwijderen/ })
      .click();
    const dialog = admin.getByRole('dialog', { name: 'Van de wachtlijst halen' });
    await dialog.getByLabel(/^Reden/).fill('Dubbele aanvraag');
    await dialog.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await admin.waitForFunction(
      () => document.querySelectorAll('[data-testid="waiting-entry"]').length === 1,
      undefined,
      { timeout: 20_000 },
    );

    // A second place: the job offers it to the first in line, Anna.
    await admin.getByRole('link', { name: 'Terug naar de quota' }).click();
    await setQuota(admin, '2');
    // The job runs within a second of the quota's change; the page shows what it finds when
    // loaded, so it is loaded again until the offer is there (a busy machine runs the job later).
    const offer = anna.getByRole('heading', { name: 'Er is een plaats voor u' });
    await expect
      .poll(
        async () => {
          await anna.reload();
          return offer.waitFor({ timeout: 3_000 }).then(
            () => true,
            () => false,
          );
        },
        { timeout: 45_000, interval: 500 },
      )
      .toBe(true);
    await photographBoth(anna, 'counter-waiting-list-offer');
    await anna.getByRole('button', { name: 'Plaats aannemen en betalen' }).click();
    await anna.waitForURL((url) => url.pathname.startsWith('/betalen/simulatie'));
    await anna.getByRole('button', { name: 'Betalen' }).click();
    await anna.waitForURL((url) => url.pathname.startsWith('/loket/aanvraag/'));
    await anna
      .getByRole('heading', { name: 'Uw vergunning is verleend' })
      .waitFor({ timeout: 30_000 });
    for (const page of [admin, bram, anna]) await page.context().close();
  });
});
