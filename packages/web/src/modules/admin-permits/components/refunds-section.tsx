import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { AdminPermitRefundedPaymentsQuery } from '../graphql/permits.js';

/**
 * Top-ups that were paid but could not be credited (another top-up reached the cap or the
 * threshold first, or the permit ended meanwhile), with where their refund stands. Shown only
 * when there are any: the ledger does not list them, as they never moved the balance.
 */
export function RefundsSection({ permitId }: { permitId: string }) {
  const { t } = useTranslation('admin-permits');
  const format = useFormats();
  const [result] = useQuery({
    query: AdminPermitRefundedPaymentsQuery,
    variables: { id: permitId },
    requestPolicy: 'cache-and-network',
  });
  if (result.error) return <ErrorNotice error={result.error} />;
  const payments = result.data?.adminPermit.refundedPayments ?? [];
  if (payments.length === 0) return null;
  return (
    <section aria-labelledby="permit-refunds-title">
      <h2 id="permit-refunds-title">{t('refunds.title')}</h2>
      <p>{t('refunds.intro')}</p>
      <ul className="admin-permits__refunds" data-testid="permit-refunds">
        {payments.map((payment) => {
          const refund = payment.refund;
          return (
            <li key={payment.id} className="card" data-testid="refunded-payment">
              <dl className="facts admin-permits__facts">
                <dt>{t('refunds.paidAt')}</dt>
                <dd>{refund ? format.dateTime(refund.requestedAt) : '–'}</dd>
                <dt>{t('refunds.topUp')}</dt>
                <dd>
                  {t('refunds.amount', {
                    amount: payment.unit
                      ? format.balance(payment.amount, payment.unit)
                      : payment.amount,
                    total: format.money(payment.totalCents),
                  })}
                </dd>
                <dt>{t('refunds.reason')}</dt>
                <dd data-testid="refund-reason">
                  {refund ? t(`refunds.reasons.${refund.reason}`) : '–'}
                </dd>
                <dt>{t('refunds.status')}</dt>
                <dd data-testid="refund-status" data-status={refund?.status}>
                  {refund?.status === 'sent'
                    ? t('refunds.sent', {
                        date: refund.refundedAt ? format.dateTime(refund.refundedAt) : '–',
                        reference: refund.providerRef ?? '–',
                      })
                    : t('refunds.pending')}
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
