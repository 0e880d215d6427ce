import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ProductCardFragment, ProductGroupsQuery } from '../../products/graphql/products.js';
import { SessionsQuery } from '../graphql/sessions.js';
import { useLiveRefetch } from '../hooks/use-live-refetch.js';
import { SessionList } from './session-list.js';
import { SessionTabs } from './session-tabs.js';

/** Running and planned sessions of all the viewer's products; each links to its product. */
export default function AllSessionsPage() {
  const { t } = useTranslation('sessions');
  const [sessions, refetch] = useQuery({ query: SessionsQuery, variables: { permitId: null } });
  const [groups] = useQuery({ query: ProductGroupsQuery });
  useLiveRefetch(null, () => refetch({ requestPolicy: 'network-only' }));
  const [notice, setNotice] = useState<string | null>(null);
  const names = new Map(
    (groups.data?.productGroups ?? []).flatMap((group) =>
      group.products.map((product) => {
        const card = readFragment(ProductCardFragment, product);
        return [card.id, `${card.name} · ${card.zone.code}`] as const;
      }),
    ),
  );
  const list = sessions.data?.sessions;
  const productLink = (productId: string) => names.get(productId) ?? '';
  const open = (items: NonNullable<typeof list>['running']) => (
    <SessionList
      sessions={items}
      onChanged={(done) => {
        setNotice(done);
        refetch({ requestPolicy: 'network-only' });
      }}
      showProduct={productLink}
    />
  );
  return (
    <section>
      <h1>{t('all.title')}</h1>
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
      <ErrorNotice error={sessions.error} />
      {!list ? (
        <Loading />
      ) : (
        <SessionTabs
          runningCount={list.runningCount}
          plannedCount={list.plannedCount}
          running={open(list.running)}
          planned={open(list.planned)}
        />
      )}
    </section>
  );
}
