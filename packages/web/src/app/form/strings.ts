import { useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

const namespace = 'form';
const catalogues = { nl, en } as const;

/** Adds the kit's strings to an instance once (they come with the kit, not with the app). */
function addFormStrings(instance: i18n) {
  for (const [language, strings] of Object.entries(catalogues)) {
    if (!instance.hasResourceBundle(language, namespace)) {
      instance.addResourceBundle(language, namespace, strings, true, true);
    }
  }
}

/**
 * The form kit's own words (required, busy, the counter, the summary's title). They are in the
 * kit's chunk, so the residents' initial JavaScript does not carry them (docs/architecture.md,
 * "The web app").
 */
export function useFormStrings() {
  const { i18n: instance } = useTranslation();
  addFormStrings(instance);
  return useTranslation(namespace);
}
