import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ProductCardFragment } from '../../products/graphql/products.js';
import { ProductHeader } from '../../sessions/components/product-header.js';
import { ProductDetailQuery } from '../../sessions/graphql/sessions.js';
import { useLiveRefetch } from '../../sessions/hooks/use-live-refetch.js';
import { DelegationsQuery } from '../graphql/delegations.js';
import { DelegationCard } from './delegation-card.js';
import { InviteForm } from './invite-form.js';

/**
 * The product's delegations (docs/rules.md §7): who may park on it with which part of the balance,
 * whether they accepted, and what is left; invite someone new, or revoke.
 */
export default function DelegationsPage() {
  const { t } = useTranslation('delegations');
  const { productId = '' } = useParams();
  const [notice, setNotice] = useState<string | null>(null);
  const [product, refetchProduct] = useQuery({
    query: ProductDetailQuery,
    variables: { id: productId },
  });
  const [delegations, refetchDelegations] = useQuery({
    query: DelegationsQuery,
    variables: { permitId: productId },
    requestPolicy: 'cache-and-network',
  });
  const refetch = () => {
    refetchProduct({ requestPolicy: 'network-only' });
    refetchDelegations({ requestPolicy: 'network-only' });
  };
  // A delegate parking spends from the delegation's pot: the amounts left follow live.
  useLiveRefetch(productId, refetch);

  const detail = product.data?.product;
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail) return <Loading />;
  const card = readFragment(ProductCardFragment, detail);
  const list = delegations.data?.delegations;
  const open = list?.filter((delegation) => delegation.status !== 'revoked') ?? [];
  const revoked = list?.filter((delegation) => delegation.status === 'revoked') ?? [];
  const changed = (message: string) => {
    setNotice(message);
    refetch();
  };

  return (
    <section>
      <p>
        <Link to={`/producten/${productId}`}>
          <span aria-hidden="true">← </span>
          {t('backToProduct')}
        </Link>
      </p>
      <ProductHeader product={detail} />
      <h2>{t('title')}</h2>
      {!card.isOwner || !detail.delegationAllowed ? (
        <p className="notice">{t('notAllowed')}</p>
      ) : (
        <>
          <p className="muted">{t('intro')}</p>
          {notice && (
            <p className="notice notice--success" role="status">
              {notice}
            </p>
          )}
          <ErrorNotice error={delegations.error} />
          {!list ? (
            <Loading />
          ) : open.length === 0 ? (
            <p>{t('list.empty')}</p>
          ) : (
            <ul className="list" aria-label={t('title')}>
              {open.map((delegation) => (
                <DelegationCard key={delegation.id} delegation={delegation} onRevoked={changed} />
              ))}
            </ul>
          )}
          {card.balance && (
            <InviteForm productId={productId} available={card.balance} onInvited={changed} />
          )}
          {revoked.length > 0 && (
            <>
              <h2>{t('earlier')}</h2>
              <ul className="list" aria-label={t('earlier')}>
                {revoked.map((delegation) => (
                  <DelegationCard key={delegation.id} delegation={delegation} onRevoked={changed} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
