import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import type { ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { useSession } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { rememberedLogin, setRememberedLogin } from '../../../app/shell/remembered-login.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import {
  NewPasswordFields,
  usePasswordFailure,
  type NewPasswordValues,
} from '../../auth/components/new-password-fields.js';
import { AcceptCouplingLinkMutation, CouplingLinkQuery } from '../graphql/coupling.js';

type CouplingLink = ResultOf<typeof CouplingLinkQuery>['couplingLink'];

/**
 * The e-mailed link that adds a granted product to the account of the address it was sent to.
 * The API always asks for that account's password (or, without an account yet, a new password
 * twice), and logs in as that account, also when someone is logged in here already.
 */
export default function CouplingPage() {
  const { t } = useTranslation('coupling');
  const token = useSearchParams()[0].get('token') ?? '';
  const [{ data, error }] = useQuery({
    query: CouplingLinkQuery,
    variables: { token },
    pause: !token,
  });
  const { me } = useSession();

  return (
    <section className="card">
      <h1>{t('title')}</h1>
      {!token ? (
        <UnusableLink />
      ) : error ? (
        <>
          <ErrorNotice error={error} />
          <p>
            <Link to="/">{t('toStart')}</Link>
          </p>
        </>
      ) : !data || me === undefined ? (
        <Loading />
      ) : (
        <>
          <GrantedProduct link={data.couplingLink} />
          <AcceptForm token={token} link={data.couplingLink} />
        </>
      )}
    </section>
  );
}

function UnusableLink() {
  const { t, i18n } = useTranslation('coupling');
  return (
    <>
      <p className="notice notice--error" role="alert">
        {errorMessage('LINK_INVALID', currentLanguage(i18n))}
      </p>
      <p>
        <Link to="/">{t('toStart')}</Link>
      </p>
    </>
  );
}

function GrantedProduct({ link }: { link: CouplingLink }) {
  const { t } = useTranslation('coupling');
  return (
    <>
      <p>{t('intro', { municipality: link.municipalityName })}</p>
      <dl className="facts">
        <dt>{t('facts.product')}</dt>
        <dd>{link.productName}</dd>
        <dt>{t('facts.municipality')}</dt>
        <dd>{link.municipalityName}</dd>
        <dt>{t('facts.address')}</dt>
        <dd>{link.addressLabel}</dd>
        <dt>{t('facts.email')}</dt>
        <dd>{link.email}</dd>
      </dl>
    </>
  );
}

// An account made by a DigiD login may have no address yet: then it is never the same.
const sameAddress = (one: string | null, other: string) =>
  one?.toLowerCase() === other.toLowerCase();

/** What the resident confirms with, and what happens to a login already here. */
function AcceptIntro({ link }: { link: CouplingLink }) {
  const { t } = useTranslation('coupling');
  const { me } = useSession();
  if (me && !sameAddress(me.email, link.email)) {
    return (
      <p className="notice notice--warning">
        {t('loggedInOther', { email: link.email, current: me.email ?? me.displayName ?? '' })}
      </p>
    );
  }
  if (me && link.accountExists) return <p>{t('loggedInSame', { email: link.email })}</p>;
  return <p>{t(link.accountExists ? 'existingAccount' : 'newAccount')}</p>;
}

interface AcceptValues extends NewPasswordValues {
  remember: boolean;
}

function AcceptForm({ token, link }: { token: string; link: CouplingLink }) {
  const { t } = useTranslation('coupling');
  const { me, restart } = useSession();
  const navigate = useNavigate();
  // Logged in as the link's account already: the new login is remembered as the present one
  // was, without asking again.
  const staysLoggedIn = me ? sameAddress(me.email, link.email) : false;
  const form = useForm<AcceptValues>({
    defaultValues: {
      password: '',
      passwordRepeat: '',
      remember: staysLoggedIn && rememberedLogin(),
    },
    shouldFocusError: false,
  });
  const [otherError, setOtherError] = useState<CombinedError | undefined>();
  const [{ fetching }, accept] = useMutation(AcceptCouplingLinkMutation);
  const placePasswordFailure = usePasswordFailure();

  const submit = async ({ password, passwordRepeat, remember }: AcceptValues) => {
    const result = await accept({
      input: {
        token,
        password,
        passwordRepeat: link.accountExists ? null : passwordRepeat,
        remember,
      },
    });
    setOtherError(placePasswordFailure(result.error, form.setError));
    if (result.error) return;
    // The API logged in as the link's account (a new cookie): start over with a fresh client.
    setRememberedLogin(remember);
    restart();
    // The answer names no product: the overview shows it among the others.
    await navigate('/producten', { replace: true });
  };

  return (
    <Form form={form} onSubmit={submit} id="coupling">
      <AcceptIntro link={link} />
      <ErrorSummary />
      {/* For password managers: the account the password belongs to (shown in the facts). */}
      <input type="email" autoComplete="username" value={link.email} readOnly hidden />
      {link.accountExists ? (
        <>
          <Field name="password" label={t('password')}>
            {(control) => (
              <input
                {...control}
                {...form.register('password')}
                type="password"
                autoComplete="current-password"
              />
            )}
          </Field>
          <p>
            <Link to="/wachtwoord-vergeten">{t('forgot')}</Link>
          </p>
        </>
      ) : (
        <NewPasswordFields />
      )}
      {!staysLoggedIn && (
        <div className="field field--inline">
          <input id="coupling-remember" type="checkbox" {...form.register('remember')} />
          <label htmlFor="coupling-remember">{t('remember')}</label>
        </div>
      )}
      <ErrorNotice error={otherError} />
      <SubmitButton busy={fetching} className="button button--block">
        {t(link.accountExists ? 'confirm' : 'createAndConfirm')}
      </SubmitButton>
    </Form>
  );
}
