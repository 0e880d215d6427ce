import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { Tabs } from '../../../app/ui/tabs.js';
import { ProductCardFragment } from '../../products/graphql/products.js';
import { ProductHeader } from '../../sessions/components/product-header.js';
import { ProductDetailQuery } from '../../sessions/graphql/sessions.js';
import { SessionHistoryQuery, TransactionHistoryQuery } from '../graphql/history.js';
import { usePagedHistory } from '../hooks/use-paged-history.js';
import { PagedList } from './paged-list.js';
import { SessionHistoryRow } from './session-history-row.js';
import { TransactionRow } from './transaction-row.js';
import { UsagePanel } from './usage-panel.js';

/**
 * The product's history (docs/rules.md §8): its sessions and, for the owner, every change of its
 * balance; each 10 at a time, with their counts on the tabs.
 */
export default function HistoryPage() {
  const { t } = useTranslation('history');
  const { productId = '' } = useParams();
  const [product] = useQuery({ query: ProductDetailQuery, variables: { id: productId } });
  const detail = product.data?.product;
  const card = detail ? readFragment(ProductCardFragment, detail) : null;
  const sessions = usePagedHistory(SessionHistoryQuery, productId, (data) => data.sessionHistory);
  const transactions = usePagedHistory(
    TransactionHistoryQuery,
    productId,
    (data) => data.transactionHistory,
    !card?.isOwner,
  );

  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail || !card) return <Loading />;
  const withCount = (label: string, count: number | null) =>
    count === null ? label : t('tabs.withCount', { label, count });
  const sessionList = (
    <PagedList
      paged={sessions}
      empty={t('session.empty')}
      testId="session-history"
      renderRow={(session) => <SessionHistoryRow session={session} />}
    />
  );

  return (
    <section>
      <p>
        <Link to={`/producten/${productId}`}>
          <span aria-hidden="true">← </span>
          {t('backToProduct')}
        </Link>
      </p>
      <ProductHeader product={detail} />
      {card.isOwner ? (
        <>
          <h2>{t('title')}</h2>
          <Tabs
            label={t('title')}
            tabs={[
              {
                key: 'sessions',
                label: withCount(t('tabs.sessions'), sessions.totalCount),
                panel: sessionList,
              },
              {
                key: 'transactions',
                label: withCount(t('tabs.transactions'), transactions.totalCount),
                panel: (
                  <PagedList
                    paged={transactions}
                    empty={t('transaction.empty')}
                    testId="transaction-history"
                    renderRow={(transaction) => (
                      <TransactionRow
                        transaction={transaction}
                        unit={card.balance?.unit ?? 'minutes'}
                      />
                    )}
                  />
                ),
              },
              ...(card.balance
                ? [
                    {
                      key: 'usage',
                      label: t('usage.tab'),
                      panel: <UsagePanel productId={productId} isOwner />,
                    },
                  ]
                : []),
            ]}
          />
        </>
      ) : (
        <>
          {/* A delegate sees its own sessions only, and no transactions (docs/rules.md §8). */}
          <h2>{withCount(t('delegateTitle'), sessions.totalCount)}</h2>
          {sessionList}
          {card.balance && (
            <>
              <h2>{t('usage.tab')}</h2>
              <UsagePanel productId={productId} isOwner={false} />
            </>
          )}
        </>
      )}
    </section>
  );
}
