import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../app/graphql.js';
import { useFormats } from '../../../app/ui/format.js';
import { plateLabel } from '../../favorites/countries.js';
import type { AdminPermitDetailsFieldsFragment } from '../graphql/permits.js';
import { lastValidDay } from '../permit-rules.js';

export type PermitDetails = ResultOf<typeof AdminPermitDetailsFieldsFragment>;

/** Every field of a permit, its validity and what is open on it now. */
export function PermitFacts({ permit }: { permit: PermitDetails }) {
  const { t } = useTranslation('admin-permits');
  const format = useFormats();
  return (
    <div className="card">
      <dl className="facts admin-permits__facts" data-testid="permit-facts">
        <dt>{t('fields.productCode')}</dt>
        <dd>{permit.productCode}</dd>
        <dt>{t('fields.product')}</dt>
        <dd>
          {permit.productName} <span className="muted">({permit.productTypeCode})</span>
        </dd>
        <dt>{t('fields.zone')}</dt>
        <dd>{permit.zoneCode}</dd>
        <dt>{t('fields.holderType')}</dt>
        <dd>{t(`holderTypes.${permit.holderType}`)}</dd>
        {permit.holderType === 'business' && (
          <>
            <dt>{t('fields.establishment')}</dt>
            <dd data-testid="permit-establishment">
              {permit.establishmentNumber ?? <span className="muted">{t('noEstablishment')}</span>}
            </dd>
          </>
        )}
        <dt>{t('fields.address')}</dt>
        <dd>{permit.addressLabel}</dd>
        <dt>{t('fields.addressKey')}</dt>
        <dd>{permit.addressKey}</dd>
        <dt>{t('fields.holder')}</dt>
        <dd>{permit.holderEmail ?? <span className="muted">{t('notCoupled')}</span>}</dd>
        <dt>{t('fields.balance')}</dt>
        <dd data-testid="permit-balance">
          {permit.unit ? format.balance(permit.balance, permit.unit) : t('noBalance')}
        </dd>
        <dt>{t('fields.plates')}</dt>
        <dd>
          {permit.plates.length === 0 ? (
            <span className="muted">{t('noPlates')}</span>
          ) : (
            <ul className="admin-permits__plates">
              {permit.plates.map((plate) => (
                <li key={plate.plate}>
                  <span className="plate">{plateLabel(plate, format.language)}</span>
                  {plate.active && ` · ${t('activePlate')}`}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('fields.validFrom')}</dt>
        <dd>{format.date(permit.validFrom)}</dd>
        <dt>{t('fields.validUntil')}</dt>
        <dd>{permit.validUntil ? format.date(lastValidDay(permit.validUntil)) : t('noEnd')}</dd>
        <dt>{t('fields.openSessions')}</dt>
        <dd data-testid="permit-open-sessions">{permit.openSessions}</dd>
        <dt>{t('fields.openDelegations')}</dt>
        <dd>{permit.openDelegations}</dd>
        <dt>{t('fields.createdAt')}</dt>
        <dd>{format.date(permit.createdAt)}</dd>
      </dl>
    </div>
  );
}
