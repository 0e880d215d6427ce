import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Provider as UrqlProvider, useQuery } from 'urql';
import type { Language } from '@parkeer/shared/language';
import { graphql, type ResultOf } from './graphql.js';
import { currentLanguage, rememberLanguage } from './i18n.js';
import { createUrqlClient } from './urql-client.js';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      displayName
      role
      language
      highContrast
      startPermitId
      signIn {
        method
        assurance
      }
      actingFor {
        accountId
        label
      }
    }
  }
`);

export type Me = NonNullable<ResultOf<typeof MeQuery>['me']>;

/** Why the app logged someone out, to say so on the login page. */
export type LogoutReason = 'inactive' | 'ended';

interface Session {
  /** The logged-in account; null when nobody is, undefined while that is being found out. */
  readonly me: Me | null | undefined;
  readonly logoutReason: LogoutReason | null;
  /** After a login (or logout) through the current client: start over with a fresh client. */
  restart(reason?: LogoutReason): void;
  /** The account's settings changed: read them again. */
  refresh(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/**
 * The GraphQL client and the logged-in account. A login or logout makes a new client (and a new
 * WebSocket, authenticated by the new cookie), so nothing of one login outlives it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const [logoutReason, setLogoutReason] = useState<LogoutReason | null>(null);
  // A new client per generation: `generation` is the reason this runs again.
  const setup = useMemo(() => createUrqlClient(() => currentLanguage(i18n)), [generation, i18n]);
  useEffect(() => () => setup.dispose(), [setup]);
  const restart = useCallback((reason?: LogoutReason) => {
    setLogoutReason(reason ?? null);
    setGeneration((value) => value + 1);
  }, []);
  return (
    <UrqlProvider value={setup.client}>
      {/* Keyed: the account of the previous client must not be shown while the new one asks. */}
      <ViewerProvider key={generation} restart={restart} logoutReason={logoutReason}>
        {children}
      </ViewerProvider>
    </UrqlProvider>
  );
}

function ViewerProvider({
  children,
  restart,
  logoutReason,
}: {
  children: ReactNode;
  restart: Session['restart'];
  logoutReason: LogoutReason | null;
}) {
  const { i18n } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeQuery });
  const me = data ? data.me : error ? null : fetching ? undefined : null;

  // The account's language and contrast win once logged in.
  useEffect(() => {
    if (!me) return;
    if (me.language !== i18n.language) void i18n.changeLanguage(me.language);
    rememberLanguage(me.language as Language);
  }, [me, i18n]);
  useEffect(() => {
    document.documentElement.dataset.contrast = me?.highContrast ? 'high' : 'normal';
  }, [me?.highContrast]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  const value = useMemo<Session>(
    () => ({
      me,
      logoutReason,
      restart,
      refresh: () => reexecute({ requestPolicy: 'network-only' }),
    }),
    [me, logoutReason, restart, reexecute],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
