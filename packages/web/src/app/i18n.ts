import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, languages, type Language } from '@parkeer/shared/language';

type Catalogue = { default: Record<string, unknown> };

// Every module keeps its strings in modules/<module>/i18n/<language>.json (namespace = module);
// the app's own are app/i18n/<language>.json (namespace "app").
const moduleCatalogues = import.meta.glob<Catalogue>('../modules/*/i18n/*.json', { eager: true });
const appCatalogues = import.meta.glob<Catalogue>('./i18n/*.json', { eager: true });

/** The catalogues as i18next resources: language → namespace → strings. */
export function resources(): Record<Language, Record<string, Record<string, unknown>>> {
  const result = Object.fromEntries(languages.map((language) => [language, {}])) as Record<
    Language,
    Record<string, Record<string, unknown>>
  >;
  const add = (path: string, namespace: string, catalogue: Catalogue) => {
    const language = /([a-z]+)\.json$/.exec(path)?.[1];
    if (isLanguage(language)) result[language][namespace] = catalogue.default;
  };
  for (const [path, catalogue] of Object.entries(moduleCatalogues)) {
    add(path, /modules\/([^/]+)\/i18n/.exec(path)![1]!, catalogue);
  }
  for (const [path, catalogue] of Object.entries(appCatalogues)) add(path, 'app', catalogue);
  return result;
}

const storedLanguageKey = 'parkeer.language';

/** The language before anyone logs in: the last one chosen here, else Dutch. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storedLanguageKey);
  return isLanguage(stored) ? stored : defaultLanguage;
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(storedLanguageKey, language);
}

/** An i18next instance with every catalogue loaded (no requests: the strings are small). */
export function createI18n(language: Language = initialLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: resources(),
    lng: language,
    fallbackLng: defaultLanguage,
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

export function currentLanguage(instance: i18n): Language {
  return isLanguage(instance.language) ? instance.language : defaultLanguage;
}
