import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { readFragment } from '../../../app/graphql.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { fromLocalInput, toLocalInput } from '../../../app/ui/local-time.js';
import { ChangeSessionEndMutation, QuoteFields } from '../graphql/sessions.js';

/** Extends or shortens a session; a refusal says why and may offer an end that is allowed. */
export function ChangeEndDialog({
  sessionId,
  currentEnd,
  plate,
  onDone,
  onCancel,
}: {
  sessionId: string;
  currentEnd: string;
  plate: string;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('sessions');
  const format = useFormats();
  const [value, setValue] = useState(toLocalInput(new Date(currentEnd)));
  const [state, change] = useMutation(ChangeSessionEndMutation);
  const [refusal, setRefusal] = useState<{ message: string; proposedEnd: string | null } | null>(
    null,
  );

  const submit = async (end: string) => {
    const result = await change({ input: { sessionId, end, idempotencyKey: crypto.randomUUID() } });
    const outcome = result.data?.changeSessionEnd;
    if (outcome?.__typename === 'SessionAccepted') return onDone();
    if (outcome?.__typename === 'SessionRefused') {
      const proposal = outcome.proposal ? readFragment(QuoteFields, outcome.proposal) : null;
      setRefusal({ message: outcome.message, proposedEnd: proposal?.end ?? null });
    }
  };
  const end = fromLocalInput(value);

  return (
    <ConfirmDialog
      open
      title={t('changeEnd.title', { plate })}
      confirmLabel={t('changeEnd.confirm')}
      busy={state.fetching || !end}
      onConfirm={() => end && void submit(end.toISOString())}
      onCancel={onCancel}
    >
      <div className="field">
        <label htmlFor={`end-${sessionId}`}>{t('changeEnd.newEnd')}</label>
        <input
          id={`end-${sessionId}`}
          type="datetime-local"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setRefusal(null);
          }}
        />
      </div>
      <ErrorNotice error={state.error} />
      {refusal && (
        <div className="notice notice--warning" role="alert">
          <p>{refusal.message}</p>
          {refusal.proposedEnd && (
            <button
              type="button"
              className="button"
              onClick={() => void submit(refusal.proposedEnd!)}
            >
              {t('changeEnd.acceptProposal', { end: format.dateTime(refusal.proposedEnd) })}
            </button>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
