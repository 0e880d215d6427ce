import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { isErrorCode, errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { currentLanguage } from '../../../app/i18n.js';
import { SignInOptionsQuery } from '../graphql/identity.js';

/**
 * "Log in with DigiD / eHerkenning" for the towns that offer it: plain links to the API, which
 * sends the browser to the town's broker and back (docs/security.md §Identity). Nothing when no
 * town offers either.
 */
export function SignInOptions({ back }: { back: string }) {
  const { t } = useTranslation('auth');
  const [{ data }] = useQuery({ query: SignInOptionsQuery });
  const options = data?.signInOptions ?? [];
  if (options.length === 0) return null;
  const towns = new Set(options.map((option) => option.municipalityCode));
  return (
    <div className="sign-in-options">
      <h2 className="sign-in-options__title">{t('login.orWith')}</h2>
      <p className="sign-in-options__hint">{t('login.identityHint')}</p>
      <ul>
        {options.map((option) => {
          const label =
            option.kind === 'digid'
              ? towns.size > 1
                ? t('login.withDigidTown', { town: option.municipalityName })
                : t('login.withDigid')
              : towns.size > 1
                ? t('login.withEherkenningTown', { town: option.municipalityName })
                : t('login.withEherkenning');
          return (
            <li key={`${option.municipalityCode}-${option.kind}`}>
              <a
                className={`button button--block sign-in-option sign-in-option--${option.kind}`}
                href={`${option.startPath}?returnTo=${encodeURIComponent(back)}`}
              >
                {label}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A DigiD / eHerkenning login that failed comes back with `?fout=CODE`: its message, or null. */
export function useIdentityFailure(code: string | null): string | null {
  const { i18n } = useTranslation();
  return isErrorCode(code) ? errorMessage(code, currentLanguage(i18n)) : null;
}
