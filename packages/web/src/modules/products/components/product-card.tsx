import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readFragment, type FragmentOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { useFormats } from '../../../app/ui/format.js';
import { plateLabel } from '../../favorites/countries.js';
import { ProductCardFragment } from '../graphql/products.js';

/**
 * One product in the overview: name, zone, validity, the plate it is valid for (a resident
 * permit), balance, sessions, who delegated it.
 */
export function ProductCard({ product }: { product: FragmentOf<typeof ProductCardFragment> }) {
  const { t, i18n } = useTranslation('products');
  const format = useFormats();
  const card = readFragment(ProductCardFragment, product);
  const activePlate = card.plates.find((plate) => plate.active);
  return (
    <li className="card">
      <Link className="card__link" to={`/producten/${card.id}`}>
        <h3 className="card__title">{card.name}</h3>
      </Link>
      {card.status !== 'active' && <span className="badge">{t(`status.${card.status}`)}</span>}
      <dl className="facts">
        <dt>{t('card.zone')}</dt>
        <dd>
          {card.zone.code} · {card.zone.name}
        </dd>
        <dt>{t('card.valid')}</dt>
        <dd>
          {card.validUntil
            ? t('card.validRange', {
                from: format.date(card.validFrom),
                until: format.date(card.validUntil),
              })
            : t('card.validFrom', { from: format.date(card.validFrom) })}
        </dd>
        {activePlate && (
          <>
            <dt>{t('card.activePlate')}</dt>
            <dd data-testid="active-plate">{plateLabel(activePlate, currentLanguage(i18n))}</dd>
          </>
        )}
        {card.balance && (
          <>
            <dt>{t('card.balance')}</dt>
            <dd data-testid="product-balance">
              {format.balance(card.balance.amount, card.balance.unit)}
            </dd>
          </>
        )}
        {card.hasSessions && (
          <>
            <dt>{t('card.sessions')}</dt>
            <dd>
              {t('card.sessionCounts', { running: card.runningCount, planned: card.plannedCount })}
            </dd>
          </>
        )}
        {card.delegatedBy && (
          <>
            <dt>{t('card.delegatedBy')}</dt>
            <dd>{card.delegatedBy}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
