import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { loginLifetime } from '@parkeer/shared/login-lifetime';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { useSession } from '../../../app/session.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { LoginWithRegistrationMutation } from '../graphql/registration.js';
import { PinForgotten } from './pin-forgotten.js';

interface SignInValues {
  registrationNumber: string;
  pin: string;
}

const idleMinutes = loginLifetime.registration.idle / 60_000;

/** The letter's registration number and PIN: large fields, a numeric keyboard, where to look. */
export function RegistrationSignIn({
  notice,
  onSignedIn,
}: {
  notice: string | null;
  onSignedIn(): void;
}) {
  const { t } = useTranslation('registration');
  const { restart, logoutReason } = useSession();
  const [showPin, setShowPin] = useState(false);
  const form = useForm<SignInValues>({
    defaultValues: { registrationNumber: '', pin: '' },
    shouldFocusError: false,
  });
  const [{ fetching, error }, signIn] = useMutation(LoginWithRegistrationMutation);
  const said =
    notice ?? (logoutReason === 'inactive' ? t('expired', { minutes: idleMinutes }) : null);

  const submit = async (values: SignInValues) => {
    const result = await signIn({ input: values });
    if (result.error) return;
    // A new client, so the WebSocket too signs in with the new cookie.
    restart();
    onSignedIn();
  };

  return (
    <section className="card registration">
      <h1>{t('title')}</h1>
      {said && (
        <p className="notice notice--warning" role="status">
          {said}
        </p>
      )}
      <p>{t('intro')}</p>
      <Form form={form} onSubmit={submit} id="registration-login">
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
              autoComplete="username"
            />
          )}
        </Field>
        <Field name="pin" label={t('pin')} hint={t('pinHint')}>
          {(control) => (
            <input
              {...control}
              {...form.register('pin', { required: t('pinMissing') })}
              className="registration__input"
              type={showPin ? 'text' : 'password'}
              inputMode="numeric"
              autoComplete="current-password"
            />
          )}
        </Field>
        <div className="field field--inline">
          <input
            id="registration-show-pin"
            type="checkbox"
            checked={showPin}
            onChange={(event) => setShowPin(event.target.checked)}
          />
          <label htmlFor="registration-show-pin">{t('showPin')}</label>
        </div>
        <ErrorNotice error={error} />
        <SubmitButton busy={fetching} className="button button--block registration__submit">
          {t('submit')}
        </SubmitButton>
      </Form>
      <PinForgotten registrationNumber={form.watch('registrationNumber')} />
      <p>
        <Link to="/inloggen">{t('backToLogin')}</Link>
      </p>
    </section>
  );
}
