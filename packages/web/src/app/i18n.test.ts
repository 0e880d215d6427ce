import { describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { languages, type Language } from '@parkeer/shared/language';
import { argumentNames, countsOutsidePlurals } from '@parkeer/shared/messages/count-arguments';
import {
  addPageStrings,
  backOfficeResources,
  createI18n,
  loadBackOfficeStrings,
  loadResidentStrings,
  onDemandResources,
  residentStrings,
  pageStrings,
  resources,
} from './i18n.js';

/** Every message of a catalogue by its key path, e.g. `login.title`. */
function messagesOf(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) =>
    messagesOf(inner, prefix ? `${prefix}.${key}` : key),
  );
}

// The catalogues as written (the build compiles them): language → namespace → key → message.
const sources = import.meta.glob<string>(['../modules/*/i18n/*.json', './i18n/*.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const written = Object.fromEntries(languages.map((language) => [language, {}])) as Record<
  Language,
  Record<string, Map<string, unknown>>
>;
for (const [path, text] of Object.entries(sources)) {
  const language = /([a-z]+)\.json$/.exec(path)![1] as Language;
  const namespace = /modules\/([^/]+)\/i18n/.exec(path)?.[1] ?? 'app';
  written[language][namespace] = new Map(messagesOf(JSON.parse(text)));
}

const shared = resources();
const residents = await residentStrings();
const backOffice = await backOfficeResources();
const onDemand = await onDemandResources();

describe('the interface catalogues', () => {
  it('hold messages and groups of messages, never lists (a compiled message is a list itself)', () => {
    const lists = Object.entries(sources)
      .filter(([, text]) =>
        JSON.stringify(JSON.parse(text), (_key, value: unknown) =>
          Array.isArray(value) ? 'LIST' : value,
        ).includes('"LIST"'),
      )
      .map(([path]) => path);
    expect(lists).toEqual([]);
  });

  it('say everything in Dutch and in English: the same namespaces and keys', () => {
    const namespaces = Object.keys(written.nl).sort();
    expect(namespaces.length).toBeGreaterThan(3);
    expect(namespaces).toEqual(
      [
        ...Object.keys(shared.nl),
        ...Object.keys(residents.nl),
        ...Object.keys(backOffice.nl),
        ...Object.keys(onDemand.nl),
        // Loaded by its page itself, beside the shared lists (modules/enforcement/strings.ts).
        'enforcement',
      ].sort(),
    );
    for (const language of languages)
      expect(Object.keys(written[language]).sort()).toEqual(namespaces);
    for (const namespace of namespaces) {
      expect([...written.en[namespace]!.keys()].sort(), namespace).toEqual(
        [...written.nl[namespace]!.keys()].sort(),
      );
    }
  });

  it('are ICU MessageFormat: non-empty, the same arguments in both languages, no old syntax', () => {
    for (const [namespace, messages] of Object.entries(written.nl)) {
      for (const [key, nl] of messages) {
        const en = written.en[namespace]!.get(key);
        const where = `${namespace}:${key}`;
        for (const text of [nl, en]) {
          expect(typeof text === 'string' && text.trim() !== '', where).toBe(true);
          // At the top, i18next's `{{name}}` does not parse; in a plural's branch it would.
          if (!/,\s*(plural|select)\s*,/.test(text as string)) {
            expect(text, `${where} uses i18next's {{…}}`).not.toMatch(/\{\{/);
          }
          expect(key, `${where} is an i18next plural key`).not.toMatch(/_(zero|one|other)$/);
        }
        const [nlTree, enTree] = [nl, en].map((text) => parse(text as string, { ignoreTag: true }));
        expect(argumentNames(enTree!), where).toEqual(argumentNames(nlTree!));
      }
    }
  });

  it('show every count in a plural (docs/architecture.md §Strings)', () => {
    const wrong = languages.flatMap((language) =>
      Object.entries(written[language]).flatMap(([namespace, messages]) =>
        [...messages]
          .filter(([, text]) => countsOutsidePlurals(parse(text as string)).length > 0)
          .map(([key]) => `${language}/${namespace}:${key}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('say one and more in words that fit, in both languages', async () => {
    const i18n = createI18n('nl');
    await Promise.all([loadBackOfficeStrings(i18n), loadResidentStrings(i18n)]);
    addPageStrings(i18n, 'admin-permits', await pageStrings('admin-permits'));
    // The products' pages bring their own strings (admin-products/strings.ts).
    addPageStrings(i18n, 'admin-products', await pageStrings('admin-products'));
    expect(i18n.t('admin-zones:exceptionCount', { count: 1 })).toBe('1 uitzondering');
    expect(i18n.t('admin-zones:exceptionCount', { count: 3 })).toBe('3 uitzonderingen');
    expect(i18n.t('admin-permits:revoke.endedSessions', { count: 0 })).toBe(
      'Er waren geen sessies te beëindigen.',
    );
    expect(i18n.t('admin-products:detail.facts', { count: 1, code: 'B', unit: 'uur' })).toBe(
      'Code B · saldo: uur · 1 vergunning',
    );
    expect(i18n.t('sessions:tabs.running', { count: 1234 })).toBe('Lopend (1.234)');
    await i18n.changeLanguage('en');
    await loadBackOfficeStrings(i18n);
    expect(i18n.t('admin-zones:exceptionCount', { count: 1 })).toBe('1 exception');
    expect(i18n.t('admin-products:detail.facts', { count: 2, code: 'B', unit: 'hours' })).toBe(
      'Code B · balance: hours · 2 permits',
    );
    expect(i18n.t('sessions:tabs.running', { count: 1234 })).toBe('Running (1,234)');
  });

  it('fill arguments and show text with quotes as written', async () => {
    const i18n = createI18n('nl');
    await loadResidentStrings(i18n);
    expect(i18n.t('auth:forgot.sent', { email: 'a@b.nl' })).toContain('e-mailadres a@b.nl,');
    expect(i18n.t('nav.products')).toBe('Producten');
  });

  it("keeps the residents' pages' strings out of the entry the back office shares", async () => {
    expect(Object.keys(shared.nl).sort()).toEqual(['app', 'common']);
    expect(Object.keys(residents.nl)).toEqual(expect.arrayContaining(['auth', 'sessions']));
    const i18n = createI18n('nl');
    expect(i18n.t('sessions:tabs.running', { count: 2 })).toBe('tabs.running');
    await loadResidentStrings(i18n);
    expect(i18n.t('sessions:tabs.running', { count: 2 })).toBe('Lopend (2)');
  });

  it('switches the interface language', async () => {
    const i18n = createI18n('nl');
    expect(i18n.t('nav.products')).toBe('Producten');
    await i18n.changeLanguage('en');
    expect(i18n.t('nav.products')).toBe('Products');
  });

  it("keeps the back office's strings out of the residents' app until the back office opens", async () => {
    expect(Object.keys(backOffice.nl)).toContain('admin');
    expect(
      [...Object.keys(shared.nl), ...Object.keys(residents.nl)].filter((namespace) =>
        namespace.startsWith('admin'),
      ),
    ).toEqual([]);
    const i18n = createI18n('en');
    expect(i18n.t('admin:menu.dashboard')).toBe('menu.dashboard');
    await loadBackOfficeStrings(i18n);
    expect(i18n.t('admin:menu.dashboard')).toBe(
      (backOffice.en.admin as { menu: { dashboard: string } }).menu.dashboard,
    );
    // The permit ledger shows the residents' history rows: their strings come along.
    expect(i18n.t('history:ledgerKind.topUp')).toBe('Top-up');
  });

  it("brings the back office's strings in the shown language only, the other when asked", async () => {
    const i18n = createI18n('en');
    await loadBackOfficeStrings(i18n);
    expect(i18n.hasResourceBundle('en', 'admin-zones')).toBe(true);
    expect(i18n.hasResourceBundle('nl', 'admin-zones')).toBe(false);
    expect(i18n.hasResourceBundle('nl', 'history')).toBe(false);
    await i18n.changeLanguage('nl');
    await loadBackOfficeStrings(i18n, 'nl');
    expect(i18n.t('admin-zones:exceptionCount', { count: 3 })).toBe('3 uitzonderingen');
    expect(i18n.t('history:title')).toBe('Geschiedenis');
  });

  it('brings the strings of occasional pages with them, not in the first download', async () => {
    expect(Object.keys(onDemand.nl).sort()).toEqual(
      [
        'admin-addresses',
        'admin-applications',
        'admin-apps',
        'admin-desk',
        'admin-permits',
        'admin-products',
        'admin-quotas',
        'admin-requests',
        'apps',
        'coupling',
        'counter',
        'delegations',
        'flex',
        'history',
        'moving',
        'phone-simulator',
        'plates',
        'top-up',
        'work-home',
      ].sort(),
    );
    for (const namespace of Object.keys(onDemand.nl)) {
      expect(Object.keys(shared.nl), namespace).not.toContain(namespace);
      expect(Object.keys(residents.nl), namespace).not.toContain(namespace);
    }
    const i18n = createI18n('nl');
    expect(i18n.t('history:title')).toBe('title');
    addPageStrings(i18n, 'history', await pageStrings('history'));
    expect(i18n.t('history:title')).toBe('Geschiedenis');
    await i18n.changeLanguage('en');
    expect(i18n.t('history:title')).toBe('History');
  });
});
