import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  launchChromium,
  logIn,
  openPage,
  phone,
  photograph,
  photographBoth,
  type ChromiumPlatform,
} from './browser.js';
import { defaultClockStart, startPlatform } from './platform.js';

const delftAdmin = 'beheer@delft.demo.parkeer.nl';
const anna = 'anna@demo.parkeer.nl';
const minute = 60_000;

/** A `datetime-local` value on Amsterdam's clock (the page's inputs are in the town's time). */
const localInput = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(instant)
    .replace(' ', 'T');

/** Minutes in a formatted duration like "2 u" or "198 u 59 min". */
function minutesIn(text: string): number {
  const hours = Number(/(\d+)\s*u\b/.exec(text)?.[1] ?? 0);
  const minutes = Number(/(\d+)\s*min/.exec(text)?.[1] ?? 0);
  return hours * 60 + minutes;
}

const floorToMinute = (ms: number) => Math.floor(ms / minute) * minute;

/** The admin on the requests page, at the tab named, and the panel it shows. */
async function requestsTab(page: Page, tab: string): Promise<Locator> {
  await page.goto('/beheer/aanvragen');
  await page.getByRole('heading', { level: 1, name: 'Aanvragen' }).waitFor();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  // Hidden panels are left out of the accessibility tree: this is the one shown.
  return page.getByRole('tabpanel');
}

/** Searches anna's permit with the panel's picker and chooses it. */
async function chooseAnnasPermit(panel: Locator): Promise<void> {
  await panel.getByLabel('Vergunning zoeken').fill(anna);
  await panel.getByRole('button', { name: 'Zoeken' }).click();
  const choices = panel.getByRole('button', { name: /^Kies PK/ });
  await choices.first().waitFor();
  expect(await choices.count()).toBe(1);
  await choices.click();
  await panel.getByRole('group', { name: 'Gekozen vergunning' }).getByText(anna).waitFor();
}

