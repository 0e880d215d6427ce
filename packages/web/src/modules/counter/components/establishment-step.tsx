import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { BusinessEstablishmentsQuery } from '../graphql/business.js';
import type { CounterAddress } from './address-step.js';

type Establishment = ResultOf<typeof BusinessEstablishmentsQuery>['businessEstablishments'][number];

/** The registry did not answer: the business types its address and an official checks it. */
const registryDown = (codes: readonly unknown[]) => codes.includes('BUSINESS_REGISTRY_UNAVAILABLE');

/**
 * The establishment the permit is for (docs/rules.md §2 business permits): a business does not
 * type an address, it picks one of its establishments as the business registry (KvK) lists
 * them; one where the town sells no permit (outside its zones, or a town it does not know) is
 * shown, and says so. When KvK does not answer, `onRegistryDown` lets the page ask for the
 * address instead (the application then waits for an official).
 */
export function EstablishmentStep({
  onChosen,
  onRegistryDown,
}: {
  onChosen(address: CounterAddress): void;
  onRegistryDown(): void;
}) {
  const { t } = useTranslation('counter');
  const [result] = useQuery({ query: BusinessEstablishmentsQuery, requestPolicy: 'network-only' });
  const codes = result.error?.graphQLErrors.map((error) => error.extensions.code) ?? [];

  const choose = (establishment: Establishment) =>
    onChosen({
      key: establishment.addressKey!,
      label: establishment.addressLabel!,
      zoneCode: establishment.zoneCode,
      zoneName: null,
      establishmentNumber: establishment.establishmentNumber,
    });

  return (
    <section className="card" aria-labelledby="counter-establishment-title">
      <h2 id="counter-establishment-title" className="card__title">
        {t('establishment.title')}
      </h2>
      <p className="muted">{t('establishment.hint')}</p>
      <ErrorNotice error={result.error} />
      {registryDown(codes) && (
        <div className="actions">
          <button type="button" className="button" onClick={onRegistryDown}>
            {t('establishment.typeAddress')}
          </button>
        </div>
      )}
      {!result.data && !result.error && <Loading />}
      {result.data && result.data.businessEstablishments.length === 0 && (
        <p className="notice notice--warning" data-testid="no-establishments">
          {t('establishment.none')}
        </p>
      )}
      {result.data && result.data.businessEstablishments.length > 0 && (
        <ul className="list" aria-label={t('establishment.list')}>
          {result.data.businessEstablishments.map((establishment) => {
            const headingId = `establishment-${establishment.establishmentNumber}`;
            return (
              <li
                key={establishment.establishmentNumber}
                className="card counter__offer"
                aria-labelledby={headingId}
                data-testid="business-establishment"
              >
                <h3 id={headingId} className="card__title">
                  {establishment.name}
                  {establishment.isMain && (
                    <span className="muted"> · {t('establishment.main')}</span>
                  )}
                </h3>
                <dl className="facts counter__establishment-facts">
                  <dt>{t('establishment.address')}</dt>
                  <dd>{establishment.visitingAddress ?? t('establishment.shielded')}</dd>
                  <dt>{t('establishment.number')}</dt>
                  <dd>{establishment.establishmentNumber}</dd>
                  <dt>{t('establishment.zone')}</dt>
                  <dd>
                    {establishment.zoneCode
                      ? `${establishment.zoneCode} · ${establishment.municipalityName ?? ''}`
                      : t('establishment.noZone')}
                  </dd>
                </dl>
                {establishment.sold && establishment.addressKey ? (
                  <div className="actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={t('establishment.chooseNamed', { name: establishment.name })}
                      onClick={() => choose(establishment)}
                    >
                      {t('establishment.choose')}
                    </button>
                  </div>
                ) : (
                  <p className="notice notice--warning">{t('establishment.notSold')}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
