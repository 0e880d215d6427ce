import { describe, expect, it } from 'vitest';
import {
  desktop,
  openPage,
  phone,
  photographBoth,
  screenshot,
  useChromiumPlatform,
} from './browser.js';

/** DigiD and eHerkenning through the demo's Test-DigiD / Test-eHerkenning broker (docs/rules.md §6). */
describe('logging in with the test DigiD and eHerkenning, in chromium', () => {
  const env = useChromiumPlatform();

  it('goes from the login page to Test-DigiD, picks a person and comes back signed in, on a phone', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto('/inloggen');
    const digid = page.getByRole('link', { name: /^Inloggen met DigiD \(Gemeente Delft/ });
    await digid.waitFor();
    await photographBoth(page, 'identity-login-options');
    await digid.click();
    await page.waitForURL((url) => url.pathname.startsWith('/test-idp/interaction/'));
    await page.getByText(/^TESTOMGEVING – dit is geen echte DigiD/).waitFor();
    await page
      .getByRole('heading', { level: 1, name: 'Test-DigiD: kies een testpersoon' })
      .waitFor();
    await screenshot(page, 'identity-test-digid-phone');
    await page.getByRole('button', { name: /^Anna de Vries/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/producten'));
    await page.goto('/instellingen');
    await page.getByText(/^DigiD is gekoppeld aan dit account sinds/).waitFor();
    await page.getByText(/^Ingelogd met DigiD, betrouwbaarheidsniveau midden/).waitFor();
    await page.getByText(/^Nog geen e-mailadres/).waitFor();
    await photographBoth(page, 'identity-settings-digid');
    await page.context().close();
  });

  it('shows whom a carer acts for with DigiD Machtigen, on every page', async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await page.goto('/inloggen');
    await page.getByRole('link', { name: /^Inloggen met DigiD \(Gemeente Delft/ }).click();
    await page.getByRole('button', { name: /^Carla Smit, namens haar vader Dirk Smit/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/producten'));
    await page.getByText('U handelt namens Dirk Smit.').waitFor();
    await photographBoth(page, 'identity-acting-for');
    await page.goto('/instellingen');
    await page.getByText('U handelt namens Dirk Smit.').waitFor();
    await page.context().close();
  });

  it('says why an eHerkenning EH1 login is refused, back on the login page', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await page.goto('/inloggen');
    await page.getByRole('link', { name: /^Inloggen met eHerkenning \(Gemeente Delft/ }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Test-eHerkenning: kies een testbedrijf' })
      .waitFor();
    await page.getByRole('button', { name: /^Kapsalon Knip/ }).click();
    await page.waitForURL((url) => url.pathname === '/inloggen');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Het betrouwbaarheidsniveau van dit inlogmiddel is te laag/,
    );
    await photographBoth(page, 'identity-assurance-too-low');
    // The business at EH2 gets in, as a business.
    await page.getByRole('link', { name: /^Inloggen met eHerkenning \(Gemeente Delft/ }).click();
    await page.getByRole('button', { name: /^Bakkerij De Korenschoof/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/producten'));
    await page.context().close();
  });
});
