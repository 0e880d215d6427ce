import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPageStrings, currentLanguage, pageStrings } from '../../app/i18n.js';

/**
 * Whether the desk page's strings are there, fetching them the first time: they come with the
 * page, not in the back office's first download, which has no room left
 * (docs/architecture.md §Strings).
 */
export function useDeskStrings(): boolean {
  const { i18n } = useTranslation();
  const has = () => i18n.hasResourceBundle(currentLanguage(i18n), 'admin-desk');
  const [ready, setReady] = useState(has);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void pageStrings('admin-desk').then((strings) => {
      addPageStrings(i18n, 'admin-desk', strings);
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [i18n, ready]);
  return ready || has();
}
