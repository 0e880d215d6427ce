import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../app/graphql.js';
import { useFormats } from '../../../app/ui/format.js';
import type { PermitOffersQuery } from '../graphql/counter.js';
import { RefusalList } from './refusal-list.js';

export type PermitOffer = ResultOf<typeof PermitOffersQuery>['permitOffers'][number];

/**
 * The permits the town offers at the address, each with its price per term, the fee, what the
 * applicant must bring and, when it cannot be had, every rule that says why (docs/rules.md §2).
 */
export function OfferList({
  offers,
  onChoose,
}: {
  offers: readonly PermitOffer[];
  onChoose(offer: PermitOffer): void;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  if (offers.length === 0) {
    return (
      <p className="notice notice--warning" data-testid="no-offers">
        {t('offers.none')}
      </p>
    );
  }
  // What can be had first: the applicant's choices before what is refused.
  const ordered = [...offers].sort((a, b) => Number(b.available) - Number(a.available));
  return (
    <ul className="list" aria-label={t('offers.title')}>
      {ordered.map((offer) => {
        const headingId = `offer-${offer.productTypeCode}`;
        return (
          <li
            key={offer.productTypeCode}
            className="card counter__offer"
            aria-labelledby={headingId}
            data-testid="permit-offer"
          >
            <h3 id={headingId} className="card__title">
              {offer.name}
            </h3>
            <dl className="facts">
              <dt>{t('offers.price')}</dt>
              <dd data-testid="offer-price">
                {offer.pricePerTermCents === 0
                  ? t('offers.free')
                  : t('offers.pricePerTerm', {
                      price: format.money(offer.pricePerTermCents),
                      period: t(`period.${offer.period}`),
                    })}
              </dd>
              <dt>{t('offers.fee')}</dt>
              <dd data-testid="offer-fee">
                {offer.administrationFeeCents === 0
                  ? t('offers.noFee')
                  : format.money(offer.administrationFeeCents)}
              </dd>
              <dt>{t('offers.plates')}</dt>
              <dd>
                {offer.requiresPlate
                  ? t('offers.platesCount', { count: offer.maxPlates })
                  : t('offers.noPlate')}
              </dd>
              {offer.reviewCases.length > 0 && (
                <>
                  <dt>{t('offers.reviewCases')}</dt>
                  <dd>
                    {offer.reviewCases
                      .map((reviewCase) => t(`reviewCaseShort.${reviewCase}`))
                      .join(', ')}
                  </dd>
                </>
              )}
              {offer.documents.some((document) => !document.when) && (
                <>
                  <dt>{t('offers.documents')}</dt>
                  <dd>
                    {offer.documents
                      .filter((document) => !document.when)
                      .map((document) => document.name)
                      .join(', ')}
                  </dd>
                </>
              )}
            </dl>
            {offer.available ? (
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  aria-label={t('offers.applyFor', { name: offer.name })}
                  onClick={() => onChoose(offer)}
                >
                  {t('offers.apply')}
                </button>
              </div>
            ) : (
              <RefusalList title={t('offers.unavailable')} reasons={offer.refusals} alert={false} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
