import { describe, expect, it } from 'vitest';
import {
  devices,
  followMenuLink,
  openPage,
  photographOn,
  screenshot,
  useChromiumPlatform,
  type Device,
} from './browser.js';

/**
 * Who signs in on which device: the platform is shared by both devices' tests, and a first
 * DigiD login is the one that makes the account.
 */
const people = {
  phone: /^Anna de Vries/,
  desktop: /^Frank de Boer/,
} as const;

/**
 * DigiD and eHerkenning through the demo's Test-DigiD / Test-eHerkenning broker (docs/rules.md §6),
 * on a phone and on a desktop.
 */
describe('logging in with the test DigiD and eHerkenning, in chromium', () => {
  const env = useChromiumPlatform();

  describe.each(devices)('on a $name', (device: Device) => {
    it('goes from the login page to Test-DigiD, picks a person and comes back signed in', async () => {
      const page = await openPage(env.browser, env.platform, device);
      await page.goto('/inloggen');
      const digid = page.getByRole('link', { name: /^Inloggen met DigiD \(Gemeente Delft/ });
      await digid.waitFor();
      await photographOn(page, 'identity-login-options', device);
      await digid.click();
      await page.waitForURL((url) => url.pathname.startsWith('/test-idp/interaction/'));
      await page.getByText(/^TESTOMGEVING – dit is geen echte DigiD/).waitFor();
      await page
        .getByRole('heading', { level: 1, name: 'Test-DigiD: kies een testpersoon' })
        .waitFor();
      await screenshot(page, `identity-test-digid-${device.name}`);
      await page.getByRole('button', { name: people[device.name] }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/producten'));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await followMenuLink(page, 'Instellingen');
      await page.getByText(/^DigiD is gekoppeld aan dit account sinds/).waitFor();
      await page.getByText(/^Ingelogd met DigiD, betrouwbaarheidsniveau midden/).waitFor();
      await page.getByText(/^Nog geen e-mailadres/).waitFor();
      await photographOn(page, 'identity-settings-digid', device);
      await page.context().close();
    });

    it('shows whom a carer acts for with DigiD Machtigen, on every page', async () => {
      const page = await openPage(env.browser, env.platform, device);
      await page.goto('/inloggen');
      await page.getByRole('link', { name: /^Inloggen met DigiD \(Gemeente Delft/ }).click();
      await page.getByRole('button', { name: /^Carla Smit, namens haar vader Dirk Smit/ }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/producten'));
      await page.getByText('U handelt namens Dirk Smit.').waitFor();
      await photographOn(page, 'identity-acting-for', device);
      await followMenuLink(page, 'Instellingen');
      await page.waitForURL((url) => url.pathname.startsWith('/instellingen'));
      await page.getByText('U handelt namens Dirk Smit.').waitFor();
      await page.context().close();
    });

    it('says why an eHerkenning EH1 login is refused, back on the login page', async () => {
      const page = await openPage(env.browser, env.platform, device);
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
      await photographOn(page, 'identity-assurance-too-low', device);
      // The business at EH2 gets in, as a business.
      await page.getByRole('link', { name: /^Inloggen met eHerkenning \(Gemeente Delft/ }).click();
      await page.getByRole('button', { name: /^Bakkerij De Korenschoof/ }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/producten'));
      await page.context().close();
    });
  });
});
