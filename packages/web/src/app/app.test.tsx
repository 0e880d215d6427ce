import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './app.js';

describe('App', () => {
  it('renders the Parkeer heading and the Dutch introduction', () => {
    const html = renderToString(<App />);

    expect(html).toMatch(/<h1[^>]*>Parkeer<\/h1>/);
    expect(html).toContain('Vraag uw parkeervergunning aan');
    // Effects do not run on the server: the footer waits for the API version.
    expect(html).toContain('API-versie wordt opgehaald');
  });
});
