import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { useSession } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { setRememberedLogin } from '../../../app/shell/remembered-login.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
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
              email={me.email}
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

function AcceptWithPassword({
  token,
  invitedEmail,
  onAccepted,
}: {
  token: string;
  invitedEmail: string;
  onAccepted(productId: string): void;
}) {
  const { t } = useTranslation('delegations');
  const id = useId();
  const [account, setAccount] = useState<'existing' | 'new'>('existing');
  const [password, setPassword] = useState('');
  const [passwordRepeat, setPasswordRepeat] = useState('');
  const [remember, setRemember] = useState(false);
  const [{ fetching, error }, accept] = useMutation(AcceptDelegationMutation);
  const isNew = account === 'new';
  // An error answers the way of accepting it was tried with, not the other one.
  const [triedAs, setTriedAs] = useState(account);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTriedAs(account);
    const result = await accept({
      input: { token, password, passwordRepeat: isNew ? passwordRepeat : null, remember },
    });
    if (!result.data) return;
    setRememberedLogin(remember);
    onAccepted(result.data.acceptDelegation);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{isNew ? t('accept.newTitle') : t('accept.existingTitle')}</h2>
      <p>
        {isNew ? t('accept.haveAccount') : t('accept.noAccount', { email: invitedEmail })}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => setAccount(isNew ? 'existing' : 'new')}
        >
          {isNew ? t('accept.toExisting') : t('accept.toNew')}
        </button>
      </p>
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
      <div className="field">
        <label htmlFor={`${id}-password`}>
          {isNew ? t('accept.newPassword') : t('accept.password')}
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete={isNew ? 'new-password' : 'current-password'}
          required
          aria-describedby={isNew ? `${id}-password-hint` : undefined}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {isNew && (
          <span id={`${id}-password-hint`} className="field__hint">
            {t('accept.passwordHint')}
          </span>
        )}
      </div>
      {isNew && (
        <div className="field">
          <label htmlFor={`${id}-repeat`}>{t('accept.passwordRepeat')}</label>
          <input
            id={`${id}-repeat`}
            type="password"
            autoComplete="new-password"
            required
            value={passwordRepeat}
            onChange={(event) => setPasswordRepeat(event.target.value)}
          />
        </div>
      )}
      <div className="field field--inline">
        <input
          id={`${id}-remember`}
          type="checkbox"
          checked={remember}
          onChange={(event) => setRemember(event.target.checked)}
        />
        <label htmlFor={`${id}-remember`}>{t('accept.remember')}</label>
      </div>
      <ErrorNotice error={triedAs === account ? error : undefined} />
      <button type="submit" className="button button--block" disabled={fetching}>
        {isNew ? t('accept.submitNew') : t('accept.submit')}
      </button>
      {!isNew && (
        <p>
          <Link to="/wachtwoord-vergeten">{t('accept.forgot')}</Link>
        </p>
      )}
    </form>
  );
}
