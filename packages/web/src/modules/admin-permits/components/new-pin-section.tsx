import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { failureOf } from '../../../app/errors.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { RequestNewPinLetterMutation } from '../graphql/permits.js';
import type { PermitDetails } from './permit-facts.js';

/**
 * A visitor permit's new PIN by letter (docs/rules.md §6, "A new PIN by letter"), after a
 * confirmation: the old PIN stops working at once and its PIN logins end.
 */
export function NewPinSection({ permit }: { permit: PermitDetails }) {
  const { t } = useTranslation('admin-permits');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const [state, send] = useMutation(RequestNewPinLetterMutation);

  const confirm = async () => {
    const result = await send({ id: permit.id });
    setAsking(false);
    setDone(Boolean(result.data));
  };

  return (
    <div className="card admin-permits__action">
      <h3 className="card__title">{t('newPin.title')}</h3>
      <div role="status">
        {done && <p className="notice notice--success">{t('newPin.done')}</p>}
      </div>
      <p className="muted">{t('newPin.intro')}</p>
      {state.error && failureOf(state.error).code === 'RATE_LIMITED' ? (
        // One letter a day: said as such, not as a count of minutes.
        <p className="notice notice--error" role="alert">
          {t('newPin.onceADay')}
        </p>
      ) : (
        <ErrorNotice error={state.error} />
      )}
      <button
        type="button"
        className="button"
        disabled={state.fetching}
        onClick={() => {
          setDone(false);
          setAsking(true);
        }}
      >
        {t('newPin.submit')}
      </button>
      <ConfirmDialog
        open={asking}
        title={t('newPin.confirmTitle', { code: permit.productCode })}
        confirmLabel={t('newPin.confirm')}
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      >
        <p>{t('newPin.confirmText')}</p>
      </ConfirmDialog>
    </div>
  );
}
