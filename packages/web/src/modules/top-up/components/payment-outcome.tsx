import { useTranslation } from 'react-i18next';
import { useFormats } from '../../../app/ui/format.js';

const noticeClass: Record<string, string> = {
  open: 'notice',
  paid: 'notice notice--success',
  cancelled: 'notice',
  failed: 'notice notice--error',
  expired: 'notice notice--warning',
  refunded: 'notice notice--warning',
};

/** How the payment ended, in words; while the bank has not answered, that it is being waited for. */
export function PaymentOutcome({
  payment,
  gaveUp,
  onCheckAgain,
}: {
  payment: {
    status: string;
    amount: number;
    unit: 'minutes' | 'cents' | null;
    totalCents: number;
    balanceAfter: number | null;
    refund: { reason: string; status: string } | null;
  };
  gaveUp: boolean;
  onCheckAgain(): void;
}) {
  const { t } = useTranslation('top-up');
  const format = useFormats();
  const { status, unit } = payment;
  const waiting = status === 'open';
  const className =
    waiting && gaveUp ? 'notice notice--warning' : (noticeClass[status] ?? 'notice');

  return (
    <div className={className} role="status" data-testid="payment-outcome" data-status={status}>
      <h2 className="card__title">
        {waiting && gaveUp ? t('result.slow.title') : t(`result.${status}.title`)}
      </h2>
      {status === 'paid' ? (
        <>
          <p>
            {t('result.paid.body', {
              amount: unit ? format.balance(payment.amount, unit) : payment.amount,
              total: format.money(payment.totalCents),
            })}
          </p>
          {payment.balanceAfter !== null && unit && (
            <p>
              {t('result.paid.balance')}{' '}
              <strong data-testid="balance-after">
                {format.balance(payment.balanceAfter, unit)}
              </strong>
            </p>
          )}
        </>
      ) : status === 'refunded' && payment.refund ? (
        <>
          <p>
            {t('result.refunded.body', {
              total: format.money(payment.totalCents),
              reason: t(`result.refunded.reason.${payment.refund.reason}`),
            })}
          </p>
          <p data-testid="refund-status" data-status={payment.refund.status}>
            {t(`result.refunded.${payment.refund.status}`)}
          </p>
        </>
      ) : (
        <p>{waiting && gaveUp ? t('result.slow.body') : t(`result.${status}.body`)}</p>
      )}
      {waiting && gaveUp && (
        <button type="button" className="button button--secondary" onClick={onCheckAgain}>
          {t('result.slow.checkAgain')}
        </button>
      )}
    </div>
  );
}
