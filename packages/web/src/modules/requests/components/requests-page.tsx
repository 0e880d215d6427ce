import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { ProductCardFragment } from '../../products/graphql/products.js';
import { ProductHeader } from '../../sessions/components/product-header.js';
import { ProductDetailQuery } from '../../sessions/graphql/sessions.js';
import { PermitRequestsQuery } from '../graphql/requests.js';
import '../requests.css';
import { CareForm } from './care-form.js';
import { OwnRequests } from './own-requests.js';
import { WaiverForm } from './waiver-form.js';

/**
 * The holder's requests to the town on one product (issue 15): a goodwill waiver where the
 * product has the scheme, care hours where it grants them, and the requests made with their
 * decisions. The forms check the rules before sending; the town decides in its back office.
 */
export default function RequestsPage() {
  const { t } = useTranslation('requests');
  const format = useFormats();
  const { productId = '' } = useParams();
  const [product] = useQuery({ query: ProductDetailQuery, variables: { id: productId } });
  const [requests, refetch] = useQuery({
    query: PermitRequestsQuery,
    variables: { permitId: productId },
  });
  const [sent, setSent] = useState<string | null>(null);
  const reload = (message: string) => {
    setSent(message);
    refetch({ requestPolicy: 'network-only' });
  };

  const detail = product.data?.product;
  if (product.error) return <ErrorNotice error={product.error} />;
  if (!detail) return <Loading />;
  const card = readFragment(ProductCardFragment, detail);
  const view = requests.data?.permitRequests;

  return (
    <section className="requests">
      <ProductHeader product={detail} />
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <div role="status">{sent && <p className="notice notice--success">{sent}</p>}</div>
      <ErrorNotice error={requests.error} />
      {!view ? (
        !requests.error && <Loading />
      ) : (
        <>
          {!view.waiver && !view.care && <p className="notice notice--warning">{t('none')}</p>}
          {view.waiver && (
            <WaiverForm
              permitId={productId}
              timeZone={view.timeZone}
              policy={view.waiver}
              previous={view.fineWaivers}
              onSent={(reference) => reload(t('waiver.sent', { reference }))}
            />
          )}
          {view.care && (
            <CareForm
              permitId={productId}
              timeZone={view.timeZone}
              scheme={{
                ...view.care,
                counted: view.care.counted.map((item) => ({ ...item, at: item.at as string })),
              }}
              onSent={(minutes) =>
                reload(t('care.sent', { duration: format.balance(minutes, 'minutes') }))
              }
            />
          )}
          <OwnRequests requests={view} />
        </>
      )}
      <p>
        <Link to={`/producten/${productId}`}>{t('backToProduct', { product: card.name })}</Link>
      </p>
    </section>
  );
}
