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

const delftAdmin = 'beheer@delft.demo.parkeer.nl';
const oudstadAdmin = 'beheer@oudstad.demo.parkeer.nl';
const visitorSettings = `{ adminProductTypes { code sessionPolicy { maxDurationMinutes } topUpPolicy } }`;

interface Settings {
  adminProductTypes: {
    code: string;
    sessionPolicy: { maxDurationMinutes: number | null } | null;
    topUpPolicy: { cap: { limit: number } | null } | null;
  }[];
}

/** The visitor permit's settings as stored, asked from the page with the admin's login. */
async function storedVisitorPermit(page: Page) {
  const { adminProductTypes } = await graphqlIn<Settings>(page, visitorSettings);
  return adminProductTypes.find((product) => product.code === 'visitor-permit')!;
}

/** Logs the admin in and opens the product type with this name from the list. */
async function openProduct(page: Page, name: string): Promise<void> {
  await page.goto('/beheer/producten');
  await page.getByRole('heading', { level: 1, name: 'Producttypen' }).waitFor();
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('product types, tariffs and town settings in chromium', () => {
  const env = useChromiumPlatform();

  it('sets the visitor permit’s maximum duration, and refuses a cap below one block beside its field', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, delftAdmin);
    await page.goto('/beheer/producten');
    const list = page.getByTestId('product-types');
    await list.getByRole('link', { name: 'Bezoekersvergunning', exact: true }).waitFor();
    expect(await list.innerText()).toMatch(/visitor-permit[\s\S]*Tijd \(in uren\)/);
    await photographBoth(page, 'admin-products-list');

    await openProduct(page, 'Bezoekersvergunning');
    const maxDuration = page.getByRole('group', { name: 'Maximale duur' });
    expect(await maxDuration.getByLabel('uren').inputValue()).toBe('');
    // Hours and euros on screen: 200 h blocks, a cap of 600 h, € 38,20 in zone B.
    expect(await page.getByLabel('Blokgrootte (uren)').inputValue()).toBe('200');
    expect(await page.getByLabel('Plafond (uren)').inputValue()).toBe('600');
    expect(await page.getByTestId('top-up-unit').innerText()).toBe('Tijd (in uren)');
    await page.getByText('€ 38,20').first().waitFor();
    await photographBoth(page, 'admin-products-settings');

    await maxDuration.getByLabel('uren').fill('3');
    await maxDuration.getByLabel('minuten').fill('30');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    expect((await storedVisitorPermit(page)).sessionPolicy!.maxDurationMinutes).toBe(210);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Bezoekersvergunning' }).waitFor();
    const afterReload = page.getByRole('group', { name: 'Maximale duur' });
    expect(await afterReload.getByLabel('uren').inputValue()).toBe('3');
    expect(await afterReload.getByLabel('minuten').inputValue()).toBe('30');

    // A cap of 100 h under blocks of 200 h: nothing could ever be bought.
    await page.getByLabel('Plafond (uren)').fill('100');
    await afterReload.getByLabel('uren').fill('5');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    // The domain's top-up rules run in the browser: the same words as the API's refusal.
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    // One problem, in the singular: the built SPA formats its compiled ICU plural.
    expect(await summary.getByRole('heading').innerText()).toBe('Er is 1 ding om te verbeteren');
    const cap = page.getByLabel('Plafond (uren)');
    expect(await cap.getAttribute('aria-invalid')).toBe('true');
    const capError = page.locator(`#${(await cap.getAttribute('id'))!}-error`);
    expect(await capError.innerText()).toMatch(/kleiner dan één blok/);
    // The summary took the focus; its link brings the keyboard to the field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'error-summary',
    );
    await summary.getByRole('link', { name: 'Plafond (uren)' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await cap.getAttribute('id'),
    );
    await photographBoth(page, 'admin-products-problems');
    // Nothing saved: not the cap, and not the duration changed with it.
    const stored = await storedVisitorPermit(page);
    expect(stored.topUpPolicy!.cap!.limit).toBe(600 * 60);
    expect(stored.sessionPolicy!.maxDurationMinutes).toBe(210);

    // An empty name only the API refuses: its problem lands beside the field, nothing saved.
    await cap.fill('600');
    const nameNl = page.getByLabel('Naam (Nederlands)');
    await nameNl.fill('');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await summary.getByRole('link', { name: 'Naam (Nederlands)' }).waitFor();
    expect(await nameNl.getAttribute('aria-invalid')).toBe('true');
    expect(await cap.getAttribute('aria-invalid')).toBeNull();
    expect((await storedVisitorPermit(page)).sessionPolicy!.maxDurationMinutes).toBe(210);
  });

  it('schedules a tariff from a future date, shows the periods, and withdraws it after a question', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, oudstadAdmin);
    await openProduct(page, 'Digitale bezoekersvergunning');
    const tariffs = page.getByTestId('tariffs');
    const periods = tariffs.getByTestId('tariff-period');
    await expect.poll(() => periods.count()).toBe(1);
    expect(await periods.first().innerText()).toMatch(/1 jan\.? 2024\s+geen einddatum\s+€\s2,10/);

    // Today is refused, readably: the message names tomorrow as a date.
    await tariffs.getByLabel('Vanaf datum').fill('2026-11-23');
    await tariffs.getByLabel('Prijs per uur (euro)').fill('2,50');
    await tariffs.getByRole('button', { name: 'Tarief vastleggen' }).click();
    await tariffs.getByText(/op zijn vroegst morgen in \(24 november 2026\)/).waitFor();
    expect(await tariffs.getByLabel('Vanaf datum').getAttribute('aria-invalid')).toBe('true');

    await tariffs.getByLabel('Vanaf datum').fill('2026-12-01');
    await tariffs.getByRole('button', { name: 'Tarief vastleggen' }).click();
    await tariffs
      .getByText('Het tarief van € 2,50 per uur in zone centrum gaat in op 1 december 2026.')
      .waitFor();
    await expect.poll(() => periods.count()).toBe(2);
    expect(await periods.nth(0).innerText()).toMatch(/1 jan\.? 2024\s+30 nov\.? 2026\s+€\s2,10/);
    expect(await periods.nth(1).innerText()).toMatch(/1 dec\.? 2026\s+geen einddatum\s+€\s2,50/);
    await photographBoth(page, 'admin-products-tariffs');

    await tariffs
      .getByRole('button', { name: 'Tarief zone centrum vanaf 1 december 2026 intrekken' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Tarief intrekken?' });
    await dialog.getByText(/€\s2,50 per uur in zone centrum/).waitFor();
    await dialog.getByRole('button', { name: 'Intrekken' }).click();
    await tariffs
      .getByText('Het tarief van zone centrum vanaf 1 december 2026 is ingetrokken.')
      .waitFor();
    await expect.poll(() => periods.count()).toBe(1);
    expect(await periods.first().innerText()).toMatch(/geen einddatum/);
  });

  it('saves the town’s retention period', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, oudstadAdmin);
    await page.goto('/beheer');
    await page.getByRole('link', { name: /Instellingen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen van de gemeente' }).waitFor();
    expect(await page.getByLabel('Bewaren tot').inputValue()).toBe('weeksAfterEnd');
    expect(await page.getByLabel('Aantal').inputValue()).toBe('13');

    await page.getByLabel('Aantal').fill('60');
    await page.getByRole('button', { name: 'Bewaartermijn opslaan' }).click();
    await page.locator('.field__error').getByText('Deze keuze is niet mogelijk.').waitFor();
    await photographBoth(page, 'admin-products-retention-problem');

    await page.getByLabel('Bewaren tot').selectOption('hoursAfterEnd');
    await page.getByLabel('Aantal').fill('72');
    await page.getByRole('button', { name: 'Bewaartermijn opslaan' }).click();
    await page.getByText('De bewaartermijn is opgeslagen.').waitFor();
    const { municipalitySettings } = await graphqlIn<{
      municipalitySettings: { retention: { kind: string; amount: number } };
    }>(page, '{ municipalitySettings { retention { kind amount } } }');
    expect(municipalitySettings.retention).toEqual({ kind: 'hoursAfterEnd', amount: 72 });
    await photographBoth(page, 'admin-products-retention');
  });

  it('sets the town’s objection period after a fine, and refuses 400 days beside its field (docs/rules.md §9 fines)', async () => {
    const page = await openPage(env.browser, env.platform);
    await logIn(page, env.platform, oudstadAdmin);
    await page.goto('/beheer/instellingen');
    await page.getByRole('heading', { level: 1, name: 'Instellingen van de gemeente' }).waitFor();
    const section = page.locator('#objection');
    await section.getByRole('heading', { name: 'Bezwaartermijn bij een boete' }).waitFor();
    const days = section.getByLabel('Dagen na de boete');
    expect(await days.inputValue()).toBe('42');

    await days.fill('400');
    await section.getByRole('button', { name: 'Bezwaartermijn opslaan' }).click();
    await section
      .locator('.field__error')
      .getByText('Dit moet een heel getal van 7 tot en met 365 zijn.')
      .waitFor();
    await photographBoth(page, 'admin-products-objection-problem');

    await days.fill('56');
    await section.getByRole('button', { name: 'Bezwaartermijn opslaan' }).click();
    await section.getByText('De bezwaartermijn is opgeslagen.').waitFor();
    const { municipalitySettings } = await graphqlIn<{
      municipalitySettings: { objectionPeriodDays: number };
    }>(page, '{ municipalitySettings { objectionPeriodDays } }');
    expect(municipalitySettings.objectionPeriodDays).toBe(56);
    await photographBoth(page, 'admin-products-objection');
  });

  it('switches the town’s residence check to the population register', async () => {
    const page = await openPage(env.browser, env.platform);
    await logIn(page, env.platform, oudstadAdmin);
    await page.goto('/beheer/instellingen');
    await page.getByRole('heading', { level: 1, name: 'Instellingen van de gemeente' }).waitFor();
    const section = page.locator('#residence');
    await section.getByText(/Basisregistratie Personen \(BRP\) of een bewoner/).waitFor();
    const none = section.getByLabel('Geen controle: het woord van de aanvrager geldt');
    const register = section.getByLabel('Controleren bij de Basisregistratie Personen (BRP)');
    expect(await none.isChecked()).toBe(true);

    await register.check();
    await section.getByRole('button', { name: 'Woonadrescontrole opslaan' }).click();
    await section.getByText('De woonadrescontrole is opgeslagen.').waitFor();
    const { municipalitySettings } = await graphqlIn<{
      municipalitySettings: { residenceCheck: string };
    }>(page, '{ municipalitySettings { residenceCheck } }');
    expect(municipalitySettings.residenceCheck).toBe('register');
    await photographBoth(page, 'admin-products-residence-check');

    await page.reload();
    expect(
      await page
        .locator('#residence')
        .getByLabel('Controleren bij de Basisregistratie Personen (BRP)')
        .isChecked(),
    ).toBe(true);
  });

  it('limits the care permit to listed zones and sets its vehicle rules (docs/rules.md §1 care permit)', async () => {
    const page = await openPage(env.browser, env.platform);
    await logIn(page, env.platform, delftAdmin);
    await openProduct(page, 'Zorgvergunning');
    const section = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Voertuigen en zones' }),
    });
    const validIn = section.getByRole('group', { name: 'Geldig in' });
    expect(await validIn.getByLabel('In alle zones van de gemeente').isChecked()).toBe(true);
    expect(await section.getByLabel('Het woord van de aanvrager geldt').isChecked()).toBe(false);

    // A list without zones is refused in the browser, beside the list.
    await validIn.getByLabel(/zones die hieronder zijn aangevinkt/).check();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await section
      .getByRole('group', { name: 'Zones' })
      .locator('.field__error')
      .getByText('Vul dit veld in.')
      .waitFor();
    await photographBoth(page, 'admin-products-care-zones-problem');

    const zones = section.getByRole('group', { name: 'Zones' });
    await zones.getByLabel('C – Parkeergebied C').check();
    await zones.getByLabel('TU – Parkeergebied TU').check();
    await section.getByLabel('Deze gemeente legt een eigen grens voor een groot voertuig').check();
    expect(await section.getByLabel('Maximummassa (kg)').inputValue()).toBe('3500');
    await section.getByLabel('Maximummassa (kg)').fill('2500');
    await section.getByLabel('Maximale lengte (cm)').fill('550');
    await section.getByLabel('Het woord van de aanvrager geldt').check();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    await photographBoth(page, 'admin-products-care-zones');

    const { adminProductTypes } = await graphqlIn<{
      adminProductTypes: {
        code: string;
        validIn: string;
        validZoneCodes: string[];
        vehicleSizeLimits: { maxMassKg: number; maxLengthCm: number } | null;
        foreignPlates: string;
      }[];
    }>(
      page,
      '{ adminProductTypes { code validIn validZoneCodes vehicleSizeLimits { maxMassKg maxLengthCm } foreignPlates } }',
    );
    expect(adminProductTypes.find((type) => type.code === 'care-permit')).toEqual({
      code: 'care-permit',
      validIn: 'listedZones',
      validZoneCodes: ['C', 'TU'],
      vehicleSizeLimits: { maxMassKg: 2500, maxLengthCm: 550 },
      foreignPlates: 'accept',
    });
  });
});
