import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { useIntentKey } from '../../requests/intent-key.js';
import { lastDayOf } from '../counter-rules.js';
import '../counter.css';
import { CounterPermitQuery, RenewPermitMutation } from '../graphql/counter.js';
import { PayButton, useLeaveForBank } from './pay-button.js';
import { PaymentMethodChoice, type PaymentMethod } from './payment-method-choice.js';
import { PermitFacts } from './permit-facts.js';
import { reasonsOf, RefusalList } from './refusal-list.js';

/**
 * Renewing a permit for its next term (docs/rules.md §1, the permit counter; the reminder mail
 * links here): the new term and what it costs, then paying at the bank. Before the renewal
 * window opens the page says from when.
 */
export default function RenewPage() {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const navigate = useNavigate();
  const { permitId = '' } = useParams();
  const [result] = useQuery({ query: CounterPermitQuery, variables: { id: permitId } });
  const [state, renew] = useMutation(RenewPermitMutation);
  const [method, setMethod] = useState<PaymentMethod>('ideal');
  const intent = useIntentKey({ permitId, method });
  const bank = useLeaveForBank();
  const [refusal, setRefusal] = useState<readonly { code: string; message: string }[]>([]);
  const refusalBox = useRef<HTMLDivElement>(null);
  const permit = result.data?.counterPermit;

  if (result.error && !permit) return <ErrorNotice error={result.error} />;
  if (!permit) return <Loading />;
  const quote = permit.renewalQuote;

  const pay = async () => {
    setRefusal([]);
    const answer = (
      await renew({ input: { permitId, idempotencyKey: intent.key, paymentMethod: method } })
    ).data?.renewPermit;
    if (answer?.__typename === 'PermitApplicationRefused') {
      setRefusal(reasonsOf(answer));
      requestAnimationFrame(() => refusalBox.current?.focus());
    } else if (answer?.__typename === 'PermitApplicationSubmitted') {
      if (answer.checkoutUrl) bank.leave(answer.checkoutUrl);
      else void navigate(`/loket/aanvraag/${answer.application.id}`);
    }
  };

  return (
    <section className="counter">
      <h1>{t('renew.title')}</h1>
      <section className="card" aria-labelledby="renew-permit-title">
        <h2 id="renew-permit-title" className="card__title">
          {permit.productName}
        </h2>
        <PermitFacts permit={permit} />
      </section>
      {!permit.canRenew || !quote ? (
        <p className="notice notice--warning" data-testid="renew-not-yet">
          {permit.renewableFrom
            ? t('renew.notYetFrom', { date: format.date(permit.renewableFrom) })
            : t('renew.notYet')}
        </p>
      ) : (
        <section className="card" aria-labelledby="renew-quote-title" data-testid="renew-quote">
          <h2 id="renew-quote-title" className="card__title">
            {t('renew.newTerm')}
          </h2>
          <p className="muted">{t('renew.intro')}</p>
          <dl className="facts counter__costs">
            <dt>{t('review.validity')}</dt>
            <dd data-testid="renew-validity">
              {quote.validUntil
                ? t('review.validRange', {
                    from: format.date(quote.validFrom),
                    until: format.date(lastDayOf(quote.validUntil)),
                  })
                : t('review.validFrom', { from: format.date(quote.validFrom) })}
            </dd>
            <dt>{t('review.price')}</dt>
            <dd>{format.money(quote.priceCents)}</dd>
            <dt>{t('review.fee')}</dt>
            <dd>{format.money(quote.feeCents)}</dd>
            <dt className="counter__total">{t('review.total')}</dt>
            <dd className="counter__total" data-testid="renew-total">
              {format.money(quote.totalCents)}
            </dd>
          </dl>
          <RefusalList ref={refusalBox} title={t('refusal.title')} reasons={refusal} />
          <ErrorNotice error={state.error} />
          {quote.totalCents > 0 && <PaymentMethodChoice value={method} onChange={setMethod} />}
          <div className="actions counter__pay">
            <PayButton
              totalCents={quote.totalCents}
              busy={state.fetching}
              leaving={bank.leaving}
              method={method}
              onPay={() => void pay()}
            />
          </div>
        </section>
      )}
      <p>
        <Link to={`/vergunningen/${permitId}`}>{t('renew.back')}</Link>
      </p>
    </section>
  );
}
