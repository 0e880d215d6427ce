import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useLiveRefetch } from '../../sessions/hooks/use-live-refetch.js';
import { ProductGroupsQuery } from '../graphql/products.js';
import { ProductCard } from './product-card.js';

/** All the viewer's products, grouped per municipality. */
export default function ProductsPage() {
  const { t } = useTranslation('products');
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProductGroupsQuery });
  useLiveRefetch(null, () => refetch({ requestPolicy: 'network-only' }));
  return (
    <section>
      <h1>{t('title')}</h1>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {data?.productGroups.length === 0 && <p>{t('none')}</p>}
      {data?.productGroups.map((group) => (
        <section key={group.municipality.id} aria-labelledby={`town-${group.municipality.id}`}>
          <h2 id={`town-${group.municipality.id}`}>
            {group.municipality.name} <span className="muted">({group.count})</span>
          </h2>
          <ul className="list">
            {group.products.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </ul>
        </section>
      ))}
      <div className="actions">
        <Link className="button button--secondary" to="/producten/toevoegen">
          {t('add')}
        </Link>
        {/* The menu's words: no string of its own in the residents' first download. */}
        <Link className="button button--secondary" to="/loket">
          {t('app:nav.counter')}
        </Link>
      </div>
    </section>
  );
}
