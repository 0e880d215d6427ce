import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AppAuthorizationQuery, DecideAppAuthorizationMutation } from '../graphql/apps.js';
import '../apps.css';

/**
 * The consent page an app's authorization request leads to (docs/graphql.md "Acting for a
 * resident"): which app, who made it, where the resident returns, and what it may do in plain
 * words; Allow or Deny finishes the authorization server's interaction.
 */
export default function ConsentPage() {
  const { t } = useTranslation('apps');
  const { uid = '' } = useParams();
  const [asked] = useQuery({
    query: AppAuthorizationQuery,
    variables: { uid },
    requestPolicy: 'network-only',
  });
  const [deciding, decide] = useMutation(DecideAppAuthorizationMutation);
  const [leaving, setLeaving] = useState(false);
  const authorization = asked.data?.appAuthorization;

  const answer = async (allow: boolean) => {
    const result = await decide({ uid, allow });
    const redirectTo = result.data?.decideAppAuthorization.redirectTo;
    if (!redirectTo) return;
    setLeaving(true);
    // Out of the SPA: the authorization server sends the browser on to the app.
    window.location.assign(redirectTo);
  };

  return (
    <section className="card consent">
      <h1>{t('consent.title')}</h1>
      {asked.error ? (
        <ErrorNotice error={asked.error} />
      ) : !authorization ? (
        <Loading />
      ) : (
        <>
          <p className="consent__ask">
            <strong>{t('consent.asks', { app: authorization.app.name })}</strong>
          </p>
          <dl className="facts">
            <dt>{t('consent.maker')}</dt>
            <dd>{authorization.app.owner}</dd>
          </dl>
          {authorization.actingFor && (
            <p className="notice">{t('consent.actingFor', { name: authorization.actingFor })}</p>
          )}
          <h2 className="card__title">{t('consent.mayTitle')}</h2>
          <ul className="consent__scopes">
            {authorization.scopes.map((scope) => (
              <li key={scope}>{t(`scope.${scope}`)}</li>
            ))}
          </ul>
          <p className="muted">{t('consent.notAllowed')}</p>
          <p className="muted">{t('consent.returnsTo', { host: authorization.redirectHost })}</p>
          <ErrorNotice error={deciding.error} />
          {leaving ? (
            <p role="status">{t('consent.leaving')}</p>
          ) : (
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={deciding.fetching}
                onClick={() => void answer(true)}
              >
                {t('consent.allow')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={deciding.fetching}
                onClick={() => void answer(false)}
              >
                {t('consent.deny')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
