import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { graphql } from '../../../app/graphql.js';
import { useSession } from '../../../app/session.js';
import { setRememberedLogin } from '../../../app/shell/remembered-login.js';
import { PhoneSimulatorLink } from '../../../app/shell/phone-simulator-link.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { SignInOptions, useIdentityFailure } from './sign-in-options.js';

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

interface LoginValues {
  email: string;
  password: string;
  remember: boolean;
}

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: r } = useTranslation('registration');
  const { restart, logoutReason, me } = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const form = useForm<LoginValues>({
    defaultValues: { email: '', password: '', remember: false },
    shouldFocusError: false,
  });
  const [{ fetching, error }, login] = useMutation(LoginMutation);
  // A DigiD or eHerkenning login that did not work comes back here with its code.
  const identityFailure = useIdentityFailure(search.get('fout'));

  const submit = async ({ email, password, remember }: LoginValues) => {
    const result = await login({ input: { email, password, remember } });
    if (result.error) return;
    setRememberedLogin(remember);
    restart();
    const back = safeBack(search.get('terug'));
    // An app's authorization continues at the API (docs/graphql.md, Acting for a resident),
    // outside the SPA's routes.
    if (back.startsWith('/oauth/')) window.location.assign(back);
    else await navigate(back, { replace: true });
  };

  return (
    <section className="card">
      <h1>{t('login.title')}</h1>
      {logoutReason && !me && (
        <p className="notice notice--warning" role="status">
          {t(`login.loggedOut.${logoutReason}`)}
        </p>
      )}
      {identityFailure && (
        <p className="notice notice--error" role="alert">
          {identityFailure}
        </p>
      )}
      <Form form={form} onSubmit={submit} id="login">
        <ErrorSummary />
        {/* Fields left empty are said beside them: asking the API would only answer "wrong
            credentials". */}
        <Field name="email" label={t('login.email')}>
          {(control) => (
            <input
              {...control}
              {...form.register('email', {
                validate: (value) => value.trim() !== '' || t('login.emailMissing'),
              })}
              type="email"
              autoComplete="username"
            />
          )}
        </Field>
        <Field name="password" label={t('login.password')}>
          {(control) => (
            <input
              {...control}
              {...form.register('password', { required: t('login.passwordMissing') })}
              type="password"
              autoComplete="current-password"
            />
          )}
        </Field>
        <div className="field field--inline">
          <input id="login-remember" type="checkbox" {...form.register('remember')} />
          <label htmlFor="login-remember">{t('login.remember')}</label>
        </div>
        <ErrorNotice error={error} />
        <SubmitButton busy={fetching} className="button button--block">
          {t('login.submit')}
        </SubmitButton>
      </Form>
      <p>
        <Link to="/wachtwoord-vergeten">{t('login.forgot')}</Link>
      </p>
      <SignInOptions back={safeBack(search.get('terug'))} />
      <div className="login__registration">
        <p className="muted">{r('linkHint')}</p>
        <Link to="/inloggen-met-pincode" className="button button--secondary button--block">
          {r('link')}
        </Link>
      </div>
      <PhoneSimulatorLink text={t('login.demoPhone')} label={t('login.demoPhoneLink')} />
    </section>
  );
}
