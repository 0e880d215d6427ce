import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SavedSettingActions, useSavedSetting } from '../../../app/form/saved-setting.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { useApplicationStrings } from '../../admin-applications/strings.js';
import { amountText, parseAmount } from '../amounts.js';
import { SetAdministrationFeeMutation } from '../graphql/products.js';

interface FeeValues {
  administrationFeeCents: string;
}

/**
 * The town's administration fee (leges) per product bought at the permit counter, typed in
 * euros; product types say whether they charge it (docs/rules.md §1). Its words come with the
 * counter's back-office strings.
 */
export function AdministrationFeeForm({ storedCents }: { storedCents: number }) {
  const ready = useApplicationStrings();
  return ready ? <FeeForm storedCents={storedCents} /> : <Loading />;
}

function FeeForm({ storedCents }: { storedCents: number }) {
  const { t, i18n } = useTranslation('admin-applications');
  const language = currentLanguage(i18n);
  const form = useForm<FeeValues>({
    defaultValues: { administrationFeeCents: amountText(storedCents, 'cents', language) },
    shouldFocusError: false,
  });
  const outcome = useSavedSetting(form);
  const [state, save] = useMutation(SetAdministrationFeeMutation);

  const submit = async ({ administrationFeeCents }: FeeValues) => {
    const cents = parseAmount(administrationFeeCents, 'cents');
    if (cents == null) return;
    await outcome.track(() => save({ cents }));
  };

  return (
    <Form
      form={form}
      onSubmit={submit}
      id="fee"
      className="card admin-products__section"
      aria-labelledby="fee-title"
    >
      <h2 id="fee-title">{t('fee.title')}</h2>
      <p className="muted">{t('fee.intro')}</p>
      <ErrorSummary />
      <Field name="administrationFeeCents" label={t('fee.amount')} required>
        {(control) => (
          <input
            {...control}
            {...form.register('administrationFeeCents', {
              validate: (value) => {
                const cents = parseAmount(value, 'cents');
                if (cents === null) return t('fee.required');
                return cents !== undefined || t('fee.notAnAmount');
              },
            })}
            type="text"
            inputMode="decimal"
            className="admin-products__short"
          />
        )}
      </Field>
      <SavedSettingActions
        outcome={outcome}
        error={state.error}
        busy={state.fetching}
        savedText={t('fee.saved')}
      >
        {t('fee.save')}
      </SavedSettingActions>
    </Form>
  );
}
