import type { CombinedError } from '@urql/core';
import { useId, useState } from 'react';
import { useFormContext, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { passwordMinLength } from '@parkeer/shared/password-length';
import { failureOf } from '../../../app/errors.js';
import { Field } from '../../../app/form/field.js';
import { currentLanguage } from '../../../app/i18n.js';
import { passwordProblems } from '../password-problems.js';

/** The values of a kit form with a new password typed twice. */
export interface NewPasswordValues {
  password: string;
  passwordRepeat: string;
}

/**
 * Puts what the API found wrong with a new password on the password field, every broken rule at
 * once; the mismatch on the repeat. Returns the error when it is about something else (an expired
 * link, the network), for the page to show.
 */
export function usePasswordFailure() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return function place<Values extends NewPasswordValues>(
    error: CombinedError | undefined,
    setError: UseFormSetError<Values>,
  ): CombinedError | undefined {
    if (!error) return undefined;
    const failure = failureOf(error);
    const problems = passwordProblems(failure, language);
    if (problems.length === 0) return error;
    const setField = setError as UseFormSetError<NewPasswordValues>;
    const field = failure.code === 'PASSWORD_MISMATCH' ? 'passwordRepeat' : 'password';
    setField(field, { type: 'server', message: problems.join(' ') });
    return undefined;
  };
}

/**
 * A new password typed twice in a kit form, with the rules said beforehand, every broken one said
 * after a refusal, and a different repeat said before sending. A 'show password' switch spares
 * phone users typing blind twice.
 */
export function NewPasswordFields() {
  const { t, i18n } = useTranslation('auth');
  const { register, getValues } = useFormContext<NewPasswordValues>();
  const [shown, setShown] = useState(false);
  const id = useId();
  const type = shown ? 'text' : 'password';
  return (
    <>
      <Field
        name="password"
        label={t('newPassword.password')}
        hint={t('newPassword.hint', { min: passwordMinLength })}
      >
        {(control) => (
          <input {...control} {...register('password')} type={type} autoComplete="new-password" />
        )}
      </Field>
      <Field name="passwordRepeat" label={t('newPassword.repeat')}>
        {(control) => (
          <input
            {...control}
            {...register('passwordRepeat', {
              validate: (value) =>
                value === getValues('password') ||
                errorMessage('PASSWORD_MISMATCH', currentLanguage(i18n)),
            })}
            type={type}
            autoComplete="new-password"
          />
        )}
      </Field>
      <div className="field field--inline">
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        <label htmlFor={`${id}-show`}>{t('newPassword.show')}</label>
      </div>
    </>
  );
}
