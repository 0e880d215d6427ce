import { useTranslation } from 'react-i18next';
import { readFragment, type FragmentOf } from '../../../app/graphql.js';
import { useFormats } from '../../../app/ui/format.js';
import { ProductCardFragment } from '../../products/graphql/products.js';

/** The selected product: name, zone and balance, on every page of the product. */
export function ProductHeader({ product }: { product: FragmentOf<typeof ProductCardFragment> }) {
  const { t } = useTranslation('sessions');
  const format = useFormats();
  const card = readFragment(ProductCardFragment, product);
  return (
    <header className="product-header">
      <div>
        <h1>{card.name}</h1>
        <p className="muted">
          {t('header.zone', { code: card.zone.code, name: card.zone.name })}
          {card.delegatedBy ? ` · ${t('header.delegatedBy', { name: card.delegatedBy })}` : ''}
        </p>
      </div>
      {card.balance && (
        <p className="product-header__balance" aria-live="polite">
          <span className="product-header__balance-label">{t('header.balance')}</span>
          <span data-testid="balance">
            {format.balance(card.balance.amount, card.balance.unit)}
          </span>
        </p>
      )}
    </header>
  );
}
