import i18next, { type i18n, type ThirdPartyModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, languages, type Language } from '@parkeer/shared/language';
import { formatMessage, type MessageSource } from '@parkeer/shared/messages/format-message';

type Catalogue = { default: Record<string, unknown> };

// Every module keeps its strings in modules/<module>/i18n/<language>.json (namespace = module);
// the app's own are app/i18n/<language>.json (namespace "app"). Strings are ICU MessageFormat,
// compiled by the build (docs/architecture.md §Strings). The entry carries only what every area
// shows (the app's and "common"); the residents' pages bring theirs in one chunk (see
// `residentStrings`), the back office its own in the shown language, and occasional pages
// (lending balance, history, buying, plates, a coupling link, the officer's and partner's home)
// their own: each first download stays within its budget (docs/architecture.md §Strings).
const moduleCatalogues = import.meta.glob<Catalogue>('../modules/common/i18n/*.json', {
  eager: true,
});
const onDemandCatalogues = import.meta.glob<Catalogue>(
  '../modules/{admin-addresses,admin-apps,admin-applications,admin-desk,admin-permits,admin-products,admin-quotas,admin-requests,apps,coupling,counter,delegations,flex,history,moving,phone-simulator,plates,top-up,work-home}/i18n/*.json',
);

/** The namespaces whose strings come with their pages (see `pageStrings`). */
export type OnDemandNamespace =
  | 'admin-addresses'
  | 'admin-apps'
  | 'admin-applications'
  | 'admin-desk'
  | 'admin-permits'
  | 'admin-products'
  | 'admin-quotas'
  | 'admin-requests'
  | 'apps'
  | 'coupling'
  | 'counter'
  | 'delegations'
  | 'flex'
  | 'history'
  | 'moving'
  | 'phone-simulator'
  | 'plates'
  | 'top-up'
  | 'work-home';

/** One namespace's strings in every language, as a page loads them: language → strings. */
export type NamespaceStrings = Record<Language, Record<string, unknown>>;

/** Fetches the strings of an on-demand namespace (beside its page's code, in parallel). */
export async function pageStrings(namespace: OnDemandNamespace): Promise<NamespaceStrings> {
  const result = {} as NamespaceStrings;
  await Promise.all(
    Object.entries(onDemandCatalogues)
      .filter(([path]) => namespaceOf(path) === namespace)
      .map(async ([path, load]) => {
        const language = languageOf(path);
        if (isLanguage(language)) result[language] = (await load()).default;
      }),
  );
  return result;
}

/** Adds a namespace's strings to an instance unless they are there already (synchronous). */
export function addPageStrings(
  instance: i18n,
  namespace: OnDemandNamespace,
  strings: NamespaceStrings,
): void {
  for (const language of languages) {
    // The back office may have brought one language of a namespace already.
    if (instance.hasResourceBundle(language, namespace)) continue;
    instance.addResourceBundle(language, namespace, strings[language], true, true);
  }
}

/** Every on-demand namespace's strings (for tests): language → namespace → strings. */
export async function onDemandResources(): Promise<Resources> {
  const result = Object.fromEntries(languages.map((language) => [language, {}])) as Resources;
  await Promise.all(
    Object.entries(onDemandCatalogues).map(async ([path, load]) => {
      const language = languageOf(path);
      if (isLanguage(language)) result[language][namespaceOf(path)] = (await load()).default;
    }),
  );
  return result;
}
const appCatalogues = import.meta.glob<Catalogue>('./i18n/*.json', { eager: true });

/** The residents' pages' strings: language → namespace → strings (one chunk, fetched once). */
export async function residentStrings(): Promise<Resources> {
  const { residentCatalogues } = await import('./resident-strings.js');
  const result = Object.fromEntries(languages.map((language) => [language, {}])) as Resources;
  for (const [path, strings] of Object.entries(residentCatalogues)) {
    const language = languageOf(path);
    if (isLanguage(language)) result[language][namespaceOf(path)] = strings;
  }
  return result;
}

/** Adds the residents' pages' strings to an instance unless they are there (synchronous). */
export function addResidentStrings(instance: i18n, strings: Resources): void {
  for (const language of languages) {
    for (const [namespace, catalogue] of Object.entries(strings[language])) {
      if (instance.hasResourceBundle(language, namespace)) continue;
      instance.addResourceBundle(language, namespace, catalogue, true, true);
    }
  }
}

