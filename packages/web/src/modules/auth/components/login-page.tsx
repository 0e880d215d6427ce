import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../../app/graphql.js';
import { useSession } from '../../../app/session.js';
import { setRememberedLogin } from '../../../app/shell/remembered-login.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      expiresAt
    }
  }
`);

/** Only paths of this app: a link cannot send someone elsewhere after logging in. */
function safeBack(back: string | null): string {
  return back && back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { restart, logoutReason, me } = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  // Fields left empty, said beside them: asking the API would only answer "wrong credentials".
  const [missing, setMissing] = useState<{ email: boolean; password: boolean } | null>(null);
  const emailField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const [{ fetching, error }, login] = useMutation(LoginMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = { email: !email.trim(), password: !password };
    if (empty.email || empty.password) {
      setMissing(empty);
      (empty.email ? emailField : passwordField).current?.focus();
      return;
    }
    setMissing(null);
    const result = await login({ input: { email, password, remember } });
    if (result.error) return;
    setRememberedLogin(remember);
    restart();
    await navigate(safeBack(search.get('terug')), { replace: true });
  };

  return (
    <section className="card">
      <h1>{t('login.title')}</h1>
      {logoutReason && !me && (
        <p className="notice notice--warning" role="status">
          {t(`login.loggedOut.${logoutReason}`)}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="login-email">{t('login.email')}</label>
          <input
            ref={emailField}
            id="login-email"
            type="email"
            autoComplete="username"
            required
            aria-invalid={missing?.email || undefined}
            aria-describedby={missing?.email ? 'login-email-missing' : undefined}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setMissing((before) => before && { ...before, email: false });
            }}
          />
          {missing?.email && (
            <span id="login-email-missing" className="field__error">
              {t('login.emailMissing')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            ref={passwordField}
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={missing?.password || undefined}
            aria-describedby={missing?.password ? 'login-password-missing' : undefined}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              setMissing((before) => before && { ...before, password: false });
            }}
          />
          {missing?.password && (
            <span id="login-password-missing" className="field__error">
              {t('login.passwordMissing')}
            </span>
          )}
        </div>
        <div className="field field--inline">
          <input
            id="login-remember"
            type="checkbox"
            checked={remember}
            onChange={(event) => setRemember(event.target.checked)}
          />
          <label htmlFor="login-remember">{t('login.remember')}</label>
        </div>
        {/* What was missing is said once more, announced: focus went to the first such field. */}
        <div role="status">
          {missing && (missing.email || missing.password) && (
            <p className="notice notice--error">
              {t(
                missing.email && missing.password
                  ? 'login.bothMissing'
                  : missing.email
                    ? 'login.emailMissing'
                    : 'login.passwordMissing',
              )}
            </p>
          )}
        </div>
        {!missing && <ErrorNotice error={error} />}
        <button type="submit" className="button button--block" disabled={fetching}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        <Link to="/wachtwoord-vergeten">{t('login.forgot')}</Link>
      </p>
    </section>
  );
}
