import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPageStrings, currentLanguage, pageStrings } from '../../app/i18n.js';

/**
 * Whether the partner apps' strings are there, fetching them the first time: they come with
 * their page, not in the back office's first download (docs/architecture.md §Strings).
 */
export function usePartnerAppStrings(): boolean {
  const { i18n } = useTranslation();
  const has = () => i18n.hasResourceBundle(currentLanguage(i18n), 'admin-apps');
  const [ready, setReady] = useState(has);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void pageStrings('admin-apps').then((strings) => {
      addPageStrings(i18n, 'admin-apps', strings);
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [i18n, ready]);
  return ready || has();
}
