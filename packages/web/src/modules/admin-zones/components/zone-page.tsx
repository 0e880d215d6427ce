import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AdminZoneFieldsFragment, AdminZoneQuery, UpdateZoneMutation } from '../graphql/zones.js';
import { problemsByPath } from '../../../app/errors.js';
import '../admin-zones.css';
import { RegimeEditor } from './regime-editor.js';
import { WeekView } from './week-view.js';
import { ZoneFields } from './zone-fields.js';

/** One zone: its code and name, its paid hours and a week of them as they fall. */
export default function ZonePage() {
  const { t } = useTranslation('admin-zones');
  const { zoneId = '' } = useParams();
  const [result] = useQuery({ query: AdminZoneQuery, variables: { id: zoneId } });
  if (result.error) return <ErrorNotice error={result.error} />;
  if (!result.data) return <Loading />;
  const zone = readFragment(AdminZoneFieldsFragment, result.data.adminZone);
  return (
    <section>
      <p>
        <Link to="/beheer/zones">{t('backToZones')}</Link>
      </p>
      <h1>{t('zoneTitle', { code: zone.code, name: zone.name })}</h1>
      {/* Keyed by the zone: another zone starts its forms afresh. */}
      <RenameForm key={zone.id} zone={zone} />
      <RegimeEditor key={zone.id} zone={zone} />
      <WeekView regime={zone.regime} />
    </section>
  );
}

function RenameForm({ zone }: { zone: ResultOf<typeof AdminZoneFieldsFragment> }) {
  const { t, i18n } = useTranslation('admin-zones');
  const fields = zone;
  const [code, setCode] = useState(fields.code);
  const [name, setName] = useState(fields.name);
  const [state, update] = useMutation(UpdateZoneMutation);
  const [saved, setSaved] = useState(false);
  const problems = problemsByPath(state.error, currentLanguage(i18n));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await update({ id: fields.id, input: { code, name } });
    if (result.data) setSaved(true);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="zone-name-title">
      <h2 id="zone-name-title">{t('rename.title')}</h2>
      {problems.size === 0 && <ErrorNotice error={state.error} />}
      <ZoneFields
        code={code}
        name={name}
        onCode={setCode}
        onName={setName}
        problems={problems}
        idPrefix="zone"
      />
      <div role="status">{saved && <p className="notice notice--success">{t('saved')}</p>}</div>
      <button className="button" type="submit" disabled={state.fetching}>
        {t('rename.submit')}
      </button>
    </form>
  );
}
