import { useEffect, useState } from 'react';
import { fetchAbout } from '../graphql/fetch-about.js';

type State = { status: 'loading' } | { status: 'ok'; version: string } | { status: 'error' };

/** The API version for the footer: handy when a resident reports a problem. */
export function ApiVersion() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchAbout(fetch, '/graphql', controller.signal).then(
      ({ version }) => setState({ status: 'ok', version }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'error' });
      },
    );
    return () => controller.abort();
  }, []);

  switch (state.status) {
    case 'loading':
      return <span aria-busy="true">API-versie wordt opgehaald…</span>;
    case 'ok':
      return <span>API-versie {state.version}</span>;
    case 'error':
      return <span>API niet bereikbaar</span>;
  }
}
