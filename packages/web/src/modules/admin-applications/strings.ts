import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPageStrings, currentLanguage, pageStrings } from '../../app/i18n.js';

/**
 * Whether the counter's back-office strings are there, fetching them the first time: they come
 * with its pages (the queue, an application, a product's counter settings, the town's fee), not
 * in the back office's first download, which has no room left (docs/architecture.md §Strings).
 */
export function useApplicationStrings(): boolean {
  const { i18n } = useTranslation();
  const has = () => i18n.hasResourceBundle(currentLanguage(i18n), 'admin-applications');
  const [ready, setReady] = useState(has);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void pageStrings('admin-applications').then((strings) => {
      addPageStrings(i18n, 'admin-applications', strings);
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [i18n, ready]);
  return ready || has();
}
