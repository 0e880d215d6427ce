import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { Provider, type Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import pkg from '../../package.json';
import AboutPage from '../modules/about/components/about-page.js';
import { createI18n, loadResidentStrings } from './i18n.js';

/** A client that answers every query at once with this data. */
const answering = (data: unknown) =>
  ({ executeQuery: () => fromValue({ data, stale: false, hasNext: false }) }) as unknown as Client;

async function renderAbout(language: 'nl' | 'en') {
  const i18n = createI18n(language);
  await loadResidentStrings(i18n);
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <Provider value={answering({ about: { name: '@parkeer/api', version: '9.8.7' } })}>
        <AboutPage />
      </Provider>
    </I18nextProvider>,
  );
}

describe('the about page', () => {
  it("shows the app's own version and the API's, for a problem report", async () => {
    const html = await renderAbout('nl');
    expect(html).toMatch(/<h1[^>]*>Over Parkeer<\/h1>/);
    expect(html).toContain(`>${pkg.version}<`);
    expect(html).toContain('9.8.7 (@parkeer/api)');
  });

  it('speaks English when that is the language', async () => {
    expect(await renderAbout('en')).toMatch(/<h1[^>]*>About Parkeer<\/h1>/);
  });
});
