import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { loginLifetime } from '@parkeer/shared/login-lifetime';
import { useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { RegistrationLoginQuery } from '../graphql/registration.js';
import { RegistrationHome } from './registration-home.js';
import { RegistrationSignIn } from './registration-sign-in.js';
import '../registration.css';

const idleMinutes = loginLifetime.registration.idle / 60_000;

/**
 * A visitor permit without an account (docs/rules.md §6, "Sign-in with registration number and
 * PIN"): the sign-in with the letter's numbers, then a one-permit home. A login the server ended
 * (its idle time passed while the page was away) is said so on the sign-in form.
 */
export default function RegistrationPage() {
  const { t } = useTranslation('registration');
  const [{ data, fetching }, refetch] = useQuery({ query: RegistrationLoginQuery });
  const seen = useRef(false);
  if (!data && fetching) return <Loading />;
  const login = data?.registrationLogin ?? null;
  if (login) {
    seen.current = true;
    return (
      <RegistrationHome login={login} onEnded={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  const lapsed = seen.current;
  return (
    <RegistrationSignIn
      notice={lapsed ? t('expired', { minutes: idleMinutes }) : null}
      onSignedIn={() => refetch({ requestPolicy: 'network-only' })}
    />
  );
}
