import { useTranslation } from 'react-i18next';

/** How the applicant pays at the provider (docs/rules.md §1 payment method). */
export const paymentMethods = ['ideal', 'card'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * iDEAL or a card, chosen before paying: the provider's page then asks only for that method.
 * Radio buttons in a fieldset, so a screen reader names the group and each choice.
 */
export function PaymentMethodChoice({
  value,
  onChange,
}: {
  value: PaymentMethod;
  onChange(method: PaymentMethod): void;
}) {
  const { t } = useTranslation('counter');
  return (
    <fieldset className="counter__methods" data-testid="payment-method">
      <legend>{t('review.method.legend')}</legend>
      {paymentMethods.map((method) => (
        <label key={method} className="counter__method">
          <input
            type="radio"
            name="payment-method"
            value={method}
            checked={value === method}
            onChange={() => onChange(method)}
          />{' '}
          {t(`review.method.${method}`)}
        </label>
      ))}
    </fieldset>
  );
}
