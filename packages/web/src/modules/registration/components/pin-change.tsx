import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ChangePinMutation } from '../graphql/registration.js';

interface PinValues {
  currentPin: string;
  newPin: string;
}

/** A new PIN of one's own choosing; the rules are the API's (docs/rules.md §6, Changing the PIN). */
export function PinChange({ productId }: { productId: string }) {
  const { t } = useTranslation('registration');
  const [done, setDone] = useState(false);
  const form = useForm<PinValues>({
    defaultValues: { currentPin: '', newPin: '' },
    shouldFocusError: false,
  });
  const [{ fetching, error }, changePin] = useMutation(ChangePinMutation);
  const submit = async (values: PinValues) => {
    setDone(false);
    const result = await changePin({ input: { permitId: productId, ...values } });
    if (result.error) return;
    setDone(true);
    form.reset();
  };
  return (
    <section className="card">
      <details>
        <summary>
          <h2 className="registration__summary">{t('pinChange.title')}</h2>
        </summary>
        {done && (
          <p className="notice notice--success" role="status">
            {t('pinChange.done')}
          </p>
        )}
        <Form form={form} onSubmit={submit} id="registration-pin">
          <ErrorSummary />
          <Field name="currentPin" label={t('pinChange.current')}>
            {(control) => (
              <input
                {...control}
                {...form.register('currentPin', { required: t('pinChange.missing') })}
                className="registration__input"
                type="password"
                inputMode="numeric"
                autoComplete="current-password"
              />
            )}
          </Field>
          <Field name="newPin" label={t('pinChange.new')} hint={t('pinChange.newHint')}>
            {(control) => (
              <input
                {...control}
                {...form.register('newPin', { required: t('pinChange.missing') })}
                className="registration__input"
                type="password"
                inputMode="numeric"
                autoComplete="new-password"
              />
            )}
          </Field>
          <ErrorNotice error={error} />
          <SubmitButton busy={fetching} className="button registration__submit">
            {t('pinChange.submit')}
          </SubmitButton>
        </Form>
      </details>
    </section>
  );
}
