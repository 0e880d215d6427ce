import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { RequestPasswordResetMutation } from '../graphql/password-reset.js';
import { SuccessNotice } from './success-notice.js';

/**
 * Asks for a reset link by e-mail. Whatever the address, the answer is the same: the page must
 * not reveal who has an account.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [{ fetching, error }, request] = useMutation(RequestPasswordResetMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    setMissing(!address);
    if (!address) return;
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
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p>{t('forgot.intro')}</p>
          <div className="field">
            <label htmlFor="forgot-email">{t('forgot.email')}</label>
            <input
              id="forgot-email"
              type="email"
              autoComplete="username"
              required
              aria-invalid={missing}
              aria-describedby={missing ? 'forgot-email-missing' : undefined}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            {missing && (
              <span id="forgot-email-missing" className="field__error">
                {t('forgot.emailMissing')}
              </span>
            )}
          </div>
          <ErrorNotice error={error} />
          <button type="submit" className="button button--block" disabled={fetching}>
            {t('forgot.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to="/inloggen">{t('forgot.backToLogin')}</Link>
      </p>
    </section>
  );
}
