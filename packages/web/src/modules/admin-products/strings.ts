import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPageStrings, currentLanguage, pageStrings } from '../../app/i18n.js';

/**
 * Whether the products' and town settings' strings are there, fetching them the first time: they
 * come with their pages, not in the back office's first download, which has no room left
 * (docs/architecture.md §Strings). The menu's two labels are the back office's own (`admin`).
 */
export function useProductStrings(): boolean {
  const { i18n } = useTranslation();
  const has = () => i18n.hasResourceBundle(currentLanguage(i18n), 'admin-products');
  const [ready, setReady] = useState(has);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void pageStrings('admin-products').then((strings) => {
      addPageStrings(i18n, 'admin-products', strings);
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [i18n, ready]);
  return ready || has();
}
