import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AdminZoneFieldsFragment, AdminZonesQuery, CreateZoneMutation } from '../graphql/zones.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import '../admin-zones.css';
import { ZoneFields, type ZoneValues } from './zone-fields.js';

/** The town's zones, each leading to its paid hours, and a form for a new one. */
export default function ZonesPage() {
  const { t } = useTranslation('admin-zones');
  const [zones] = useQuery({ query: AdminZonesQuery });
  const list = zones.data?.adminZones.map((zone) => readFragment(AdminZoneFieldsFragment, zone));
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={zones.error} />
      {!list ? (
        !zones.error && <Loading />
      ) : (
        <ul className="list" aria-label={t('title')}>
          {list.map((zone) => (
            <li key={zone.id} className="card">
              <Link className="card__link" to={`/beheer/zones/${zone.id}`}>
                <span className="card__title">
                  {zone.code} · {zone.name}
                </span>
              </Link>
              <p className="muted admin-zones__card-detail">
                {t('windowCount', { count: zone.regime.weekly.length })}
                {zone.regime.exceptions.length > 0 &&
                  ` · ${t('exceptionCount', { count: zone.regime.exceptions.length })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <NewZoneForm />
    </section>
  );
}

function NewZoneForm() {
  const { t, i18n } = useTranslation('admin-zones');
  const navigate = useNavigate();
  const form = useForm<ZoneValues>({ defaultValues: { code: '', name: '' } });
  const [state, create] = useMutation(CreateZoneMutation);
  const [placed, setPlaced] = useState(0);

  const submit = async (input: ZoneValues) => {
    const result = await create({ input });
    const created = result.data?.createZone;
    setPlaced(showServerProblems(result.error, currentLanguage(i18n), form.setError));
    if (created)
      void navigate(`/beheer/zones/${readFragment(AdminZoneFieldsFragment, created).id}`);
  };

  return (
    <Form form={form} onSubmit={submit} id="new-zone" aria-labelledby="new-zone-title">
      <h2 id="new-zone-title">{t('new.title')}</h2>
      <ErrorSummary />
      {placed === 0 && <ErrorNotice error={state.error} />}
      <ZoneFields />
      <SubmitButton busy={state.fetching}>{t('new.submit')}</SubmitButton>
    </Form>
  );
}
