import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { failureOf } from '../../../app/errors.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { RequestNewPinByRegistrationMutation } from '../graphql/registration.js';

/**
 * "Forgot the PIN?": a new one by letter for a registration number (docs/rules.md §6, "A new
 * PIN by letter"). The API answers alike for every number, so the page says what happens if the
 * number is a visitor permit's, never whether it is.
 */
export function PinForgotten({ registrationNumber }: { registrationNumber: string }) {
  const { t } = useTranslation('registration');
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useForm<{ registrationNumber: string }>({
    defaultValues: { registrationNumber },
    shouldFocusError: false,
  });
  const [{ fetching, error }, request] = useMutation(RequestNewPinByRegistrationMutation);

  const submit = async (values: { registrationNumber: string }) => {
    const result = await request({ registrationNumber: values.registrationNumber });
    if (!result.error) setSent(true);
  };

  if (!open) {
    return (
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            form.reset({ registrationNumber });
            setOpen(true);
          }}
        >
          {t('forgotten.link')}
        </button>
      </p>
    );
  }
  return (
    <section className="registration__forgotten" aria-labelledby="pin-forgotten-title">
      <h2 id="pin-forgotten-title">{t('forgotten.title')}</h2>
      {sent ? (
        <p className="notice notice--success" role="status">
          {t('forgotten.sent')}
        </p>
      ) : (
        <Form form={form} onSubmit={submit} id="pin-forgotten">
          <p>{t('forgotten.intro')}</p>
          <ErrorSummary />
          <Field name="registrationNumber" label={t('number')} hint={t('numberHint')}>
            {(control) => (
              <input
                {...control}
                {...form.register('registrationNumber', {
                  validate: (value) => value.trim() !== '' || t('numberMissing'),
                })}
                className="registration__input"
                inputMode="numeric"
              />
            )}
          </Field>
          {error && failureOf(error).code === 'RATE_LIMITED' ? (
            // One letter a day: said as such, not as a count of minutes.
            <p className="notice notice--error" role="alert">
              {t('forgotten.onceADay')}
            </p>
          ) : (
            <ErrorNotice error={error} />
          )}
          <SubmitButton busy={fetching} className="button button--block">
            {t('forgotten.submit')}
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}
