import { describe, expect, it } from 'vitest';
import {
  graphqlIn,
  logIn,
  openPage,
  phone,
  photographBoth,
  useChromiumPlatform,
} from './browser.js';

const delftAdmin = 'beheer@delft.demo.parkeer.nl';

describe('the back office’s strings in chromium', () => {
  const env = useChromiumPlatform();

  it('come in the shown language only, and in the other when the interface switches', async () => {
    const admin = await openPage(env.browser, env.platform, phone);
    await logIn(admin, env.platform, delftAdmin);
    await admin.waitForURL((url) => url.pathname === '/beheer');

    // A fresh visit, as the first download counts it (docs/architecture.md, "The web app").
    const scripts: string[] = [];
    admin.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    const fetched = (name: string) => scripts.some((path) => path.includes(name));
    expect(fetched('back-office-strings.nl')).toBe(true);
    expect(fetched('back-office-strings.en')).toBe(false);
    expect(fetched('resident-strings')).toBe(false);

    // The account's language changes elsewhere; the next visit opens in Dutch (remembered here)
    // and switches once the account says English: the English strings come then.
    await graphqlIn(admin, 'mutation { updateSettings(input: { language: en }) { language } }');
    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await admin.getByRole('button', { name: 'Menu' }).click();
    await admin.getByRole('link', { name: 'Audit log' }).waitFor();
    await admin.getByRole('button', { name: 'Close menu' }).click();
    expect(await admin.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(fetched('back-office-strings.en')).toBe(true);
    expect(fetched('resident-strings')).toBe(false);
    await photographBoth(admin, 'admin-dashboard-english');

    await graphqlIn(admin, 'mutation { updateSettings(input: { language: nl }) { language } }');
    await admin.context().close();
  });
});
