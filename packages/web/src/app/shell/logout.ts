import { useCallback } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.js';
import { useSession, type LogoutReason } from '../session.js';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** Ends the login on the server, then starts the app over without it. */
export function useLogout(): (reason?: LogoutReason) => Promise<void> {
  const [, logout] = useMutation(LogoutMutation);
  const { restart } = useSession();
  return useCallback(
    async (reason?: LogoutReason) => {
      await logout({});
      restart(reason);
    },
    [logout, restart],
  );
}
