import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { ProductCardFragment, ProductGroupsQuery } from '../../products/graphql/products.js';

/**
 * What the app opens with: one of the viewer's products, per municipality (a delegated one says
 * whose, as it may share name and zone with the viewer's own), or the overview of them all.
 */
export function StartProductSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
}) {
  const { t } = useTranslation('settings');
  const [{ data }] = useQuery({ query: ProductGroupsQuery });
  const groups = data?.productGroups ?? [];
  return (
    <div className="field">
      <label htmlFor={id}>{t('startProduct')}</label>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('overview')}</option>
        {groups.map((group) => (
          <optgroup key={group.municipality.id} label={group.municipality.name}>
            {group.products.map((product) => {
              const card = readFragment(ProductCardFragment, product);
              return (
                <option key={card.id} value={card.id}>
                  {card.delegatedBy
                    ? t('delegatedOption', {
                        name: card.name,
                        zone: card.zone.name,
                        owner: card.delegatedBy,
                      })
                    : t('productOption', { name: card.name, zone: card.zone.name })}
                </option>
              );
            })}
          </optgroup>
        ))}
        {/* The saved choice stays shown while the products load, or once it is gone. */}
        {value && !groups.some((group) => group.products.some((p) => p.id === value)) && (
          <option value={value}>{data ? t('unknownProduct') : t('loadingProduct')}</option>
        )}
      </select>
      <span id={`${id}-hint`} className="field__hint">
        {t('startProductHint')}
      </span>
    </div>
  );
}
