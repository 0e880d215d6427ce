import { describe, expect, it } from 'vitest';
import { languages } from '@parkeer/shared/language';
import { backOfficeResources, createI18n, loadBackOfficeStrings, resources } from './i18n.js';

/** Every key path of a catalogue, e.g. `login.title`. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysOf(inner, prefix ? `${prefix}.${key}` : key),
  );
}

const residents = resources();
const backOffice = await backOfficeResources();
// Every catalogue, the residents' and the back office's (loaded with the back office).
const all = Object.fromEntries(
  languages.map((language) => [language, { ...residents[language], ...backOffice[language] }]),
) as typeof residents;

describe('the interface catalogues', () => {
  it('say everything in Dutch and in English: the same namespaces and keys', () => {
    const namespaces = Object.keys(all.nl).sort();
    expect(namespaces.length).toBeGreaterThan(3);
    for (const language of languages) expect(Object.keys(all[language]).sort()).toEqual(namespaces);
    for (const namespace of namespaces) {
      expect(keysOf(all.en[namespace]).sort(), namespace).toEqual(keysOf(all.nl[namespace]).sort());
    }
  });

  it('have no empty strings', () => {
    for (const language of languages) {
      for (const [namespace, catalogue] of Object.entries(all[language])) {
        const empty = keysOf(catalogue).filter((path) => {
          const value = path
            .split('.')
            .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue);
          return typeof value !== 'string' || value.trim() === '';
        });
        expect(empty, `${language}/${namespace}`).toEqual([]);
      }
    }
  });

  it('switches the interface language', async () => {
    const i18n = createI18n('nl');
    expect(i18n.t('nav.products')).toBe('Producten');
    await i18n.changeLanguage('en');
    expect(i18n.t('nav.products')).toBe('Products');
  });

  it("keeps the back office's strings out of the residents' app until the back office opens", async () => {
    expect(Object.keys(backOffice.nl)).toContain('admin');
    expect(Object.keys(residents.nl).filter((namespace) => namespace.startsWith('admin'))).toEqual(
      [],
    );
    const i18n = createI18n('en');
    expect(i18n.t('admin:menu.dashboard')).toBe('menu.dashboard');
    await loadBackOfficeStrings(i18n);
    expect(i18n.t('admin:menu.dashboard')).toBe(
      (backOffice.en.admin as { menu: { dashboard: string } }).menu.dashboard,
    );
  });
});
