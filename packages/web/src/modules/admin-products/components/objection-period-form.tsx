import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SavedSettingActions, useSavedSetting } from '../../../app/form/saved-setting.js';
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
  const { t } = useTranslation('admin-products');
  const form = useForm<ObjectionValues>({
    defaultValues: { objectionPeriodDays: String(storedDays) },
    shouldFocusError: false,
  });
  const outcome = useSavedSetting(form);
  const [state, save] = useMutation(SetObjectionPeriodMutation);

  const submit = async ({ objectionPeriodDays }: ObjectionValues) => {
    const days = parseCount(objectionPeriodDays);
    if (days == null) return;
    await outcome.track(() => save({ days }));
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
      <SavedSettingActions
        outcome={outcome}
        error={state.error}
        busy={state.fetching}
        savedText={t('town.objectionSaved')}
      >
        {t('town.objectionSave')}
      </SavedSettingActions>
    </Form>
  );
}
