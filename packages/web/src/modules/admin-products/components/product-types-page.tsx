import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AdminProductTypesQuery } from '../graphql/products.js';
import { useProductStrings } from '../strings.js';
import '../admin-products.css';

/** The town's product types, each a link to its settings. */
export default function ProductTypesPage() {
  // The page's words come with it (strings.ts).
  return useProductStrings() ? <ProductTypes /> : <Loading />;
}

function ProductTypes() {
  const { t, i18n } = useTranslation('admin-products');
  const language = currentLanguage(i18n);
  const [{ data, error }] = useQuery({ query: AdminProductTypesQuery });
  const products = data?.adminProductTypes;

  return (
    <section>
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.intro')}</p>
      <ErrorNotice error={error} />
      {!products ? (
        !error && <Loading />
      ) : products.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <ul className="list admin-products__cards" data-testid="product-types">
          {products.map((product) => (
            <li key={product.id} className="card">
              <h2 className="card__title">
                <Link className="card__link" to={`/beheer/producten/${product.id}`}>
                  {language === 'en' ? product.nameEn : product.nameNl}
                </Link>
              </h2>
              <dl className="facts">
                <dt>{t('list.code')}</dt>
                <dd>{product.code}</dd>
                <dt>{t('list.unit')}</dt>
                <dd>{t(`units.${product.balanceUnit ?? 'none'}`)}</dd>
                <dt>{t('list.permits')}</dt>
                <dd>{product.permitCount}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