/** Fetches and adds the residents' pages' strings (for tests and pages outside the router). */
export async function loadResidentStrings(instance: i18n): Promise<void> {
  addResidentStrings(instance, await residentStrings());
}

type Resources = Record<Language, Record<string, Record<string, unknown>>>;

const namespaceOf = (path: string) => /modules\/([^/]+)\/i18n/.exec(path)![1]!;
const languageOf = (path: string) => /([a-z]+)\.json$/.exec(path)?.[1];

/** The catalogues as i18next resources: language → namespace → strings. */
export function resources(): Resources {
  const result = Object.fromEntries(languages.map((language) => [language, {}])) as Resources;
  const add = (path: string, namespace: string, catalogue: Catalogue) => {
    const language = languageOf(path);
    if (isLanguage(language)) result[language][namespace] = catalogue.default;
  };
  for (const [path, catalogue] of Object.entries(moduleCatalogues)) {
    add(path, namespaceOf(path), catalogue);
  }
  for (const [path, catalogue] of Object.entries(appCatalogues)) add(path, 'app', catalogue);
  return result;
}

/** The back office's catalogues in every language (for tests): language → namespace → strings. */
export async function backOfficeResources(): Promise<Resources> {
  const result = Object.fromEntries(languages.map((language) => [language, {}])) as Resources;
  for (const language of languages) {
    const { backOfficeCatalogues } = await backOfficeStringsIn[language]();
    for (const [path, strings] of Object.entries(backOfficeCatalogues)) {
      if (namespaceOf(path) !== 'history') result[language][namespaceOf(path)] = strings;
    }
  }
  return result;
}

/** Whether the back office's strings in this language are in this instance already. */
export const hasBackOfficeStrings = (instance: i18n, language: Language) =>
  instance.hasResourceBundle(language, 'admin');

/**
 * Adds the back office's strings in one language to an instance (once; later calls find them
 * there): the shown language only, the other when the interface switches to it, so the back
 * office's first download carries one language (docs/architecture.md §Strings).
 */
export async function loadBackOfficeStrings(
  instance: i18n,
  language: Language = currentLanguage(instance),
): Promise<void> {
  if (hasBackOfficeStrings(instance, language)) return;
  const { backOfficeCatalogues: loaded } = await backOfficeStringsIn[language]();
  for (const [path, strings] of Object.entries(loaded)) {
    const namespace = namespaceOf(path);
    if (!instance.hasResourceBundle(language, namespace)) {
      instance.addResourceBundle(language, namespace, strings, true, true);
    }
  }
}

// One chunk per language (a literal import each, so the build splits them).
const backOfficeStringsIn = {
  nl: () => import('./back-office-strings.nl.js'),
  en: () => import('./back-office-strings.en.js'),
} satisfies Record<Language, () => Promise<unknown>>;

const storedLanguageKey = 'parkeer.language';

/** The language before anyone logs in: the last one chosen here, else Dutch. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storedLanguageKey);
  return isLanguage(stored) ? stored : defaultLanguage;
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(storedLanguageKey, language);
}

/**
 * Lets the shared ICU formatter fill i18next's messages, so `t('key', { count })` picks the
 * plural inside the message: i18next's own interpolation and `_one`/`_other` keys are not used.
 */
const icuFormat = {
  type: 'i18nFormat',
  // Compiled messages are arrays: i18next must hand them over as they are, not walk them.
  handleAsObject: false,
  init() {},
  addLookupKeys(finalKeys: string[]) {
    return finalKeys;
  },
  parse(message: unknown, options: Record<string, unknown>, language: string) {
    if (options.returnObjects && !Array.isArray(message)) return message;
    if (typeof message !== 'string' && !Array.isArray(message)) return message;
    const into = isLanguage(language) ? language : defaultLanguage;
    return formatMessage(message as MessageSource, into, options);
  },
} as unknown as ThirdPartyModule;

/** An i18next instance with the entry's strings (the app's, `common`); pages add theirs. */
export function createI18n(language: Language = initialLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(initReactI18next)
    .use(icuFormat)
    .init({
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
