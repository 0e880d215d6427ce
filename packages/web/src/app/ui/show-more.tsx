import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list that grows with 'show more': after more rows came, focus goes to the first new row,
 * because the button may be gone and a screen reader should continue where the new rows are.
 * Give `list` to the list element and call `more` instead of the loader's own 'show more'.
 */
export function useShowMore<List extends HTMLElement>(count: number, showMore: () => void) {
  const list = useRef<List>(null);
  const firstNew = useRef<number | null>(null);
  useEffect(() => {
    if (firstNew.current === null || count <= firstNew.current) return;
    const row = list.current?.children[firstNew.current];
    firstNew.current = null;
    if (row instanceof HTMLElement) row.focus();
  }, [count]);
  const more = () => {
    firstNew.current = count;
    showMore();
  };
  return { list, more };
}

/** The 'show more' button under a list. */
export function ShowMoreButton({ onClick }: { onClick(): void }) {
  const { t } = useTranslation('common');
  return (
    <div className="actions">
      <button type="button" className="button button--secondary" onClick={onClick}>
        {t('showMore')}
      </button>
    </div>
  );
}
