import type { CombinedError } from '@urql/core';
import { useId, useState } from 'react';
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
import { setRememberedLogin } from '../../../app/shell/remembered-login.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { usePasswordFailure } from '../../auth/components/new-password-fields.js';
import { AcceptDelegationMutation, DelegationInvitationQuery } from '../graphql/delegations.js';

type Invitation = ResultOf<typeof DelegationInvitationQuery>['delegationInvitation'];

/**
 * The page of the link in an invitation mail (public: the link is the secret). It shows who
 * lends what, then accepts: for the logged-in account, or with the invited address's password,
 * or by making that address an account.
 */
export default function AcceptDelegationPage() {
  const { t } = useTranslation('delegations');
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const { me, restart } = useSession();
  const navigate = useNavigate();
  const [invitation] = useQuery({
    query: DelegationInvitationQuery,
    variables: { token },
    pause: !token,
    requestPolicy: 'network-only',
  });
  const accepted = (productId: string) => {
    // A fresh client: the one in use knows neither a login made here nor the product.
    restart();
    void navigate(`/producten/${productId}`, { replace: true });
  };

  const offer = invitation.data?.delegationInvitation;
  return (
    <section className="card">
      <h1>{t('accept.title')}</h1>
      {!token ? (
        <p className="notice notice--error" role="alert">
          {t('accept.noToken')}
        </p>
      ) : invitation.error ? (
        <>
          <ErrorNotice error={invitation.error} />
          <p>
            <Link to="/">{t('accept.toApp')}</Link>
          </p>
        </>
      ) : !offer || me === undefined ? (
        <Loading />
      ) : (
        <>
          <InvitationFacts invitation={offer} />
          {me ? (
            <AcceptAsViewer
              token={token}
              invitedEmail={offer.invitedEmail}
              email={me.email ?? me.displayName ?? ''}
              onAccepted={accepted}
            />
          ) : (
            <AcceptWithPassword
              token={token}
              invitedEmail={offer.invitedEmail}
              onAccepted={accepted}
            />
          )}
        </>
      )}
    </section>
  );
}

function InvitationFacts({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation('delegations');
  const format = useFormats();
  return (
    <>
      <p>{t('accept.offer', { owner: invitation.ownerEmail, product: invitation.productName })}</p>
      <dl className="facts">
        <dt>{t('accept.municipality')}</dt>
        <dd>{invitation.municipality}</dd>
        <dt>{t('accept.zone')}</dt>
        <dd>{invitation.zone}</dd>
        <dt>{t('card.budget')}</dt>
        <dd>{format.balance(invitation.budget, invitation.unit)}</dd>
        <dt>{t('card.plate')}</dt>
        <dd>{invitation.formattedPlate ?? t('card.anyPlate')}</dd>
      </dl>
    </>
  );
}

function AcceptAsViewer({
  token,
  invitedEmail,
  email,
  onAccepted,
}: {
  token: string;
  invitedEmail: string;
  email: string;
  onAccepted(productId: string): void;
}) {
  const { t } = useTranslation('delegations');
  const [{ fetching, error }, accept] = useMutation(AcceptDelegationMutation);
  const submit = async () => {
    const result = await accept({ input: { token } });
    if (result.data) onAccepted(result.data.acceptDelegation);
  };
  return (
    <>
      <h2>{t('accept.viewerTitle')}</h2>
      <p className="notice">{t('accept.loggedInAs', { email })}</p>
      {email.toLowerCase() !== invitedEmail.toLowerCase() && (
        <p className="notice notice--warning">
          {t('accept.otherAddress', { invited: invitedEmail, email })}
        </p>
      )}
      <ErrorNotice error={error} />
      <button
        type="button"
        className="button button--block"
        disabled={fetching}
        onClick={() => void submit()}
      >
        {t('accept.submit')}
      </button>
    </>
  );
}

interface AcceptValues {
  password: string;
  passwordRepeat: string;
  remember: boolean;
}

function AcceptWithPassword({
  token,
  invitedEmail,
  onAccepted,
}: {
  token: string;
  invitedEmail: string;
  onAccepted(productId: string): void;
}) {
  const { t, i18n } = useTranslation('delegations');
  const id = useId();
  const [account, setAccount] = useState<'existing' | 'new'>('existing');
  const form = useForm<AcceptValues>({
    defaultValues: { password: '', passwordRepeat: '', remember: false },
    shouldFocusError: false,
  });
  const [otherError, setOtherError] = useState<CombinedError | undefined>();
  const [{ fetching }, accept] = useMutation(AcceptDelegationMutation);
  const placePasswordFailure = usePasswordFailure();
  const isNew = account === 'new';

  const submit = async ({ password, passwordRepeat, remember }: AcceptValues) => {
    const result = await accept({
      input: { token, password, passwordRepeat: isNew ? passwordRepeat : null, remember },
    });
    setOtherError(placePasswordFailure(result.error, form.setError));
    if (!result.data) return;
    setRememberedLogin(remember);
    onAccepted(result.data.acceptDelegation);
  };

  const switchAccount = () => {
    // An error answers the way of accepting it was tried with, not the other one.
    form.clearErrors();
    setOtherError(undefined);
    setAccount(isNew ? 'existing' : 'new');
  };

  return (
    <Form form={form} onSubmit={submit} id={`accept${id}`}>
      <h2>{isNew ? t('accept.newTitle') : t('accept.existingTitle')}</h2>
      <p>
        {isNew ? t('accept.haveAccount') : t('accept.noAccount', { email: invitedEmail })}{' '}
        <button type="button" className="link-button" onClick={switchAccount}>
          {isNew ? t('accept.toExisting') : t('accept.toNew')}
        </button>
      </p>
      <ErrorSummary />
      {/* The address is the user name: shown, and offered to password managers. */}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('accept.email')}</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          readOnly
          value={invitedEmail}
        />
      </div>
      <Field
        name="password"
        label={isNew ? t('accept.newPassword') : t('accept.password')}
        hint={isNew ? t('accept.passwordHint') : undefined}
      >
        {(control) => (
          <input
            {...control}
            {...form.register('password')}
            type="password"
            autoComplete={isNew ? 'new-password' : 'current-password'}
          />
        )}
      </Field>
      {isNew && (
        <Field name="passwordRepeat" label={t('accept.passwordRepeat')}>
          {(control) => (
            <input
              {...control}
              {...form.register('passwordRepeat', {
                validate: (value) =>
                  !isNew ||
                  value === form.getValues('password') ||
                  errorMessage('PASSWORD_MISMATCH', currentLanguage(i18n)),
              })}
              type="password"
              autoComplete="new-password"
            />
          )}
        </Field>
      )}
      <div className="field field--inline">
        <input id={`${id}-remember`} type="checkbox" {...form.register('remember')} />
        <label htmlFor={`${id}-remember`}>{t('accept.remember')}</label>
      </div>
      <ErrorNotice error={otherError} />
      <SubmitButton busy={fetching} className="button button--block">
        {isNew ? t('accept.submitNew') : t('accept.submit')}
      </SubmitButton>
      {!isNew && (
        <p>
          <Link to="/wachtwoord-vergeten">{t('accept.forgot')}</Link>
        </p>
      )}
    </Form>
  );
}
