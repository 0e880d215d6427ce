import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormats } from '../../../app/ui/format.js';
import type { PermitResult } from '../hooks/use-permit-search.js';
import { StatusBadge } from './status-badge.js';

/** One search result: which permit, where, whose, its state, balance and plate. */
export function PermitCard({ permit }: { permit: PermitResult }) {
  const { t } = useTranslation('admin-permits');
  const format = useFormats();
  const location = useLocation();
  const activePlate = permit.plates.find((plate) => plate.active);
  return (
    <>
      <div className="admin-permits__card-head">
        <h2 className="card__title">
          {/* The details page's back link returns to this very search. */}
          <Link
            className="card__link"
            to={`/beheer/vergunningen/${permit.id}`}
            state={{ back: location.pathname + location.search }}
          >
            {permit.productCode} · {permit.productName}
          </Link>
        </h2>
        <StatusBadge status={permit.status} />
      </div>
      <dl className="facts">
        <dt>{t('fields.zone')}</dt>
        <dd>{permit.zoneCode}</dd>
        <dt>{t('fields.address')}</dt>
        <dd>{permit.addressLabel}</dd>
        <dt>{t('fields.holder')}</dt>
        <dd>{permit.holderEmail ?? <span className="muted">{t('notCoupled')}</span>}</dd>
        {permit.unit && (
          <>
            <dt>{t('fields.balance')}</dt>
            <dd>{format.balance(permit.balance, permit.unit)}</dd>
          </>
        )}
        {activePlate && (
          <>
            <dt>{t('fields.plate')}</dt>
            <dd className="plate">{activePlate.formattedPlate}</dd>
          </>
        )}
      </dl>
    </>
  );
}
