import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { ProductCardFragment } from '../../products/graphql/products.js';
import { ProductHeader } from '../../sessions/components/product-header.js';
import { ProductDetailQuery } from '../../sessions/graphql/sessions.js';
import { useLiveRefetch } from '../../sessions/hooks/use-live-refetch.js';
import { TopUpOffersQuery } from '../graphql/top-up.js';
import { refusalText } from '../refusal.js';
import { CapStatus } from './cap-status.js';
import { OfferForm } from './offer-form.js';

/**
 * Buying balance (docs/rules.md §4): the amounts allowed now with their prices, or why none is, and where
 * the resident stands against the period's maximum. Paying happens at the bank's page.
 */
export default function TopUpPage() {
  const { t } = useTranslation('top-up');
  const format = useFormats();
  const { productId = '' } = useParams();
  const [product, refetchProduct] = useQuery({
    query: ProductDetailQuery,
    variables: { id: productId },
  });
  const [offers, refetchOffers] = useQuery({
    query: TopUpOffersQuery,
    variables: { permitId: productId },
  });
  // A session started elsewhere changes the balance, and with it what may be bought.
  const refetch = useCallback(() => {
    refetchProduct({ requestPolicy: 'network-only' });
    refetchOffers({ requestPolicy: 'network-only' });
  }, [refetchProduct, refetchOffers]);
  useLiveRefetch(productId, refetch);

  const detail = product.data?.product;
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail) return <Loading />;
  const card = readFragment(ProductCardFragment, detail);
  const result = offers.data?.topUpOffers;

  return (
    <section>
      <ProductHeader product={detail} />
      <h2>{t('title')}</h2>
      <ErrorNotice error={offers.error} />
      {!result ? (
        !offers.error && <Loading />
      ) : result.refusal ? (
        <p className="notice notice--warning" data-testid="top-up-refusal">
          {refusalText(result.refusal, result.unit ?? null, format)}
        </p>
      ) : result.offers.length === 0 || !result.unit ? (
        <p className="notice notice--warning">{t('offers.none')}</p>
      ) : (
        <OfferForm
          permitId={productId}
          unit={result.unit}
          offers={result.offers}
          balance={card.balance?.unit === result.unit ? card.balance.amount : null}
        />
      )}
      {result?.cap && <CapStatus cap={result.cap} />}
      <p>
        <Link to={`/producten/${productId}`}>{t('backToProduct', { product: card.name })}</Link>
      </p>
    </section>
  );
}
