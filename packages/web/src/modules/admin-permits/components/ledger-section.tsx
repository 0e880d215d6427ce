import { useTranslation } from 'react-i18next';
import { PagedList } from '../../history/components/paged-list.js';
import { TransactionRow } from '../../history/components/transaction-row.js';
import { usePagedHistory } from '../../history/hooks/use-paged-history.js';
import { AdminPermitLedgerQuery } from '../graphql/permits.js';

/**
 * The permit's balance changes, newest first, ten at a time: the residents' transaction rows
 * and paging, so a row reads the same to the admin as to the holder on the phone.
 */
export function LedgerSection({ permitId, unit }: { permitId: string; unit: string }) {
  const { t } = useTranslation('admin-permits');
  const ledger = usePagedHistory(
    AdminPermitLedgerQuery,
    permitId,
    (data) => data.adminPermit.ledger,
  );
  return (
    <section aria-labelledby="permit-ledger-title">
      <h2 id="permit-ledger-title">{t('ledger.title')}</h2>
      <PagedList
        paged={ledger}
        empty={t('ledger.empty')}
        testId="permit-ledger"
        renderRow={(transaction) => <TransactionRow transaction={transaction} unit={unit} />}
      />
    </section>
  );
}
