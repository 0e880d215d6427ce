import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { failureOf, messageOf } from '../../../app/errors.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { useSession } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { PasswordResetLinkQuery, ResetPasswordMutation } from '../graphql/password-reset.js';
import {
  NewPasswordFields,
  usePasswordFailure,
  type NewPasswordValues,
} from './new-password-fields.js';
import { SuccessNotice } from './success-notice.js';

const linkFailures = new Set(['LINK_INVALID', 'LINK_EXPIRED', 'LINK_ALREADY_USED']);

/**
 * Sets a new password with the token of the e-mailed link (typed twice, checked by the API). The
 * link is checked as the page opens: a dead one is said at once, not after a password is chosen.
 */
export default function ResetPasswordPage() {
  const { i18n } = useTranslation('auth');
  const token = useSearchParams()[0].get('token') ?? '';
  const [link] = useQuery({
    query: PasswordResetLinkQuery,
    variables: { token },
    pause: !token,
    requestPolicy: 'network-only',
  });
  if (!token) return <UnusableLink />;
  if (link.error) {
    return <UnusableLink message={messageOf(link.error, currentLanguage(i18n))} />;
  }
  if (!link.data) return <Loading />;
  return <ResetPasswordForm token={token} />;
}

function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const form = useForm<NewPasswordValues>({
    defaultValues: { password: '', passwordRepeat: '' },
    shouldFocusError: false,
  });
  const [done, setDone] = useState(false);
  const [otherError, setOtherError] = useState<CombinedError | undefined>();
  const [{ fetching }, reset] = useMutation(ResetPasswordMutation);
  const placePasswordFailure = usePasswordFailure();

  const submit = async (values: NewPasswordValues) => {
    const result = await reset({ token, ...values });
    setOtherError(placePasswordFailure(result.error, form.setError));
    if (!result.error) setDone(true);
  };

  return (
    <section className="card">
      <h1>{t('reset.title')}</h1>
      {done ? (
        <>
          <SuccessNotice>{t('reset.done')}</SuccessNotice>
          <ContinueLink />
        </>
      ) : (
        <Form form={form} onSubmit={submit} id="reset">
          <p>{t('reset.intro')}</p>
          <ErrorSummary />
          <NewPasswordFields />
          <ErrorNotice error={otherError} />
          {otherError && linkFailures.has(failureOf(otherError).code) && (
            <p>
              <Link to="/wachtwoord-vergeten">{t('reset.newLink')}</Link>
            </p>
          )}
          <SubmitButton busy={fetching} className="button button--block">
            {t('reset.submit')}
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}

/** After the reset: a browser still logged in (as this account, it stays so) goes on in the app. */
function ContinueLink() {
  const { t } = useTranslation('auth');
  const { me } = useSession();
  return (
    <p>
      {me ? (
        <Link className="button" to="/">
          {t('reset.toApp')}
        </Link>
      ) : (
        <Link className="button" to="/inloggen">
          {t('reset.toLogin')}
        </Link>
      )}
    </p>
  );
}

/**
 * A link that cannot be used: without its token (cut off in the mail program), unknown, expired
 * or used already (`message`, from the API).
 */
function UnusableLink({ message }: { message?: string }) {
  const { t, i18n } = useTranslation('auth');
  return (
    <section className="card">
      <h1>{t('reset.title')}</h1>
      <p className="notice notice--error" role="alert">
        {message ?? errorMessage('LINK_INVALID', currentLanguage(i18n))}
      </p>
      <p>
        <Link to="/wachtwoord-vergeten">{t('reset.newLink')}</Link>
      </p>
    </section>
  );
}
