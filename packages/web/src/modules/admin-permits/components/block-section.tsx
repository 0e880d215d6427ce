import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { problemsByPath } from '../../../app/errors.js';
import { BlockPermitMutation, UnblockPermitMutation } from '../graphql/permits.js';
import type { PermitDetails } from './permit-facts.js';

/** The API's longest reason (admin-permit.service.ts). */
const reasonMaxLength = 500;

/**
 * Block with a reason (after a confirmation: open sessions end now), or unblock a blocked
 * permit. The reason goes to the audit log with the change.
 */
export function BlockSection({ permit }: { permit: PermitDetails }) {
  const { t, i18n } = useTranslation('admin-permits');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'blocked' | 'unblocked' | null>(null);
  const [blockState, block] = useMutation(BlockPermitMutation);
  const [unblockState, unblock] = useMutation(UnblockPermitMutation);
  const problems = problemsByPath(blockState.error, currentLanguage(i18n));
  const reasonError = missing ? t('block.reasonMissing') : problems.get('reason');

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const empty = reason.trim() === '';
    setMissing(empty);
    if (!empty) setConfirming(true);
  };
  const confirmBlock = async () => {
    const result = await block({ id: permit.id, reason: reason.trim() });
    setConfirming(false);
    if (result.data) {
      setReason('');
      setDone('blocked');
    }
  };
  const doUnblock = async () => {
    setDone(null);
    const result = await unblock({ id: permit.id });
    if (result.data) setDone('unblocked');
  };

  return (
    <div className="card admin-permits__action">
      <h3 className="card__title">{t('block.title')}</h3>
      <div role="status">
        {done && <p className="notice notice--success">{t(`block.done.${done}`)}</p>}
      </div>
      {permit.status === 'blocked' ? (
        <>
          <p>{t('block.isBlocked')}</p>
          <ErrorNotice error={unblockState.error} />
          <button
            type="button"
            className="button"
            disabled={unblockState.fetching}
            onClick={() => void doUnblock()}
          >
            {t('block.unblock')}
          </button>
        </>
      ) : (
        <form onSubmit={ask} noValidate>
          <p className="muted">{t('block.intro')}</p>
          {problems.size === 0 && <ErrorNotice error={blockState.error} />}
          <div className="field">
            <label htmlFor="block-reason">{t('block.reason')}</label>
            <textarea
              id="block-reason"
              className="admin-permits__textarea"
              rows={3}
              maxLength={reasonMaxLength}
              value={reason}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? 'block-reason-error' : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {reasonError && (
              <span id="block-reason-error" className="field__error">
                {reasonError}
              </span>
            )}
          </div>
          <button type="submit" className="button button--danger">
            {t('block.submit')}
          </button>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('block.confirmTitle', { code: permit.productCode })}
        confirmLabel={t('block.confirm')}
        danger
        busy={blockState.fetching}
        onConfirm={() => void confirmBlock()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('block.confirmText', { count: permit.openSessions })}</p>
        <p>
          {t('block.confirmReason')} <q>{reason.trim()}</q>
        </p>
      </ConfirmDialog>
    </div>
  );
}
