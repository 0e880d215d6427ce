import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '@parkeer/shared/language';

// The officer's strings come with its page's chunk, not through the shared on-demand list: the
// first download that every role shares has no room left (docs/architecture.md §Strings).
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('./i18n/*.json');

/** Whether the officer's strings are there, adding them the first time. */
export function useEnforcementStrings(): boolean {
  const { i18n } = useTranslation();
  const has = () => languages.every((language) => i18n.hasResourceBundle(language, 'enforcement'));
  const [ready, setReady] = useState(has);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void Promise.all(
      languages.map(async (language) => {
        const load = catalogues[`./i18n/${language}.json`];
        if (!load) return;
        const strings = (await load()).default;
        if (!i18n.hasResourceBundle(language, 'enforcement')) {
          i18n.addResourceBundle(language, 'enforcement', strings, true, true);
        }
      }),
    ).then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [i18n, ready]);
  return ready || has();
}
