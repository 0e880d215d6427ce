import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import type { Me } from '../../../app/session.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import {
  IdentityLinksQuery,
  SignInOptionsQuery,
  UnlinkIdentityMutation,
} from '../graphql/identity.js';

const kindName = { digid: 'DigiD', eherkenning: 'eHerkenning' } as const;

/**
 * The settings' DigiD (residents) or eHerkenning (businesses) link (docs/rules.md §6): linked
 * since when, with unlink; or a link to log in once with it, which ties it to this account.
 */
export function IdentityLinks({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('auth');
  const kind = me.role === 'business' ? 'eherkenning' : me.role === 'resident' ? 'digid' : null;
  const [{ data: links }, refetch] = useQuery({ query: IdentityLinksQuery, pause: !kind });
  const [{ data: options }] = useQuery({ query: SignInOptionsQuery, pause: !kind });
  const [unlinking, unlink] = useMutation(UnlinkIdentityMutation);
  const [unlinked, setUnlinked] = useState(false);
  if (!kind) return null;
  const name = kindName[kind];
  const link = links?.identityLinks.find((l) => l.kind === kind);
  const start = options?.signInOptions.find((o) => o.kind === kind);
  const date = (value: string) =>
    new Intl.DateTimeFormat(currentLanguage(i18n) === 'en' ? 'en-GB' : 'nl-NL', {
      dateStyle: 'long',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(value));

  const remove = async () => {
    setUnlinked(false);
    const result = await unlink({ kind });
    if (result.error) return;
    setUnlinked(true);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card" aria-labelledby="identity-links-title">
      <h2 id="identity-links-title" className="card__title">
        {t('identity.title')}
      </h2>
      {(me.signIn.method === 'digid' || me.signIn.method === 'eherkenning') &&
        me.signIn.assurance && (
          <p>
            {t('identity.signedInWith', {
              method: kindName[me.signIn.method],
              assurance: me.signIn.assurance,
            })}
          </p>
        )}
      {!me.email && <p>{t('identity.noEmail')}</p>}
      {link ? (
        <>
          <p>{t('identity.linked', { kind: name, date: date(link.linkedAt) })}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={unlinking.fetching}
            onClick={() => void remove()}
          >
            {t('identity.unlink', { kind: name })}
          </button>
        </>
      ) : (
        <>
          <p>{t('identity.notLinked', { kind: name })}</p>
          {start && (
            <a
              className="button button--secondary"
              href={`${start.startPath}?returnTo=${encodeURIComponent('/instellingen')}`}
            >
              {t('identity.link', { kind: name })}
            </a>
          )}
        </>
      )}
      {unlinked && (
        <p className="notice notice--success" role="status">
          {t('identity.unlinked', { kind: name })}
        </p>
      )}
      <ErrorNotice error={unlinking.error} />
    </section>
  );
}
