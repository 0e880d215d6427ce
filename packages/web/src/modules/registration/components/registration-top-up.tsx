import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { OfferForm } from '../../top-up/components/offer-form.js';
import { PaymentOutcome } from '../../top-up/components/payment-outcome.js';
import { TopUpOffersQuery } from '../../top-up/graphql/top-up.js';
import { usePaymentPolling } from '../../top-up/hooks/use-payment-polling.js';
import { refusalText } from '../../top-up/refusal.js';

/** The town's no to top-ups with this login (docs/rules.md §6): then the part is left out. */
const notWithThisLogin = 'TOP_UP_NOT_WITH_REGISTRATION_LOGIN';

/**
 * "Saldo opwaarderen" on the one-permit home, where the town allows it (docs/rules.md §6): the
 * account holder's top-up offers and payment, and on return from the bank (?payment=<id>) how
 * the payment ended.
 */
export function RegistrationTopUp({
  productId,
  balance,
  onPaid,
}: {
  productId: string;
  balance: { amount: number; unit: 'minutes' | 'cents' } | null;
  onPaid(): void;
}) {
  const [search, setSearch] = useSearchParams();
  const paymentId = search.get('payment');
  if (paymentId) {
    return (
      <Outcome
        paymentId={paymentId}
        onPaid={onPaid}
        onDone={() => setSearch({}, { replace: true })}
      />
    );
  }
  return <Offers productId={productId} balance={balance} />;
}

function Offers({
  productId,
  balance,
}: {
  productId: string;
  balance: { amount: number; unit: 'minutes' | 'cents' } | null;
}) {
  const { t } = useTranslation('registration');
  const format = useFormats();
  const [offers, refetch] = useQuery({
    query: TopUpOffersQuery,
    variables: { permitId: productId },
  });
  // What may be bought follows the balance (a visit reserves some of it): ask again when it moves.
  const amount = balance?.amount;
  const asked = useRef(amount);
  useEffect(() => {
    if (asked.current === amount) return;
    asked.current = amount;
    refetch({ requestPolicy: 'network-only' });
  }, [amount, refetch]);
  const result = offers.data?.topUpOffers;
  if (!result || result.refusal?.code === notWithThisLogin) return null;
  return (
    <section className="card" aria-labelledby="registration-top-up-title">
      <h2 id="registration-top-up-title">{t('topUp.title')}</h2>
      <ErrorNotice error={offers.error} />
      {result.refusal ? (
        <p className="notice notice--warning" data-testid="top-up-refusal">
          {refusalText(result.refusal, result.unit ?? null, format)}
        </p>
      ) : result.offers.length === 0 || !result.unit ? (
        <p className="notice notice--warning">{t('topUp.none')}</p>
      ) : (
        <OfferForm
          permitId={productId}
          unit={result.unit}
          offers={result.offers}
          balance={balance?.unit === result.unit ? balance.amount : null}
        />
      )}
    </section>
  );
}

function Outcome({
  paymentId,
  onPaid,
  onDone,
}: {
  paymentId: string;
  onPaid(): void;
  onDone(): void;
}) {
  const { t } = useTranslation('registration');
  const { result, gaveUp, checkAgain } = usePaymentPolling(paymentId);
  const payment = result.data?.payment;
  const status = payment?.status;
  // The balance above was read before the bank answered: read the credited one now.
  useEffect(() => {
    if (status === 'paid') onPaid();
  }, [status, onPaid]);
  return (
    <section className="card" aria-labelledby="registration-top-up-title">
      <h2 id="registration-top-up-title">{t('topUp.title')}</h2>
      {result.error && !payment && <ErrorNotice error={result.error} />}
      {payment && <PaymentOutcome payment={payment} gaveUp={gaveUp} onCheckAgain={checkAgain} />}
      <button type="button" className="button button--secondary button--block" onClick={onDone}>
        {t('topUp.done')}
      </button>
    </section>
  );
}
