import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PermitRequestsQuery } from '../graphql/requests.js';

/**
 * The way to the holder's requests from a product, shown only when its rules offer one: a
 * goodwill waiver (visitor permits) or care hours (products that grant them).
 */
export function RequestsDoor({ productId }: { productId: string }) {
  const { t } = useTranslation('requests');
  const [result] = useQuery({ query: PermitRequestsQuery, variables: { permitId: productId } });
  const view = result.data?.permitRequests;
  if (!view || (!view.waiver && !view.care)) return null;
  return (
    <Link className="button button--secondary" to={`/producten/${productId}/aanvragen`}>
      {t('door')}
    </Link>
  );
}
