import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../../../app/ui/format.js';
import type { PaymentMethod } from './payment-method-choice.js';

/**
 * Leaving for the bank: sets the button busy until the bank's page has loaded, so a second
 * press opens no second payment; back with the browser's back button (the page from the
 * back-forward cache) it is pressable again.
 */
export function useLeaveForBank() {
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) setLeaving(false);
    };
    window.addEventListener('pageshow', restored);
    return () => window.removeEventListener('pageshow', restored);
  }, []);
  return {
    leaving,
    leave(checkoutUrl: string) {
      setLeaving(true);
      window.location.assign(checkoutUrl);
    },
  };
}

/** The paying button: the amount in its name, and what pressing it does said beside it. */
export function PayButton({
  totalCents,
  busy,
  leaving,
  label,
  method = 'ideal',
  onPay,
}: {
  totalCents: number;
  busy: boolean;
  leaving: boolean;
  /** The method chosen: the button and its hint say where the payer goes. */
  method?: PaymentMethod;
  /** Its name when nothing is to be paid, or another wording of paying. */
  label?: string;
  onPay(): void;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const working = busy || leaving;
  return (
    <>
      {totalCents > 0 && (
        <p className="muted" id="counter-pay-hint">
          {t(method === 'card' ? 'review.payHintCard' : 'review.payHint')}
        </p>
      )}
      <button
        type="button"
        className="button button--block"
        aria-describedby={totalCents > 0 ? 'counter-pay-hint' : undefined}
        aria-disabled={working || undefined}
        onClick={() => {
          if (!working) onPay();
        }}
        data-testid="pay-button"
      >
        {leaving
          ? t('review.leaving')
          : (label ??
            (totalCents > 0
              ? t(method === 'card' ? 'review.payCard' : 'review.pay', {
                  total: format.money(totalCents),
                })
              : t('review.submitFree')))}
      </button>
    </>
  );
}
