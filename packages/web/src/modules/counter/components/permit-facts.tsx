import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../app/graphql.js';
import { useFormats } from '../../../app/ui/format.js';
import { lastDayOf } from '../counter-rules.js';
import type { CounterPermitQuery } from '../graphql/counter.js';

export type CounterPermit = ResultOf<typeof CounterPermitQuery>['counterPermit'];

/** A permit's address, zone, plates (the active one marked) and validity. */
export function PermitFacts({ permit }: { permit: CounterPermit }) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  return (
    <dl className="facts">
      <dt>{t('permits.address')}</dt>
      <dd>{permit.addressLabel}</dd>
      <dt>{t('permits.zone')}</dt>
      <dd>{permit.zoneCode}</dd>
      {permit.plates.length > 0 && (
        <>
          <dt>{t('permits.plates')}</dt>
          <dd data-testid="permit-plates">
            {permit.plates
              .map((plate) =>
                permit.plates.length > 1 && plate === permit.activePlate
                  ? t('permits.activePlate', { plate })
                  : plate,
              )
              .join(', ')}
          </dd>
        </>
      )}
      <dt>{t('permits.validity')}</dt>
      <dd data-testid="permit-validity">
        {permit.validUntil
          ? t('review.validRange', {
              from: format.date(permit.validFrom),
              until: format.date(lastDayOf(permit.validUntil)),
            })
          : t('review.validFrom', { from: format.date(permit.validFrom) })}
      </dd>
    </dl>
  );
}

/** The permit's state as a badge, unless it is simply valid. */
export function PermitStatus({ status }: { status: string }) {
  const { t } = useTranslation('counter');
  if (status === 'active') return null;
  return (
    <span className="badge" data-testid="permit-status">
      {t(`permits.status.${status}`, { defaultValue: status })}
    </span>
  );
}
