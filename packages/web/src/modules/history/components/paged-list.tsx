import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ShowMoreButton, useShowMore } from '../../../app/ui/show-more.js';
import type { PagedHistory } from '../hooks/use-paged-history.js';

/**
 * The rows loaded so far, how many of how many, and 'show more'. After more came, focus goes to
 * the first new row: the button may be gone, and a screen reader continues where the new rows are.
 */
export function PagedList<Node extends { readonly id: string }>({
  paged,
  empty,
  testId,
  renderRow,
}: {
  paged: PagedHistory<Node>;
  empty: string;
  testId: string;
  renderRow(node: Node): ReactNode;
}) {
  const { t } = useTranslation('history');
  const count = paged.nodes.length;
  const { list, more } = useShowMore<HTMLUListElement>(count, paged.showMore);

  if (paged.error && count === 0) return <ErrorNotice error={paged.error} />;
  if (count === 0) return paged.loading ? <Loading /> : <p className="muted">{empty}</p>;
  return (
    <>
      <ul className="list" ref={list} data-testid={testId}>
        {paged.nodes.map((node) => (
          <li key={node.id} className="card" tabIndex={-1}>
            {renderRow(node)}
          </li>
        ))}
      </ul>
      <ErrorNotice error={paged.error} />
      <p className="muted" aria-live="polite">
        {t('shown', { shown: count, total: paged.totalCount ?? count })}
      </p>
      {paged.loading && <Loading />}
      {paged.hasMore && <ShowMoreButton onClick={more} />}
    </>
  );
}
