import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { useIntentKey } from '../../requests/intent-key.js';
import { lastDayOf, requiredDocuments } from '../counter-rules.js';
import { ApplyForPermitMutation } from '../graphql/counter.js';
import type { CounterAddress } from './address-step.js';
import type { FilledApplication } from './application-form.js';
import type { PermitOffer } from './offer-list.js';
import { PayButton, useLeaveForBank } from './pay-button.js';
import { PaymentMethodChoice, type PaymentMethod } from './payment-method-choice.js';
import { reasonsOf, RefusalList } from './refusal-list.js';

/**
 * The application as it will be sent, the term it buys and what it costs (price, the town's fee,
 * the total) before anything is paid; paying sends it once (one idempotency key per
 * application as shown) and goes to the bank, or to the outcome when nothing is to be paid.
 */
export function ReviewStep({
  offer,
  address,
  application,
  onChange,
}: {
  offer: PermitOffer;
  address: CounterAddress;
  application: FilledApplication;
  onChange(): void;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const navigate = useNavigate();
  const { input, values, quote } = application;
  const [state, apply] = useMutation(ApplyForPermitMutation);
  const [method, setMethod] = useState<PaymentMethod>('ideal');
  // Another method is another request: a payment opened by iDEAL is not retried as a card.
  const intent = useIntentKey({ input, method });
  const bank = useLeaveForBank();
  const [refusal, setRefusal] = useState<readonly { code: string; message: string }[]>([]);
  const refusalBox = useRef<HTMLDivElement>(null);
  const documents = requiredDocuments(offer.documents, values.reviewCase || null);

  const pay = async () => {
    setRefusal([]);
    const result = await apply({
      input: { application: input, idempotencyKey: intent.key, paymentMethod: method },
    });
    const answer = result.data?.applyForPermit;
    if (answer?.__typename === 'PermitApplicationRefused') {
      setRefusal(reasonsOf(answer));
      requestAnimationFrame(() => refusalBox.current?.focus());
    } else if (answer?.__typename === 'PermitApplicationSubmitted') {
      if (answer.checkoutUrl) bank.leave(answer.checkoutUrl);
      else void navigate(`/loket/aanvraag/${answer.application.id}`);
    }
  };

  return (
    <section className="card" aria-labelledby="counter-review-title" data-testid="counter-review">
      <h2 id="counter-review-title" className="card__title">
        {t('review.title')}
      </h2>
      <dl className="facts">
        <dt>{t('review.permit')}</dt>
        <dd>{offer.name}</dd>
        <dt>{t('review.address')}</dt>
        <dd>{address.label}</dd>
        {address.zoneCode && (
          <>
            <dt>{t('review.zone')}</dt>
            <dd>
              {address.zoneCode}
              {address.zoneName ? ` · ${address.zoneName}` : ''}
            </dd>
          </>
        )}
        {input.plates.length > 0 && (
          <>
            <dt>{t('review.plates')}</dt>
            <dd>{input.plates.map((plate) => plate.plate.toUpperCase()).join(', ')}</dd>
          </>
        )}
        <dt>{t('review.validity')}</dt>
        <dd data-testid="review-validity">
          {quote.validUntil
            ? t('review.validRange', {
                from: format.date(quote.validFrom),
                until: format.date(lastDayOf(quote.validUntil)),
              })
            : t('review.validFrom', { from: format.date(quote.validFrom) })}
        </dd>
        {values.reviewCase && (
          <>
            <dt>{t('review.situation')}</dt>
            <dd>{t(`reviewCase.${values.reviewCase}`)}</dd>
            <dt>{t('review.explanation')}</dt>
            <dd className="counter__statement">{values.explanation.trim()}</dd>
          </>
        )}
        {documents.length > 0 && (
          <>
            <dt>{t('review.documents')}</dt>
            <dd>
              {documents
                .map((document) => values.documents[document.code]?.fileName)
                .filter(Boolean)
                .join(', ')}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('review.costs')}</h3>
      <dl className="facts counter__costs" data-testid="review-costs">
        <dt>{t('review.price')}</dt>
        <dd>{format.money(quote.priceCents)}</dd>
        <dt>{t('review.fee')}</dt>
        <dd>{format.money(quote.feeCents)}</dd>
        <dt className="counter__total">{t('review.total')}</dt>
        <dd className="counter__total" data-testid="review-total">
          {format.money(quote.totalCents)}
        </dd>
      </dl>
      {/* A calendar-aligned term bought midway costs its part: say why the price is lower. */}
      {quote.priceCents > 0 && quote.priceCents < offer.pricePerTermCents && (
        <p className="muted">{t('review.partialTerm')}</p>
      )}
      {quote.needsReview && <p className="notice">{t('review.needsReview')}</p>}
      {/* A registry that did not answer: an official checks instead (docs/rules.md §2). */}
      {quote.unansweredRegistries.length > 0 && (
        <p className="notice" data-testid="review-registries">
          {t('review.registriesUnanswered')}
        </p>
      )}
      <RefusalList ref={refusalBox} title={t('review.refused')} reasons={refusal} />
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
        <button type="button" className="button button--secondary" onClick={onChange}>
          {t('review.change')}
        </button>
      </div>
    </section>
  );
}
