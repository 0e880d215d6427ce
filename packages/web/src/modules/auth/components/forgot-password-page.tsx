import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { RequestPasswordResetMutation } from '../graphql/password-reset.js';
import { SuccessNotice } from './success-notice.js';

/**
 * Asks for a reset link by e-mail. Whatever the address, the answer is the same: the page must
 * not reveal who has an account.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const form = useForm<{ email: string }>({
    defaultValues: { email: '' },
    shouldFocusError: false,
  });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [{ fetching, error }, request] = useMutation(RequestPasswordResetMutation);

  const submit = async ({ email }: { email: string }) => {
    const address = email.trim();
    const result = await request({ email: address });
    if (!result.error) setSentTo(address);
  };

  return (
    <section className="card">
      <h1>{t('forgot.title')}</h1>
      {sentTo ? (
        <>
          <SuccessNotice>{t('forgot.sent', { email: sentTo })}</SuccessNotice>
          <p>
            <button type="button" className="link-button" onClick={() => setSentTo(null)}>
              {t('forgot.otherAddress')}
            </button>
          </p>
        </>
      ) : (
        <Form form={form} onSubmit={submit} id="forgot">
          <p>{t('forgot.intro')}</p>
          <ErrorSummary />
          <Field name="email" label={t('forgot.email')}>
            {(control) => (
              <input
                {...control}
                {...form.register('email', {
                  validate: (value) => value.trim() !== '' || t('forgot.emailMissing'),
                })}
                type="email"
                autoComplete="username"
              />
            )}
          </Field>
          <ErrorNotice error={error} />
          <SubmitButton busy={fetching} className="button button--block">
            {t('forgot.submit')}
          </SubmitButton>
        </Form>
      )}
      <p>
        <Link to="/inloggen">{t('forgot.backToLogin')}</Link>
      </p>
    </section>
  );
}
