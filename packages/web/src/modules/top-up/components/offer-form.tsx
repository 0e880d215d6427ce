import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { StartTopUpMutation } from '../graphql/top-up.js';

interface Offer {
  readonly amount: number;
  readonly priceCents: number;
  readonly feeCents: number;
  readonly totalCents: number;
}

/**
 * The amounts on offer as a choice (the smallest picked to begin with), what the chosen one costs
 * and does to the balance, and the way to the bank's page.
 */
export function OfferForm({
  permitId,
  unit,
  offers,
  balance,
}: {
  permitId: string;
  unit: 'minutes' | 'cents';
  offers: readonly Offer[];
  /** The balance now, when it counts in the offers' unit. */
  balance: number | null;
}) {
  const { t } = useTranslation('top-up');
  const format = useFormats();
  // The radios' values are the amounts as text.
  const form = useForm<{ amount: string }>({
    defaultValues: { amount: String(offers[0]!.amount) },
  });
  const chosenAmount = Number(form.watch('amount'));
  // Offers can change under the form (a live balance change): fall back to the first again.
  const chosen = offers.find((offer) => offer.amount === chosenAmount) ?? offers[0]!;
  const [starting, startTopUp] = useMutation(StartTopUpMutation);
  const [leaving, setLeaving] = useState(false);
  // Back from the bank with the browser's back button, the page may come from the back-forward
  // cache as it was left: with the button still off.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) setLeaving(false);
    };
    window.addEventListener('pageshow', restored);
    return () => window.removeEventListener('pageshow', restored);
  }, []);

  const submit = async () => {
    const result = await startTopUp({
      input: { permitId, amount: chosen.amount, idempotencyKey: crypto.randomUUID() },
    });
    const checkoutUrl = result.data?.startTopUp.checkoutUrl;
    if (!checkoutUrl) return;
    // The button stays off while the bank's page loads: a second press would open a second payment.
    setLeaving(true);
    window.location.assign(checkoutUrl);
  };

  return (
    <Form form={form} onSubmit={submit} id="offer">
      <FieldGroup name="amount" legend={t('offers.legend')} className="field">
        {offers.map((offer) => (
          <div className="field field--inline" key={offer.amount}>
            <input
              id={`offer-${offer.amount}`}
              type="radio"
              value={String(offer.amount)}
              checked={offer.amount === chosen.amount}
              {...form.register('amount')}
            />
            <label htmlFor={`offer-${offer.amount}`}>
              {/* Money bought at face value: "€ 25,00 for € 25,00" would only say it twice. */}
              {unit === 'cents' && offer.amount === offer.totalCents
                ? format.money(offer.amount)
                : t('offers.option', {
                    amount: format.balance(offer.amount, unit),
                    total: format.money(offer.totalCents),
                  })}
            </label>
          </div>
        ))}
      </FieldGroup>
      <div className="preview" aria-live="polite" data-testid="top-up-summary">
        <p className="preview__cost">
          {t('offers.toPay', { total: format.money(chosen.totalCents) })}
        </p>
        <dl className="facts">
          <dt>{t('offers.added')}</dt>
          <dd>{format.balance(chosen.amount, unit)}</dd>
          {/* Price and fee apart only when there is a fee: otherwise both equal the total. */}
          {chosen.feeCents > 0 && (
            <>
              <dt>{t('offers.price')}</dt>
              <dd>{format.money(chosen.priceCents)}</dd>
              <dt>{t('offers.fee')}</dt>
              <dd>{format.money(chosen.feeCents)}</dd>
            </>
          )}
          {balance !== null && (
            <>
              <dt>{t('offers.balanceAfter')}</dt>
              <dd>{format.balance(balance + chosen.amount, unit)}</dd>
            </>
          )}
        </dl>
      </div>
      <ErrorNotice error={starting.error} />
      <p className="muted" id="pay-hint">
        {t('offers.payHint')}
      </p>
      <div className="actions">
        <SubmitButton
          className="button button--block"
          describedBy="pay-hint"
          busy={starting.fetching || leaving}
        >
          {leaving
            ? t('offers.leaving')
            : t('offers.pay', { total: format.money(chosen.totalCents) })}
        </SubmitButton>
      </div>
    </Form>
  );
}
