import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { parseCount } from '../amounts.js';
import { MunicipalitySettingsQuery, SetRetentionMutation } from '../graphql/products.js';
import '../admin-products.css';

const kinds = ['hoursAfterEnd', 'weeksAfterEnd'] as const;
type Kind = (typeof kinds)[number];

/** The town's own settings: how long plates of ended sessions are kept (docs/rules.md §8). */
export default function TownSettingsPage() {
  const { t } = useTranslation('admin-products');
  const [{ data, error }] = useQuery({ query: MunicipalitySettingsQuery });
  const town = data?.municipalitySettings;
  return (
    <section>
      <h1>{t('town.title')}</h1>
      <ErrorNotice error={error} />
      {!town ? !error && <Loading /> : <RetentionForm stored={town.retention} />}
    </section>
  );
}

interface RetentionValues {
  retention: { kind: Kind; amount: string };
}

/** The retention period, starting from the stored one. */
function RetentionForm({ stored }: { stored: { kind: string; amount: number } }) {
  const { t, i18n } = useTranslation('admin-products');
  const language = currentLanguage(i18n);
  const form = useForm<RetentionValues>({
    defaultValues: {
      retention: {
        kind: stored.kind === 'weeksAfterEnd' ? 'weeksAfterEnd' : 'hoursAfterEnd',
        amount: String(stored.amount),
      },
    },
    shouldFocusError: false,
  });
  const kind = form.watch('retention.kind');
  const [placed, setPlaced] = useState(0);
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(SetRetentionMutation);
  useEffect(() => {
    // What was saved is no longer what the form shows once it changes.
    const watching = form.watch(() => setSaved(false));
    return () => watching.unsubscribe();
  }, [form]);

  const submit = async ({ retention }: RetentionValues) => {
    const count = parseCount(retention.amount);
    if (count == null) return;
    setSaved(false);
    const result = await save({ input: { kind: retention.kind, amount: count } });
    // The API names the places as the form does (`retention.amount`).
    setPlaced(showServerProblems(result.error, language, form.setError));
    if (result.data) setSaved(true);
  };

  return (
    <Form
      form={form}
      onSubmit={submit}
      id="retention"
      className="card admin-products__section"
      aria-labelledby="retention-title"
    >
      <h2 id="retention-title">{t('town.retentionTitle')}</h2>
      <p className="muted">{t('town.retentionIntro')}</p>
      <ErrorSummary />
      <div className="admin-products__row">
        <Field name="retention.kind" label={t('town.kind')}>
          {(control) => (
            <select {...control} {...form.register('retention.kind')}>
              {kinds.map((value) => (
                <option key={value} value={value}>
                  {t(`town.kinds.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="retention.amount"
          label={t('town.amount')}
          hint={t(`town.amountHint.${kind}`)}
          required
        >
          {(control) => (
            <input
              {...control}
              {...form.register('retention.amount', {
                validate: (value) => {
                  const count = parseCount(value);
                  if (count === null) return t('local.required');
                  return count !== undefined || t('local.notAWholeNumber');
                },
              })}
              type="text"
              inputMode="numeric"
              className="admin-products__short"
            />
          )}
        </Field>
      </div>
      {placed === 0 && <ErrorNotice error={state.error} />}
      <div className="actions">
        <SubmitButton busy={state.fetching}>{t('town.save')}</SubmitButton>
      </div>
      <div role="status">
        {saved && <p className="notice notice--success">{t('town.saved')}</p>}
      </div>
    </Form>
  );
}
