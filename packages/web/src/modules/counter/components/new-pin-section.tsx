import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { failureOf } from '../../../app/errors.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { RequestNewPinLetterMutation } from '../graphql/counter.js';

/**
 * A visitor permit's forgotten PIN: a new one by letter to the holder's e-mail address
 * (docs/rules.md §6, "A new PIN by letter"); the old one stops working.
 */
export function NewPinSection({ permitId }: { permitId: string }) {
  const { t } = useTranslation('counter');
  const [sent, setSent] = useState(false);
  const [{ fetching, error }, request] = useMutation(RequestNewPinLetterMutation);

  const send = async () => {
    const result = await request({ permitId });
    if (!result.error) setSent(true);
  };

  return (
    <section className="card" aria-labelledby="permit-new-pin-title">
      <h2 id="permit-new-pin-title" className="card__title">
        {t('permit.newPin.title')}
      </h2>
      {sent ? (
        <p className="notice notice--success" role="status">
          {t('permit.newPin.sent')}
        </p>
      ) : (
        <>
          <p>{t('permit.newPin.intro')}</p>
          {error && failureOf(error).code === 'RATE_LIMITED' ? (
            // One letter a day: said as such, not as a count of minutes.
            <p className="notice notice--error" role="alert">
              {t('permit.newPin.onceADay')}
            </p>
          ) : (
            <ErrorNotice error={error} />
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={fetching}
            onClick={() => void send()}
          >
            {t('permit.newPin.submit')}
          </button>
        </>
      )}
    </section>
  );
}
