import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AdminPermitDetailsFieldsFragment, AdminPermitQuery } from '../graphql/permits.js';
import '../admin-permits.css';
import { BlockSection } from './block-section.js';
import { FlexSection } from './flex-section.js';
import { LedgerSection } from './ledger-section.js';
import { LettersSection } from './letters-section.js';
import { NewPinSection } from './new-pin-section.js';
import { PermitFacts } from './permit-facts.js';
import { PlateSection } from './plate-section.js';
import { RefundsSection } from './refunds-section.js';
import { RevokeSection } from './revoke-section.js';
import { StatusBadge } from './status-badge.js';
import { usePermitStrings } from '../strings.js';

/** Where the back link goes: the search the admin came from, else the empty search. */
function backTo(state: unknown): string {
  const back = (state as { back?: unknown } | null)?.back;
  return typeof back === 'string' && back.startsWith('/beheer/vergunningen')
    ? back
    : '/beheer/vergunningen';
}

/** One permit of the town: every field, its ledger, and what the admin can do with it. */
export default function PermitPage() {
  return usePermitStrings() ? <PermitView /> : <Loading />;
}

function PermitView() {
  const { t } = useTranslation('admin-permits');
  const { id = '' } = useParams();
  const location = useLocation();
  const [result] = useQuery({ query: AdminPermitQuery, variables: { id } });
  const back = (
    <p>
      <Link to={backTo(location.state)}>{t('details.back')}</Link>
    </p>
  );
  if (result.error)
    return (
      <section>
        {back}
        <ErrorNotice error={result.error} />
      </section>
    );
  if (!result.data) return <Loading />;
  const permit = readFragment(AdminPermitDetailsFieldsFragment, result.data.adminPermit);
  // Revoked in the back office, or ended at the counter or by a move: over for good.
  const over = permit.status === 'revoked' || permit.status === 'ended';
  return (
    <section>
      {back}
      <div className="admin-permits__card-head">
        <h1>
          {permit.productCode} · {permit.productName}
        </h1>
        <StatusBadge status={permit.status} />
      </div>
      <PermitFacts permit={permit} />
      {permit.kind === 'flexibleBusinessPermit' && <FlexSection permitId={permit.id} />}
      {permit.unit && <LedgerSection permitId={permit.id} unit={permit.unit} />}
      {permit.unit && <RefundsSection permitId={permit.id} />}
      <LettersSection permitId={permit.id} />
      <section aria-labelledby="permit-actions-title">
        <h2 id="permit-actions-title">{t('actions.title')}</h2>
        {over && <p className="notice">{t(`actions.${permit.status}`)}</p>}
        {/* Keyed by the permit: another permit starts its forms afresh. */}
        {!over && <BlockSection key={`block-${permit.id}`} permit={permit} />}
        {!over && permit.hasPlateRight && (
          <PlateSection key={`plate-${permit.id}`} permit={permit} />
        )}
        {!over && permit.kind === 'visitorPermit' && (
          <NewPinSection key={`pin-${permit.id}`} permit={permit} />
        )}
        {permit.status !== 'ended' && <RevokeSection key={`revoke-${permit.id}`} permit={permit} />}
      </section>
    </section>
  );
}
