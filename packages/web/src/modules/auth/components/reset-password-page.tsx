import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { failureOf, messageOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';
import { useSession } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { PasswordResetLinkQuery, ResetPasswordMutation } from '../graphql/password-reset.js';
import { NewPasswordFields, usePasswordFailure } from './new-password-fields.js';
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
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [{ fetching, error }, reset] = useMutation(ResetPasswordMutation);
  const { problems, otherError } = usePasswordFailure(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await reset({ token, password, passwordRepeat: repeat });
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
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p>{t('reset.intro')}</p>
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPasswordChange={setPassword}
            onRepeatChange={setRepeat}
            problems={problems}
          />
          <ErrorNotice error={otherError} />
          {otherError && linkFailures.has(failureOf(otherError).code) && (
            <p>
              <Link to="/wachtwoord-vergeten">{t('reset.newLink')}</Link>
            </p>
          )}
          <button type="submit" className="button button--block" disabled={fetching}>
            {t('reset.submit')}
          </button>
        </form>
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
