import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { parseCount } from '../amounts.js';
import { SetObjectionPeriodMutation } from '../graphql/products.js';

interface ObjectionValues {
  objectionPeriodDays: string;
}

/**
 * How many days a fined session's plate is kept for an objection (docs/rules.md §9 fines), beside
 * the normal retention above it. The bounds are the API's: it names the field when they are not met.
 */
export function ObjectionPeriodForm({ storedDays }: { storedDays: number }) {
  const { t, i18n } = useTranslation('admin-products');
  const language = currentLanguage(i18n);
  const form = useForm<ObjectionValues>({
    defaultValues: { objectionPeriodDays: String(storedDays) },
    shouldFocusError: false,
  });
  const [placed, setPlaced] = useState(0);
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(SetObjectionPeriodMutation);
  useEffect(() => {
    const watching = form.watch(() => setSaved(false));
    return () => watching.unsubscribe();
  }, [form]);

  const submit = async ({ objectionPeriodDays }: ObjectionValues) => {
    const days = parseCount(objectionPeriodDays);
    if (days == null) return;
    setSaved(false);
    const result = await save({ days });
    // The API names the place as the form does (`objectionPeriodDays`).
    setPlaced(showServerProblems(result.error, language, form.setError));
    if (result.data) setSaved(true);
  };

  return (
    <Form
      form={form}
      onSubmit={submit}
      id="objection"
      className="card admin-products__section"
      aria-labelledby="objection-title"
    >
      <h2 id="objection-title">{t('town.objectionTitle')}</h2>
      <p className="muted">{t('town.objectionIntro')}</p>
      <ErrorSummary />
      <Field
        name="objectionPeriodDays"
        label={t('town.objectionDays')}
        hint={t('town.objectionHint')}
        required
      >
        {(control) => (
          <input
            {...control}
            {...form.register('objectionPeriodDays', {
              validate: (value) => {
                const days = parseCount(value);
                if (days === null) return t('local.required');
                return days !== undefined || t('local.notAWholeNumber');
              },
            })}
            type="text"
            inputMode="numeric"
            className="admin-products__short"
          />
        )}
      </Field>
      {placed === 0 && <ErrorNotice error={state.error} />}
      <div className="actions">
        <SubmitButton busy={state.fetching}>{t('town.objectionSave')}</SubmitButton>
      </div>
      <div role="status">
        {saved && <p className="notice notice--success">{t('town.objectionSaved')}</p>}
      </div>
    </Form>
  );
}
