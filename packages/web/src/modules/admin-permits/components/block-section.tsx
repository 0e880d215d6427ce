import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
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
  const form = useForm<{ reason: string }>({
    defaultValues: { reason: '' },
    shouldFocusError: false,
  });
  const [reason, setReason] = useState<string | null>(null);
  const [placed, setPlaced] = useState(0);
  const [done, setDone] = useState<'blocked' | 'unblocked' | null>(null);
  const [blockState, block] = useMutation(BlockPermitMutation);
  const [unblockState, unblock] = useMutation(UnblockPermitMutation);
  const refusal = placed === 0 ? blockState.error : undefined;

  // The kit has checked the reason; the block itself waits for the confirmation.
  const ask = (values: { reason: string }) => {
    setDone(null);
    setReason(values.reason.trim());
  };
  const confirmBlock = async () => {
    if (reason === null) return;
    const result = await block({ id: permit.id, reason });
    setReason(null);
    setPlaced(showServerProblems(result.error, currentLanguage(i18n), form.setError));
    if (result.data) {
      form.reset({ reason: '' });
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
        <Form form={form} onSubmit={ask} id="block">
          <p className="muted">{t('block.intro')}</p>
          <ErrorSummary />
          <ErrorNotice error={refusal} />
          <Field name="reason" label={t('block.reason')} required counter={reasonMaxLength}>
            {(control) => (
              <textarea
                {...control}
                {...form.register('reason', {
                  validate: (value) => value.trim() !== '' || t('block.reasonMissing'),
                })}
                className="admin-permits__textarea"
                rows={3}
                maxLength={reasonMaxLength}
              />
            )}
          </Field>
          <SubmitButton className="button button--danger" busy={blockState.fetching}>
            {t('block.submit')}
          </SubmitButton>
        </Form>
      )}
      <ConfirmDialog
        open={reason !== null}
        title={t('block.confirmTitle', { code: permit.productCode })}
        confirmLabel={t('block.confirm')}
        danger
        busy={blockState.fetching}
        onConfirm={() => void confirmBlock()}
        onCancel={() => setReason(null)}
      >
        <p>{t('block.confirmText', { count: permit.openSessions })}</p>
        <p>
          {t('block.confirmReason')} <q>{reason}</q>
        </p>
      </ConfirmDialog>
    </div>
  );
}
