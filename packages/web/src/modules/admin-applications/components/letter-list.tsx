import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { ResendLetterMutation } from '../graphql/applications.js';
import '../admin-applications.css';
import { useApplicationStrings } from '../strings.js';

export interface AdminLetter {
  readonly id: string;
  readonly kind: string;
  readonly createdAt: string;
  readonly ready: boolean;
  readonly downloadUrl: string;
}

/**
 * Decision letters in the back office (docs/rules.md §1 Letters): each a download once made,
 * and mailed again on request. On an application's page and on a permit's, whose letters of
 * no application (ended, moved, a new PIN) are found nowhere else.
 */
export function LetterList({
  letters,
  resentNotice,
}: {
  letters: readonly AdminLetter[];
  /** Says to whom it went: the applicant, or the permit's holder. */
  resentNotice: 'resent' | 'resentToHolder';
}) {
  const { t } = useTranslation('admin-applications');
  const ready = useApplicationStrings();
  const format = useFormats();
  const [state, resend] = useMutation(ResendLetterMutation);
  const [sent, setSent] = useState<string | null>(null);
  if (letters.length === 0) return null;
  if (!ready) return <Loading />;
  const send = async (id: string) => {
    setSent(null);
    const result = await resend({ id });
    if (result.data) setSent(id);
  };
  return (
    <section aria-labelledby="admin-letters" className="card" data-testid="admin-letters">
      <h2 id="admin-letters">{t('detail.letters')}</h2>
      <ErrorNotice error={state.error} />
      <ul className="admin-applications__files">
        {letters.map((letter) => {
          const name = t(`letterKinds.${letter.kind}`);
          return (
            <li key={letter.id} className="admin-applications__letter">
              <span>
                {letter.ready ? (
                  <a href={letter.downloadUrl} target="_blank" rel="noreferrer">
                    {name}
                  </a>
                ) : (
                  <>
                    {name} <span className="muted">{t('detail.letterPending')}</span>
                  </>
                )}{' '}
                <span className="muted">{format.dateTime(letter.createdAt)}</span>
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={state.fetching}
                aria-label={t('detail.resendLetter', { letter: name })}
                onClick={() => void send(letter.id)}
              >
                {t('detail.resend')}
              </button>
            </li>
          );
        })}
      </ul>
      <div role="status">
        {sent && <p className="notice notice--success">{t(`detail.${resentNotice}`)}</p>}
      </div>
    </section>
  );
}
