import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  desktop,
  graphqlIn,
  logIn,
  openPage,
  phone,
  photographBoth,
  screenshot,
  useChromiumPlatform,
} from './browser.js';

const delftAdmin = 'beheer@delft.demo.parkeer.nl';
const anna = 'anna@demo.parkeer.nl';

/** Anna's own visitor permit and its zone's code. */
async function annasPermit(page: Page): Promise<{ id: string; zone: string }> {
  const { productGroups } = await graphqlIn<{
    productGroups: { products: { id: string; isOwner: boolean; zone: { code: string } }[] }[];
  }>(page, '{ productGroups { products { id isOwner zone { code } } } }');
  const product = productGroups.flatMap((group) => group.products).find((p) => p.isOwner)!;
  return { id: product.id, zone: product.zone.code };
}

type Settings = Record<string, unknown> & {
  id: string;
  code: string;
  sessionPolicy: Record<string, unknown>;
  topUpPolicy: unknown;
};

/** The same value with the keys of every object in it in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reversedKeys(inner)]),
  );
}

const numberIn = async (page: Page, testId: string, within: string | null = null) => {
  const scope = within ? page.locator(within) : page;
  return Number(await scope.getByTestId(testId).innerText());
};
const currentHourCount = async (page: Page) =>
  Number(
    await page.locator('[data-testid="hour-bar"][data-current="true"]').getAttribute('data-count'),
  );

describe('the back office dashboard in chromium', () => {
  const env = useChromiumPlatform();

  it('lands the admin in the back office and counts a session started elsewhere, live', async () => {
    const admin = await openPage(env.browser, env.platform, phone);
    await logIn(admin, env.platform, delftAdmin);
    await admin.waitForURL((url) => url.pathname === '/beheer');
    await admin.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    expect(await admin.getByTestId('admin-town').innerText()).toContain('Gemeente Delft (demo)');

    const resident = await openPage(env.browser, env.platform, phone);
    await logIn(resident, env.platform, anna);
    const permit = await annasPermit(resident);
    const zoneRow = `[data-testid="zone-row"][data-zone="${permit.zone}"]`;
    await admin.locator(zoneRow).waitFor();
    await admin.locator('[data-testid="hour-bar"][data-current="true"]').waitFor();
    const runningBefore = await numberIn(admin, 'zone-running', zoneRow);
    const startsBefore = await currentHourCount(admin);
    // The zone's day as a chart in its row; its current hour counts what ran in it so far.
    const dayChart = admin.locator(`${zoneRow} [data-testid="zone-day-chart"]`);
    await dayChart.waitFor();
    const thisHour = async () => Number(await dayChart.getAttribute('data-now'));
    const hourBefore = await thisHour();
    // Marks this very document: a reload would lose it.
    await admin.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

    const started = await graphqlIn<{ startSession: { __typename: string; message?: string } }>(
      resident,
      `mutation ($input: StartSessionInput!) { startSession(input: $input) {
        __typename ... on SessionRefused { message } } }`,
      {
        input: {
          productId: permit.id,
          plate: 'GB-123-K',
          end: new Date(env.platform.now().getTime() + 60 * 60_000).toISOString(),
          idempotencyKey: crypto.randomUUID(),
        },
      },
    );
    expect(started.startSession.message ?? started.startSession.__typename).toBe('SessionAccepted');

    await expect.poll(() => numberIn(admin, 'zone-running', zoneRow)).toBe(runningBefore + 1);
    await expect.poll(() => currentHourCount(admin)).toBe(startsBefore + 1);
    await expect.poll(thisHour).toBe(hourBefore + 1);
    expect(await dayChart.getAttribute('aria-label')).toMatch(
      new RegExp(`^Zone ${permit.zone} vandaag: het drukst .* dit uur ${hourBefore + 1}\\.$`),
    );
    // The same numbers as a table, for reading off and for screen readers.
    await admin.getByText('Per uur als tabel').click();
    const dayRow = admin.locator(`[data-testid="zone-day-row"][data-zone="${permit.zone}"]`);
    expect(Number(await dayRow.locator('td[data-current="true"]').innerText())).toBe(
      hourBefore + 1,
    );
    expect(await numberIn(admin, 'zones-total')).toBeGreaterThanOrEqual(runningBefore + 1);
    expect(
      await admin.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded),
    ).toBe(true);
    await photographBoth(admin, 'admin-dashboard');

    // The menu opens on a phone and leads to the audit log.
    await admin.getByRole('button', { name: 'Menu' }).click();
    await screenshot(admin, 'admin-menu-phone');
    await admin.getByRole('link', { name: 'Logboek' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await resident.context().close();
    await admin.context().close();
  });

  it('shows the audit log field by field, in readable words and units, without no-op saves', async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, delftAdmin);
    await admin.waitForURL((url) => url.pathname === '/beheer');
    // Two changes of a zone's name give the log something to show; a third save changes nothing.
    const { adminZones } = await graphqlIn<{
      adminZones: { id: string; code: string; name: string }[];
    }>(admin, '{ adminZones { id code name } }');
    const zone = adminZones[0]!;
    const rename =
      'mutation ($id: ID!, $input: ZoneInput!) { updateZone(id: $id, input: $input) { id } }';
    await graphqlIn(admin, rename, { id: zone.id, input: { code: zone.code, name: 'Tijdelijk' } });
    await graphqlIn(admin, rename, { id: zone.id, input: { code: zone.code, name: zone.name } });
    await graphqlIn(admin, rename, { id: zone.id, input: { name: zone.name, code: zone.code } });
    // A product's longest session set to 90 minutes, then saved again with its keys reordered.
    const { adminProductTypes } = await graphqlIn<{ adminProductTypes: Settings[] }>(
      admin,
      `{ adminProductTypes { id code nameNl nameEn delegationAllowed topUpPolicy sessionPolicy {
        maxDurationMinutes defaultEnd latestEnd maxConcurrentSessions insufficientBalance
        invalidWeekdays pastStartToleranceMinutes } } }`,
    );
    const product = adminProductTypes.find((p) => p.code === 'visitor-permit')!;
    const { id, code, ...settings } = product;
    void code;
    const save =
      'mutation ($id: ID!, $input: ProductSettingsInput!) { updateProductSettings(id: $id, input: $input) { id } }';
    const longer = {
      ...settings,
      sessionPolicy: { ...settings.sessionPolicy, maxDurationMinutes: 90 },
    };
    await graphqlIn(admin, save, { id, input: longer });
    await graphqlIn(admin, save, {
      id,
      input: { ...longer, topUpPolicy: reversedKeys(settings.topUpPolicy) },
    });

    await admin.getByRole('link', { name: 'Logboek' }).click();
    const entries = admin.getByTestId('audit-entry');
    await entries.first().waitFor();
    // Newest first: the product's one real change (the reordered save wrote nothing), then the
    // zone's rename back (its no-op save wrote nothing either).
    const newest = entries.first();
    expect(await newest.innerText()).toContain('Productinstellingen gewijzigd');
    const row = newest.locator('tr[data-field="sessionPolicy.maxDurationMinutes"]');
    expect(await row.locator('th').innerText()).toBe('Sessieregels › Maximale parkeerduur');
    expect(await row.locator('.audit-diff__after').innerText()).toBe('1 u 30 min');
    expect(await newest.locator('tbody tr').count()).toBe(1);
    const renamed = entries.nth(1);
    expect(await renamed.innerText()).toContain(delftAdmin);
    expect(await renamed.innerText()).toContain('Zone gewijzigd');
    expect(await renamed.locator('tbody th').first().innerText()).toBe('Naam');
    expect(await renamed.locator('.audit-diff__before').first().innerText()).toBe('Tijdelijk');
    expect(await renamed.locator('.audit-diff__after').first().innerText()).toBe(zone.name);
    expect(await entries.nth(2).locator('.audit-diff__after').first().innerText()).toBe(
      'Tijdelijk',
    );
    await photographBoth(admin, 'admin-audit-log');

    // Filters: another subject has nothing; an unknown admin neither; the zone and the admin do.
    await admin.getByLabel('Onderwerp').selectOption('permit');
    await admin.getByRole('button', { name: 'Filteren' }).click();
    await admin.getByText('Geen wijzigingen gevonden.').waitFor();
    await admin.getByLabel('Onderwerp').selectOption('zone');
    await admin.getByLabel(/^Beheerder/).fill('beheer@delft');
    await admin.getByRole('button', { name: 'Filteren' }).click();
    await entries.first().waitFor();
    expect(admin.url()).toContain('onderwerp=zone');
    await admin.getByLabel('Vanaf datum').fill('2026-11-24');
    await admin.getByLabel('Tot en met datum').fill('2026-11-23');
    await admin.getByRole('button', { name: 'Filteren' }).click();
    await admin.getByText('De einddatum ligt voor de begindatum.').waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.context().close();
  });

  it('works in the high-contrast theme', async () => {
    const admin = await openPage(env.browser, env.platform, phone);
    await logIn(admin, env.platform, delftAdmin);
    await graphqlIn(admin, 'mutation { updateSettings(input: { highContrast: true }) { id } }');
    await admin.reload();
    await admin.locator('[data-testid="hour-bar"][data-current="true"]').waitFor();
    expect(await admin.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    await photographBoth(admin, 'admin-dashboard-high-contrast');
    await graphqlIn(admin, 'mutation { updateSettings(input: { highContrast: false }) { id } }');
    await admin.context().close();
  });

  it('keeps residents out of the back office, and admins out of the residents pages', async () => {
    const resident = await openPage(env.browser, env.platform, phone);
    await logIn(resident, env.platform, anna);
    await resident.goto('/beheer');
    await resident.waitForURL((url) => !url.pathname.startsWith('/beheer'));
    await resident.getByRole('heading', { name: 'Mijn producten' }).waitFor();
    expect(await resident.getByTestId('admin-town').count()).toBe(0);
    await resident.goto('/beheer/logboek');
    await resident.waitForURL((url) => !url.pathname.startsWith('/beheer'));
    await resident.context().close();

    const admin = await openPage(env.browser, env.platform, phone);
    await logIn(admin, env.platform, delftAdmin);
    await admin.goto('/producten');
    await admin.waitForURL((url) => url.pathname === '/beheer');
    await admin.goto('/instellingen');
    await admin.waitForURL((url) => url.pathname === '/beheer');
    await admin.goto('/beheer/bestaat-niet');
    await admin.getByText('Deze pagina bestaat niet.').waitFor();
    await admin.getByTestId('admin-town').waitFor();
    await admin.context().close();
  });
});
