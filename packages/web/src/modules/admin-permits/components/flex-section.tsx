import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { plateLabel } from '../../favorites/countries.js';
import { AdminFlexPermitQuery } from '../graphql/permits.js';

/**
 * A flexible business permit's list of plates and today's registration (docs/rules.md §5, The
 * flexible business permit), read-only: the business manages both, the town's admin looks, e.g.
 * when an officer or the business asks which car was registered today.
 */
export function FlexSection({ permitId }: { permitId: string }) {
  const { t } = useTranslation('admin-permits');
  const format = useFormats();
  const [result] = useQuery({
    query: AdminFlexPermitQuery,
    variables: { id: permitId },
    requestPolicy: 'cache-and-network',
  });
  const flex = result.data?.flexPermit;
  const registration = flex?.registration;
  return (
    <section aria-labelledby="permit-flex-title" data-testid="permit-flex">
      <h2 id="permit-flex-title">{t('flex.title')}</h2>
      <p className="muted">{t('flex.intro')}</p>
      {result.error && <ErrorNotice error={result.error} />}
      {!flex && !result.error && <Loading />}
      {flex && (
        <div className="card">
          <dl className="facts admin-permits__facts">
            <dt>{t('flex.today')}</dt>
            <dd data-testid="flex-registration">
              {registration
                ? `${t('flex.registration', {
                    plate: plateLabel(registration, format.language),
                    from: format.time(registration.start),
                    to: format.time(registration.end),
                  })} (${t(`flex.status.${registration.status}`)})`
                : t('flex.noneToday')}
            </dd>
          </dl>
          <p>{t('flex.listed', { count: flex.plates.length, max: flex.maxPlates })}</p>
          {flex.plates.length > 0 && (
            <ul className="admin-permits__flex-list" data-testid="flex-plates">
              {flex.plates.map((entry) => (
                <li key={entry.id} data-plate={entry.plate}>
                  <span className="plate">{plateLabel(entry, format.language)}</span>{' '}
                  {t('flex.entry', { name: entry.name, role: t(`flex.roles.${entry.role}`) })}
                  {entry.registered && (
                    <>
                      {' '}
                      <span className="badge">{t('flex.registeredToday')}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
