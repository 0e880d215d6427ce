import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { ConnectedAppsQuery, RevokeConnectedAppMutation } from '../graphql/apps.js';
import '../apps.css';

/** The settings' list of apps acting for the resident, each with Revoke. */
export function ConnectedApps() {
  const { t, i18n } = useTranslation('apps');
  const [{ data, error }, refetch] = useQuery({ query: ConnectedAppsQuery });
  const [revoking, revoke] = useMutation(RevokeConnectedAppMutation);
  const [revoked, setRevoked] = useState<string | null>(null);
  const date = (value: string) =>
    new Intl.DateTimeFormat(currentLanguage(i18n) === 'en' ? 'en-GB' : 'nl-NL', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(value));

  const disconnect = async (appId: string, name: string) => {
    setRevoked(null);
    const result = await revoke({ appId });
    if (result.error) return;
    setRevoked(name);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card" aria-labelledby="connected-apps-title">
      <h2 id="connected-apps-title" className="card__title">
        {t('connected.title')}
      </h2>
      <ErrorNotice error={error} />
      {data && data.connectedApps.length === 0 && <p>{t('connected.none')}</p>}
      {data && data.connectedApps.length > 0 && (
        <ul className="connected-apps">
          {data.connectedApps.map((connected) => (
            <li key={connected.app.id} className="connected-apps__item">
              <h3>{connected.app.name}</h3>
              <p className="muted">{t('consent.madeBy', { owner: connected.app.owner })}</p>
              <ul>
                {connected.scopes.map((scope) => (
                  <li key={scope}>{t(`scope.${scope}`)}</li>
                ))}
              </ul>
              <p className="muted">
                {t('connected.since', { date: date(connected.connectedAt) })}
                <br />
                {connected.lastUsedAt
                  ? t('connected.lastUsed', { date: date(connected.lastUsedAt) })
                  : t('connected.neverUsed')}
              </p>
              <button
                type="button"
                className="button button--secondary"
                disabled={revoking.fetching}
                onClick={() => void disconnect(connected.app.id, connected.app.name)}
              >
                {t('connected.revoke', { app: connected.app.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {revoked && (
        <p className="notice notice--success" role="status">
          {t('connected.revoked', { app: revoked })}
        </p>
      )}
      <ErrorNotice error={revoking.error} />
    </section>
  );
}
