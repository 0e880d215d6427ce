import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ProductCardFragment } from '../../products/graphql/products.js';
import { RequestsDoor } from '../../requests/components/requests-door.js';
import { ProductDetailQuery, SessionsQuery } from '../graphql/sessions.js';
import { useLiveRefetch } from '../hooks/use-live-refetch.js';
import { ProductHeader } from './product-header.js';
import { SessionList } from './session-list.js';
import { SessionTabs } from './session-tabs.js';

/** The selected product: its header, its sessions (live), and what can be done with it. */
export default function ProductSessionsPage() {
  const { t } = useTranslation('sessions');
  const { productId = '' } = useParams();
  // Set by the new-session page after a start: said once, here.
  const started = (useLocation().state as { notice?: 'started' | 'planned' } | null)?.notice;
  // The last thing done here, said in a status region that is there before it changes.
  const [notice, setNotice] = useState(() => (started ? t(`notice.${started}`) : null));
  const [product, refetchProduct] = useQuery({
    query: ProductDetailQuery,
    variables: { id: productId },
  });
  const [sessions, refetchSessions] = useQuery({
    query: SessionsQuery,
    variables: { permitId: productId },
  });
  const refetch = () => {
    refetchProduct({ requestPolicy: 'network-only' });
    refetchSessions({ requestPolicy: 'network-only' });
  };
  useLiveRefetch(productId, refetch);
  const changed = (done: string) => {
    setNotice(done);
    refetch();
  };

  const detail = product.data?.product;
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail) return <Loading />;
  const card = readFragment(ProductCardFragment, detail);
  const list = sessions.data?.sessions;
  const ground = list && { product: detail, sessions: [...list.running, ...list.planned] };

  return (
    <section>
      <ProductHeader product={detail} />
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
      <nav className="actions" aria-label={t('productActions')}>
        {card.isOwner && card.kind === 'flexibleBusinessPermit' && (
          <Link className="button" to={`/producten/${productId}/vandaag`}>
            {t('actions.flexToday')}
          </Link>
        )}
        {card.hasSessions && card.status === 'active' && (
          <Link className="button" to={`/producten/${productId}/parkeren`}>
            {t('actions.newSession')}
          </Link>
        )}
        {card.canTopUp && (
          <Link className="button button--secondary" to={`/producten/${productId}/opwaarderen`}>
            {t('actions.topUp')}
          </Link>
        )}
        {card.isOwner && card.hasSessions && (
          <Link className="button button--secondary" to={`/producten/${productId}/favorieten`}>
            {t('actions.favorites')}
          </Link>
        )}
        {card.isOwner && detail.delegationAllowed && (
          <Link className="button button--secondary" to={`/producten/${productId}/machtigingen`}>
            {t('actions.delegations')}
          </Link>
        )}
        <Link className="button button--secondary" to={`/producten/${productId}/geschiedenis`}>
          {t('actions.history')}
        </Link>
        {card.isOwner && <RequestsDoor productId={productId} />}
        {card.isOwner && !card.hasSessions && (
          <Link className="button button--secondary" to={`/producten/${productId}/kentekens`}>
            {t('actions.plates')}
          </Link>
        )}
      </nav>
      {card.hasSessions && (
        <>
          <h2>{t('sessionsTitle')}</h2>
          <ErrorNotice error={sessions.error} />
          {!list ? (
            <Loading />
          ) : (
            <SessionTabs
              runningCount={list.runningCount}
              plannedCount={list.plannedCount}
              initial={started === 'planned' ? 'planned' : 'running'}
              running={<SessionList sessions={list.running} onChanged={changed} ground={ground} />}
              planned={<SessionList sessions={list.planned} onChanged={changed} ground={ground} />}
            />
          )}
        </>
      )}
    </section>
  );
}
