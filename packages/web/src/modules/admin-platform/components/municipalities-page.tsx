import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import '../../admin-zones/admin-zones.css';
import { CreateMunicipalityMutation, MunicipalitiesQuery } from '../graphql/municipalities.js';

/** The platform's towns, and a new one: its admins then set up zones, products and tariffs. */
export default function MunicipalitiesPage() {
  const { t } = useTranslation('admin-platform');
  const [towns, refetch] = useQuery({ query: MunicipalitiesQuery });
  const list = towns.data?.municipalities;
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={towns.error} />
      {!list ? (
        !towns.error && <Loading />
      ) : (
        <ul className="list" aria-label={t('title')}>
          {list.map((town) => (
            <li key={town.id} className="card">
              <span className="card__title">{town.name}</span>
              <p className="muted admin-zones__card-detail">
                {t('details', {
                  code: town.code,
                  retention: t(`retention.${town.retention.kind}`, {
                    count: town.retention.amount,
                  }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <NewMunicipalityForm onCreated={() => refetch({ requestPolicy: 'network-only' })} />
    </section>
  );
}

interface TownValues {
  code: string;
  name: string;
  retentionKind: string;
  retentionAmount: string;
}

/** The API names the retention's parts `retention.kind`; the form holds them flat. */
const townFieldOf = (path: string) =>
  ({ 'retention.kind': 'retentionKind', 'retention.amount': 'retentionAmount' })[path] ?? path;

function NewMunicipalityForm({ onCreated }: { onCreated(): void }) {
  const { t, i18n } = useTranslation('admin-platform');
  const form = useForm<TownValues>({
    defaultValues: { code: '', name: '', retentionKind: 'weeksAfterEnd', retentionAmount: '13' },
  });
  const [created, setCreated] = useState<string | null>(null);
  const [placed, setPlaced] = useState(0);
  const [state, create] = useMutation(CreateMunicipalityMutation);

  const submit = async (values: TownValues) => {
    setCreated(null);
    const result = await create({
      input: {
        code: values.code,
        name: values.name,
        retention: { kind: values.retentionKind, amount: Number(values.retentionAmount) },
      },
    });
    setPlaced(showServerProblems(result.error, currentLanguage(i18n), form.setError, townFieldOf));
    if (result.data) {
      setCreated(result.data.createMunicipality.name);
      form.reset({ ...values, code: '', name: '' });
      onCreated();
    }
  };

  return (
    <Form form={form} onSubmit={submit} id="town" aria-labelledby="new-town-title">
      <h2 id="new-town-title">{t('new.title')}</h2>
      <ErrorSummary />
      {placed === 0 && <ErrorNotice error={state.error} />}
      <Field name="name" label={t('new.name')} />
      <Field name="code" label={t('new.code')} hint={t('new.codeHint')}>
        {(control) => (
          <input
            {...control}
            {...form.register('code')}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <Field name="retentionKind" label={t('new.retentionKind')}>
        {(control) => (
          <select {...control} {...form.register('retentionKind')}>
            <option value="hoursAfterEnd">{t('new.hours')}</option>
            <option value="weeksAfterEnd">{t('new.weeks')}</option>
          </select>
        )}
      </Field>
      <Field name="retentionAmount" label={t('new.retentionAmount')}>
        {(control) => (
          <input
            {...control}
            {...form.register('retentionAmount')}
            type="number"
            min={1}
            inputMode="numeric"
          />
        )}
      </Field>
      <div role="status">
        {created && <p className="notice notice--success">{t('new.created', { name: created })}</p>}
      </div>
      <SubmitButton busy={state.fetching}>{t('new.submit')}</SubmitButton>
    </Form>
  );
}
