import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { plateLabel } from '../../favorites/countries.js';
import { ProductHeader } from '../../sessions/components/product-header.js';
import { ProductDetailQuery } from '../../sessions/graphql/sessions.js';
import { useLiveRefetch } from '../../sessions/hooks/use-live-refetch.js';
import { PermitPlateFieldsFragment, PermitPlatesQuery } from '../graphql/plates.js';
import { PlateRow } from './plate-row.js';

/**
 * The permit's registered plates and the plate switch (docs/rules.md §6): the permit is valid for the
 * active plate only, so a resident who takes the other car makes that plate active first.
 */
export default function PlatesPage() {
  const { t, i18n } = useTranslation('plates');
  const language = currentLanguage(i18n);
  const { productId = '' } = useParams();
  const [product, refetchProduct] = useQuery({
    query: ProductDetailQuery,
    variables: { id: productId },
  });
  const [plates, refetchPlates] = useQuery({
    query: PermitPlatesQuery,
    variables: { permitId: productId },
  });
  const refreshProduct = useCallback(
    () => refetchProduct({ requestPolicy: 'network-only' }),
    [refetchProduct],
  );
  useLiveRefetch(productId, refreshProduct);
  const [done, setDone] = useState<string | null>(null);

  const detail = product.data?.product;
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail) return <Loading />;
  const list = plates.data?.permitPlates.map((item) =>
    readFragment(PermitPlateFieldsFragment, item),
  );
  const active = list?.find((plate) => plate.active);

  return (
    <section>
      <ProductHeader product={detail} />
      <h2>{t('title')}</h2>
      <div role="status">{done && <p className="notice notice--success">{done}</p>}</div>
      <ErrorNotice error={plates.error} />
      {!list ? (
        !plates.error && <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <>
          <p className="muted">{list.length > 1 ? t('introSeveral') : t('introOne')}</p>
          {list.length > 1 && !active && (
            <p className="notice notice--warning">{t('noneActive')}</p>
          )}
          <ul className="list" aria-label={t('title')}>
            {list.map((plate) => (
              <PlateRow
                key={plate.plate}
                permitId={productId}
                plate={plate}
                label={plateLabel(plate, language)}
                activeLabel={active ? plateLabel(active, language) : null}
                canSwitch={list.length > 1}
                onSwitched={() => {
                  setDone(t('done', { plate: plateLabel(plate, language) }));
                  refetchPlates({ requestPolicy: 'network-only' });
                }}
              />
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/producten/${productId}`}>{t('backToProduct')}</Link>
      </p>
    </section>
  );
}
