import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ProductHeader } from '../../sessions/components/product-header.js';
import { ProductDetailQuery } from '../../sessions/graphql/sessions.js';
import { useLiveRefetch } from '../../sessions/hooks/use-live-refetch.js';
import type { PaymentQuery } from '../graphql/top-up.js';
import { usePaymentPolling } from '../hooks/use-payment-polling.js';
import { PaymentOutcome } from './payment-outcome.js';

type Payment = ResultOf<typeof PaymentQuery>['payment'];

/**
 * Where the bank sends the resident back to (?payment=<id>): waits for the bank's answer, then
 * says how the payment ended and shows the new balance.
 */
export default function TopUpResultPage() {
  const { t } = useTranslation('top-up');
  const [search] = useSearchParams();
  const paymentId = search.get('payment') ?? '';
  const { result, gaveUp, checkAgain } = usePaymentPolling(paymentId);
  const payment = result.data?.payment;

  if (!paymentId || (result.error && !payment)) {
    return (
      <section>
        <h1>{t('result.title')}</h1>
        {paymentId ? (
          <ErrorNotice error={result.error} />
        ) : (
          <p className="notice notice--error">{t('result.noPayment')}</p>
        )}
        <p>
          <Link to="/producten">{t('result.toProducts')}</Link>
        </p>
      </section>
    );
  }
  if (!payment) return <Loading />;
  return <PaymentResult payment={payment} gaveUp={gaveUp} onCheckAgain={checkAgain} />;
}

function PaymentResult({
  payment,
  gaveUp,
  onCheckAgain,
}: {
  payment: Payment;
  gaveUp: boolean;
  onCheckAgain(): void;
}) {
  const { t } = useTranslation('top-up');
  const productId = payment.permitId;
  const [product, refetchProduct] = useQuery({
    query: ProductDetailQuery,
    variables: { id: productId },
  });
  const refetch = useCallback(
    () => refetchProduct({ requestPolicy: 'network-only' }),
    [refetchProduct],
  );
  useLiveRefetch(productId, refetch);
  // The header was read before the bank answered: read the credited balance now.
  useEffect(() => {
    if (payment.status === 'paid') refetch();
  }, [payment.status, refetch]);

  const detail = product.data?.product;
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail) return <Loading />;

  return (
    <section>
      <ProductHeader product={detail} />
      <PaymentOutcome payment={payment} gaveUp={gaveUp} onCheckAgain={onCheckAgain} />
      <nav className="actions" aria-label={t('result.next')}>
        {/* Buying again makes sense unless the permit itself has ended. */}
        {payment.status !== 'paid' &&
          payment.status !== 'open' &&
          payment.refund?.reason !== 'permitRevoked' && (
            <Link className="button" to={`/producten/${productId}/opwaarderen`}>
              {t('result.tryAgain')}
            </Link>
          )}
        <Link
          className={`button ${payment.status === 'paid' ? '' : 'button--secondary'}`}
          to={`/producten/${productId}`}
        >
          {t('backToProduct')}
        </Link>
      </nav>
    </section>
  );
}
