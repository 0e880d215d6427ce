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
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
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
  const [placed, setPlaced] = useState(0);
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(SetAdministrationFeeMutation);
  useEffect(() => {
    const watching = form.watch(() => setSaved(false));
    return () => watching.unsubscribe();
  }, [form]);

  const submit = async ({ administrationFeeCents }: FeeValues) => {
    const cents = parseAmount(administrationFeeCents, 'cents');
    if (cents == null) return;
    setSaved(false);
    const result = await save({ cents });
    // The API names the place as the form does (`administrationFeeCents`).
    setPlaced(showServerProblems(result.error, language, form.setError));
    if (result.data) setSaved(true);
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
      {placed === 0 && <ErrorNotice error={state.error} />}
      <div className="actions">
        <SubmitButton busy={state.fetching}>{t('fee.save')}</SubmitButton>
      </div>
      <div role="status">{saved && <p className="notice notice--success">{t('fee.saved')}</p>}</div>
    </Form>
  );
}
