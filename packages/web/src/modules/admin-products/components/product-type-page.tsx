import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { displayTimeZone } from '../../../app/ui/format.js';
import { AdminProductTypeFieldsFragment, AdminProductTypeQuery } from '../graphql/products.js';
import { ProductSettingsForm } from './product-settings-form.js';
import { TariffsSection } from './tariffs-section.js';
import { useProductStrings } from '../strings.js';
import '../admin-products.css';

/**
 * One product type: every policy setting in one form and, for a money balance, its hourly
 * tariffs per zone. 'Today' is the town's local date: lines from it on are in effect.
 */
export default function ProductTypePage() {
  // The page's words come with it (strings.ts).
  return useProductStrings() ? <ProductType /> : <Loading />;
}

function ProductType() {
  const { t, i18n } = useTranslation('admin-products');
  const language = currentLanguage(i18n);
  const { id = '' } = useParams();
  const today = useMemo(() => localDateOf(new Date(), displayTimeZone), []);
  const [{ data, error }] = useQuery({ query: AdminProductTypeQuery, variables: { id } });
  const product = data ? readFragment(AdminProductTypeFieldsFragment, data.adminProductType) : null;

  return (
    <section>
      <p>
        <Link to="/beheer/producten">{t('detail.back')}</Link>
      </p>
      <ErrorNotice error={error} />
      {!product || !data ? (
        !error && <Loading />
      ) : (
        <>
          <h1>{language === 'en' ? product.nameEn : product.nameNl}</h1>
          <p className="muted">
            {t('detail.facts', {
              code: product.code,
              unit: t(`units.${product.balanceUnit ?? 'none'}`),
              count: product.permitCount,
            })}
          </p>
          <ProductSettingsForm
            key={product.id}
            productId={product.id}
            product={product}
            zones={data.adminZones}
            today={today}
          />
          {product.balanceUnit === 'cents' && (
            <TariffsSection productTypeId={product.id} zones={data.adminZones} today={today} />
          )}
        </>
      )}
    </section>
  );
}
