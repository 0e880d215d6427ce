import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../app/graphql.js';
import { useFormats } from '../../../app/ui/format.js';
import type { TransactionHistoryQuery } from '../graphql/history.js';
import { isFreePermitPrice, signedAmount } from '../history-format.js';

export type TransactionItem = ResultOf<
  typeof TransactionHistoryQuery
>['transactionHistory']['edges'][number]['node'];

/** One change of the balance: why, how much (+/−), when, and the balance after it. */
export function TransactionRow({
  transaction,
  unit,
}: {
  transaction: TransactionItem;
  /** The product's unit, for rows that do not say. */
  unit: string;
}) {
  const { t } = useTranslation('history');
  const format = useFormats();
  const shownUnit = transaction.unit ?? unit;
  // A counter permit's price or refund moves money, not a balance: its balance lines say nothing.
  const moneyOnly = transaction.moneyCents != null && transaction.amount === 0;
  const free = isFreePermitPrice(transaction.kind, transaction.moneyCents);
  return (
    <>
      <h3 className="card__title">
        {free ? t('transaction.permitFeeFree') : t(`ledgerKind.${transaction.kind}`)}
        {transaction.formattedPlate ? ` · ${transaction.formattedPlate}` : ''}
      </h3>
      <dl className="facts">
        {!moneyOnly && (
          <>
            <dt>{t('transaction.amount')}</dt>
            <dd data-testid="transaction-amount">
              {signedAmount(transaction.amount, shownUnit, format)}
            </dd>
          </>
        )}
        {transaction.moneyCents != null && !free && (
          <>
            <dt>{t(transaction.moneyCents < 0 ? 'transaction.paidBack' : 'transaction.paid')}</dt>
            <dd data-testid="transaction-money">
              {format.money(Math.abs(transaction.moneyCents))}
            </dd>
          </>
        )}
        <dt>{t('transaction.at')}</dt>
        <dd>{format.dateTime(transaction.at)}</dd>
        {!moneyOnly && (
          <>
            <dt>{t('transaction.balanceAfter')}</dt>
            <dd>{format.balance(transaction.balanceAfter, shownUnit)}</dd>
          </>
        )}
      </dl>
    </>
  );
}