describe('the requests of the back office in chromium', () => {
  // As useChromiumPlatform, on a clock that starts half a minute before 10:00: anna's session
  // then starts shortly before a whole minute, which the outage window (whole minutes, as the
  // form takes them, ending before the API's now) must pass, so the test waits seconds, not a
  // minute or two.
  const env = {} as ChromiumPlatform;
  beforeAll(async () => {
    env.platform = await startPlatform(inject('webDist'), {
      clockStart: new Date(defaultClockStart.getTime() - 30_000),
    });
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.platform?.stop();
  });
  /** Anna's session in zone B, started first: an outage window must end before the API's now. */
  const session = { start: new Date(0), lagMs: 0 };

  beforeAll(async () => {
    const resident = await openPage(env.browser, env.platform, phone);
    await logIn(resident, env.platform, anna);
    const { productGroups } = await graphqlIn<{
      productGroups: { products: { id: string; isOwner: boolean; zone: { code: string } }[] }[];
    }>(resident, '{ productGroups { products { id isOwner zone { code } } } }');
    const permit = productGroups.flatMap((group) => group.products).find((p) => p.isOwner)!;
    expect(permit.zone.code).toBe('B');
    const started = await graphqlIn<{
      startSession: { __typename: string; message?: string; session?: { start: string } };
    }>(
      resident,
      `mutation ($input: StartSessionInput!) { startSession(input: $input) {
        __typename ... on SessionAccepted { session { start } }
        ... on SessionRefused { message } } }`,
      {
        input: {
          productId: permit.id,
          plate: 'ST-042-R',
          end: new Date(env.platform.now().getTime() + 60 * minute).toISOString(),
          idempotencyKey: crypto.randomUUID(),
        },
      },
    );
    expect(started.startSession.message ?? started.startSession.__typename).toBe('SessionAccepted');
    session.start = new Date(started.startSession.session!.start);
    // The API's clock started a moment after the platform's was read: how far it is behind.
    session.lagMs = Math.max(0, env.platform.now().getTime() - session.start.getTime());
    await resident.context().close();
  });

  it("grants anna 10 hours with the carer's statement once, lists it, and refuses past the cap", async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, delftAdmin);
    await admin.getByRole('link', { name: 'Aanvragen', exact: true }).click();
    const panel = await requestsTab(admin, 'Mantelzorg');
    await chooseAnnasPermit(panel);
    const chosen = await panel.getByRole('group', { name: 'Gekozen vergunning' }).innerText();
    const balanceBefore = minutesIn(/saldo ([\d u min]+)/.exec(chosen)![1]!);
    const grants = panel.getByTestId('care-grants');
    await panel
      .getByText('Op deze vergunning zijn nog geen uren voor mantelzorg toegekend.')
      .waitFor();

    // Without a statement nothing is sent; the field says why, and the focus is on the summary
    // that leads to it.
    await panel.getByLabel('Aantal uren').fill('10');
    await panel.getByRole('button', { name: 'Uren toekennen' }).click();
    await panel.getByText('Vul de mantelzorgverklaring in.').waitFor();
    const statement = panel.getByLabel('Mantelzorgverklaring', { exact: false });
    expect(await statement.getAttribute('aria-invalid')).toBe('true');
    const summary = panel.getByTestId('error-summary');
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: 'Mantelzorgverklaring' }).click();
    expect(await statement.evaluate((element) => element === document.activeElement)).toBe(true);

    // A double click grants once: one key per submission.
    await statement.fill('Mantelzorgverklaring 2026-114, zorg voor moeder');
    await panel.getByRole('button', { name: 'Uren toekennen' }).dblclick();
    const granted = panel.getByRole('status').filter({ hasText: 'toegekend op' });
    await granted.getByText('10 u toegekend op PK', { exact: false }).waitFor();
    const message = await granted.innerText();
    expect(message).toContain('Dit jaar kan nog 390 u worden toegekend.');
    // Her running session holds part of the balance; the grant adds 10 hours to what was left.
    const after = minutesIn(/Saldo nu ([^.]+)\./.exec(message)![1]!);
    expect(after).toBe(balanceBefore + 600);
    await grants.getByText('Mantelzorgverklaring 2026-114, zorg voor moeder').waitFor();
    expect(await grants.getByRole('listitem').count()).toBe(1);
    expect(await grants.innerText()).toContain(`Toegekend door ${delftAdmin}`);
    expect(await grants.getByRole('listitem').first().innerText()).toMatch(/^10 u/);
    await photographBoth(admin, 'admin-requests-care');

    // More than the year still allows: refused with what remains, and nothing listed.
    await panel.getByLabel('Aantal uren').fill('395');
    await statement.fill('Tweede verklaring');
    await panel.getByRole('button', { name: 'Uren toekennen' }).click();
    const refusal = panel.getByRole('alert');
    await refusal.getByText('Niet toegekend.').waitFor();
    expect(await refusal.innerText()).toContain(
      'Dit jaar kan nog 390 u worden toegekend; gevraagd is 395 u.',
    );
    expect(await grants.getByRole('listitem').count()).toBe(1);
    await photograph(admin, 'admin-requests-care-refused-phone');
    await admin.context().close();
  });

  it("records a goodwill waiver for anna's fine, approves it with a reason, and refuses a second that year", async () => {
    // The officer found no right for ZZ-99-ZZ in zone B and recorded fine NH-2026-0042 on it.
    const officer = await openPage(env.browser, env.platform, phone);
    await logIn(officer, env.platform, 'handhaving@demo.parkeer.nl');
    const { rightCheck } = await graphqlIn<{ rightCheck: { checkId: string; mayFine: boolean } }>(
      officer,
      `query ($input: RightCheckInput!) { rightCheck(input: $input) { checkId mayFine } }`,
      { input: { plate: 'ZZ99ZZ', zone: 'B', municipality: 'delft' } },
    );
    expect(rightCheck.mayFine).toBe(true);
    await graphqlIn(
      officer,
      `mutation ($input: RecordFineInput!) { recordFine(input: $input) { reference } }`,
      { input: { checkId: rightCheck.checkId, reference: 'NH-2026-0042', plate: 'ZZ99ZZ' } },
    );
    await officer.context().close();

    const admin = await openPage(env.browser, env.platform, phone);
    await logIn(admin, env.platform, delftAdmin);
    const panel = await requestsTab(admin, 'Coulance');
    await panel.getByText('Geen verzoeken gevonden.').waitFor();
    await chooseAnnasPermit(panel);
    await panel.getByLabel('Nummer van de boete').fill('NH-2026-0042');
    await panel.getByLabel('Datum van de boete').fill('2026-11-20');
    // The day received is today on the town's clock, unless the official changes it.
    expect(await panel.getByLabel('Verzoek ontvangen op').inputValue()).toBe('2026-11-23');
    await panel.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await panel.getByText('Verzoek NH-2026-0042 is vastgelegd').waitFor();

    const waivers = panel.getByTestId('fine-waivers');
    const card = waivers.getByTestId('fine-waiver').filter({ hasText: 'NH-2026-0042' });
    await card.getByText('Openstaand').waitFor();
    expect(await card.innerText()).toContain('Oude Delft 1, Delft');
    // The official sees the check the fine was written on, without searching for it.
    const checkFacts = await card.innerText();
    expect(checkFacts).toMatch(/Controle\s+\S+ \d+ nov,? \d\d:\d\d, zone B \(Binnenstad\)/);
    expect(checkFacts).toContain('Geen recht geregistreerd, geen storing bekend: boete toegestaan');
    expect(checkFacts).toContain('Geen storing in die zone op dat moment.');

    // Approving asks for the reason the holder will read.
    await card.getByRole('button', { name: 'Verzoek NH-2026-0042 goedkeuren' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Verzoek NH-2026-0042 goedkeuren' });
    await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
    await dialog.getByText('Vul de reden in.').waitFor();
    await dialog.getByLabel('Reden').fill('Bezoeker niet geregistreerd door storing in de app.');
    await photograph(admin, 'admin-requests-waiver-decide-phone');
    await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
    await panel.getByText('Verzoek NH-2026-0042 is goedgekeurd.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // It left the pending requests; the approved ones show it with its reason.
    await panel.getByText('Geen verzoeken gevonden.').waitFor();
    await panel.getByLabel('Toon').selectOption({ label: 'Goedgekeurde verzoeken' });
    await card.getByText('Goedgekeurd').waitFor();
    expect(await card.innerText()).toContain('Bezoeker niet geregistreerd door storing in de app.');
    expect(await card.innerText()).toContain(delftAdmin);

    // One a calendar year: a second fine of 2026 is refused, and says so.
    await panel.getByLabel('Nummer van de boete').fill('NH-2026-0043');
    await panel.getByLabel('Datum van de boete').fill('2026-11-21');
    await panel.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    const refusal = panel.getByRole('alert');
    await refusal.getByText('Niet vastgelegd.').waitFor();
    expect(await refusal.innerText()).toContain(
      'voor 2026 al het maximum aantal kwijtscheldingen via de coulanceregeling (1)',
    );
    await panel.getByLabel('Toon').selectOption({ label: 'Alle verzoeken' });
    await panel.getByText('1 van 1 verzoeken getoond.').waitFor();
    await photographBoth(admin, 'admin-requests-waivers');
    await admin.context().close();
  });

  it('compensates an outage in zone B during which anna parked, once', async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, delftAdmin);
    const { adminZones } = await graphqlIn<{ adminZones: { code: string; name: string }[] }>(
      admin,
      '{ adminZones { code name } }',
    );
    const zoneB = adminZones.find((zone) => zone.code === 'B')!;
    const panel = await requestsTab(admin, 'Storingen');
    await panel.getByText('Nog geen compensaties.').waitFor();
    const form = panel.getByRole('form', { name: 'Storing compenseren' });
    await form.getByLabel('Zone').selectOption({ label: `B · ${zoneB.name}` });
    await form.getByLabel('Wat was er aan de hand').fill('Stopknop werkte niet (app-storing)');

    // A window not yet over, or one that ends before it starts, is refused beside its end.
    const apiNow = () => env.platform.now().getTime() - session.lagMs;
    const windowStart = new Date(floorToMinute(session.start.getTime()) - 5 * minute);
    await form.getByLabel('Begin van de storing').fill(localInput(windowStart));
    await form
      .getByLabel('Einde van de storing')
      .fill(localInput(new Date(apiNow() + 2 * 60 * minute)));
    await form.getByRole('button', { name: 'Compenseren' }).click();
    await form.getByText('Een storing kan pas worden gecompenseerd als ze voorbij is.').waitFor();
    expect(await form.getByLabel('Einde van de storing').getAttribute('aria-invalid')).toBe('true');
    await form
      .getByLabel('Einde van de storing')
      .fill(localInput(new Date(windowStart.getTime() - 10 * minute)));
    await form.getByRole('button', { name: 'Compenseren' }).click();
    await form.getByText('Het einde van de storing moet na het begin liggen.').waitFor();

    // The window ends on a whole minute the API has passed, some seconds into the session (its
    // minutes are counted as started ones: those seconds are a paid minute).
    const earliestEnd = session.start.getTime() + 10_000;
    while (floorToMinute(apiNow() - 5_000) < earliestEnd) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const windowEnd = new Date(floorToMinute(apiNow() - 5_000));
    await form.getByLabel('Einde van de storing').fill(localInput(windowEnd));
    await form.getByRole('button', { name: 'Compenseren' }).click();
    const done = form.getByRole('status').filter({ hasText: 'gecompenseerd' });
    await done.getByText('1 sessie gecompenseerd', { exact: false }).waitFor();
    // From the session's start to the window's end, in started minutes.
    const minutesBack = Math.ceil((windowEnd.getTime() - session.start.getTime()) / minute);
    expect(await done.innerText()).toMatch(
      /^Zone B, .*: 1 sessie gecompenseerd, \d+ min teruggegeven\.$/,
    );
    const credited = Number(/(\d+) min teruggegeven/.exec(await done.innerText())![1]);
    expect(credited).toBe(minutesBack);

    const listed = panel.getByTestId('outage-compensations').getByRole('listitem');
    await listed.first().getByText('Stopknop werkte niet (app-storing)').waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.first().innerText()).toContain('Sessies gecompenseerd\n1');
    await photographBoth(admin, 'admin-requests-outage');

    // The same window again would credit the minutes twice: refused, with the earlier window.
    await form.getByLabel('Begin van de storing').fill(localInput(windowStart));
    await form.getByLabel('Einde van de storing').fill(localInput(windowEnd));
    await form.getByLabel('Wat was er aan de hand').fill('Nog een keer');
    await form.getByRole('button', { name: 'Compenseren' }).click();
    const refusal = form.getByRole('alert');
    await refusal.getByText('Niet gecompenseerd.').waitFor();
    expect(await refusal.innerText()).toContain('al gecompenseerd');
    expect(await listed.count()).toBe(1);
    await photograph(admin, 'admin-requests-outage-refused-phone');
    await admin.context().close();
  }, 180_000);
});
