import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ProductHeader } from '../../sessions/components/product-header.js';
import { ProductDetailQuery } from '../../sessions/graphql/sessions.js';
import { useLiveRefetch } from '../../sessions/hooks/use-live-refetch.js';
import { FavoriteFieldsFragment, FavoritesQuery } from '../graphql/favorites.js';
import { AddFavoriteForm } from './add-favorite-form.js';
import { FavoriteRow } from './favorite-row.js';

/**
 * The owner's favorites (docs/rules.md §7): plates with a short name to pick when a visitor comes.
 * Added, renamed and deleted (after a question) here.
 */
export default function FavoritesPage() {
  const { t } = useTranslation('favorites');
  const { productId = '' } = useParams();
  const [product, refetchProduct] = useQuery({
    query: ProductDetailQuery,
    variables: { id: productId },
  });
  const [favorites, refetchFavorites] = useQuery({
    query: FavoritesQuery,
    variables: { permitId: productId },
  });
  const refreshProduct = useCallback(
    () => refetchProduct({ requestPolicy: 'network-only' }),
    [refetchProduct],
  );
  useLiveRefetch(productId, refreshProduct);
  // Said after each change, where the resident is looking: by the list after a rename or a
  // delete (the row may be gone), by the form after an add (on a phone the list is out of view).
  const [done, setDone] = useState<{ message: string; where: 'list' | 'form' } | null>(null);
  const changed = (message: string, where: 'list' | 'form' = 'list') => {
    setDone({ message, where });
    refetchFavorites({ requestPolicy: 'network-only' });
  };

  const detail = product.data?.product;
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail) return <Loading />;
  const list = favorites.data?.favorites.map((item) => readFragment(FavoriteFieldsFragment, item));

  return (
    <section>
      <ProductHeader product={detail} />
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <div role="status">
        {done?.where === 'list' && <p className="notice notice--success">{done.message}</p>}
      </div>
      <ErrorNotice error={favorites.error} />
      {!list ? (
        !favorites.error && <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="list" aria-label={t('title')}>
          {list.map((favorite) => (
            <FavoriteRow
              key={favorite.id}
              favorite={favorite}
              onRenamed={(name) => changed(t('done.renamed', { name }))}
              onDeleted={() => changed(t('done.deleted', { name: favorite.name }))}
            />
          ))}
        </ul>
      )}
      {list && (
        <AddFavoriteForm
          permitId={productId}
          notice={done?.where === 'form' ? done.message : null}
          onAdded={(name) => changed(t('done.added', { name }), 'form')}
        />
      )}
      <p>
        <Link to={`/producten/${productId}`}>{t('backToProduct')}</Link>
      </p>
    </section>
  );
}
