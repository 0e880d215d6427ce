import { useTranslation } from 'react-i18next';
import { useFormContext, useWatch } from 'react-hook-form';
import { useQuery } from 'urql';
import { Field } from '../../../app/form/field.js';
import { readFragment } from '../../../app/graphql.js';
import { ProductCardFragment, ProductGroupsQuery } from '../../products/graphql/products.js';

/**
 * What the app opens with: one of the viewer's products, per municipality (a delegated one says
 * whose, as it may share name and zone with the viewer's own), or the overview of them all; a
 * field of a kit form.
 */
export function StartProductSelect({ name }: { name: string }) {
  const { t } = useTranslation('settings');
  const { register } = useFormContext();
  const value = useWatch({ name }) as string;
  const [{ data }] = useQuery({ query: ProductGroupsQuery });
  const groups = data?.productGroups ?? [];
  return (
    <Field name={name} label={t('startProduct')} hint={t('startProductHint')}>
      {(control) => (
        <select {...control} {...register(name)}>
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
      )}
    </Field>
  );
}
