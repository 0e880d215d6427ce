import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AdminZoneFieldsFragment, AdminZoneQuery, UpdateZoneMutation } from '../graphql/zones.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import '../admin-zones.css';
import { EmissionRuleForm } from './emission-rule-form.js';
import { RegimeEditor } from './regime-editor.js';
import { WeekView } from './week-view.js';
import { ZoneFields, type ZoneValues } from './zone-fields.js';

/** One zone: its code and name, its paid hours, a week of them as they fall, its emission rule. */
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
      <EmissionRuleForm key={`emission-${zone.id}`} zone={zone} />
    </section>
  );
}

function RenameForm({ zone }: { zone: ResultOf<typeof AdminZoneFieldsFragment> }) {
  const { t, i18n } = useTranslation('admin-zones');
  const form = useForm<ZoneValues>({ defaultValues: { code: zone.code, name: zone.name } });
  const [state, update] = useMutation(UpdateZoneMutation);
  const [saved, setSaved] = useState(false);
  const [placed, setPlaced] = useState(0);

  const submit = async (input: ZoneValues) => {
    setSaved(false);
    const result = await update({ id: zone.id, input });
    setPlaced(showServerProblems(result.error, currentLanguage(i18n), form.setError));
    if (result.data) setSaved(true);
  };

  return (
    <Form form={form} onSubmit={submit} id="zone" aria-labelledby="zone-name-title">
      <h2 id="zone-name-title">{t('rename.title')}</h2>
      <ErrorSummary />
      {placed === 0 && <ErrorNotice error={state.error} />}
      <ZoneFields />
      <div role="status">{saved && <p className="notice notice--success">{t('saved')}</p>}</div>
      <SubmitButton busy={state.fetching}>{t('rename.submit')}</SubmitButton>
    </Form>
  );
}
