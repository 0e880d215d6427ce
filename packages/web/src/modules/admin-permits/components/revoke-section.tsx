import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import type { ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { errorMessage, isErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { RevokePermitMutation } from '../graphql/permits.js';
import { refundOccasions, type RefundOccasion } from '../permit-rules.js';
import type { PermitDetails } from './permit-facts.js';

type Revocation = Omit<ResultOf<typeof RevokePermitMutation>['revokePermit'], 'permit'>;

/**
 * Revokes the permit for good, for one of the occasions the refund policy knows: a confirmation
 * first (its sessions end, its delegations return), then what was refunded, or why nothing.
 */
export function RevokeSection({ permit }: { permit: PermitDetails }) {
  const { t } = useTranslation('admin-permits');
  const form = useForm<{ occasion: RefundOccasion | '' }>({
    defaultValues: { occasion: '' },
    shouldFocusError: false,
  });
  // The occasion checked by the kit, waiting for the confirmation.
  const [occasion, setOccasion] = useState<RefundOccasion | null>(null);
  const [revocation, setRevocation] = useState<Revocation | null>(null);
  const [state, revoke] = useMutation(RevokePermitMutation);

  if (permit.status === 'revoked') {
    // The outcome stays on the page after the revocation that this form made.
    return revocation ? (
      <div role="status">
        <RevocationOutcome revocation={revocation} unit={permit.unit} />
      </div>
    ) : null;
  }

  const ask = (values: { occasion: RefundOccasion | '' }) => {
    if (values.occasion !== '') setOccasion(values.occasion);
  };
  const confirm = async () => {
    if (!occasion) return;
    const result = await revoke({ id: permit.id, occasion });
    setOccasion(null);
    const answer = result.data?.revokePermit;
    if (answer) {
      setRevocation({
        refundCents: answer.refundCents,
        refundedAmount: answer.refundedAmount,
        refundRefusal: answer.refundRefusal,
        endedSessions: answer.endedSessions,
      });
    }
  };

  return (
    <Form form={form} onSubmit={ask} id="revoke" className="card admin-permits__action">
      <h3 className="card__title">{t('revoke.title')}</h3>
      <p className="muted">{t('revoke.intro')}</p>
      <ErrorSummary />
      <ErrorNotice error={state.error} />
      <FieldGroup name="occasion" legend={t('revoke.occasion')} className="admin-permits__choices">
        {refundOccasions.map((choice) => (
          <div key={choice} className="field field--inline">
            <input
              id={`revoke-${choice}`}
              type="radio"
              value={choice}
              {...form.register('occasion', { required: t('revoke.occasionMissing') })}
            />
            <label htmlFor={`revoke-${choice}`}>{t(`revoke.occasions.${choice}`)}</label>
          </div>
        ))}
      </FieldGroup>
      <SubmitButton className="button button--danger" busy={state.fetching}>
        {t('revoke.submit')}
      </SubmitButton>
      <ConfirmDialog
        open={occasion !== null}
        title={t('revoke.confirmTitle', { code: permit.productCode })}
        confirmLabel={t('revoke.confirm')}
        danger
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setOccasion(null)}
      >
        <p>{occasion && t(`revoke.occasions.${occasion}`)}</p>
        <p>{t('revoke.confirmSessions', { count: permit.openSessions })}</p>
        {permit.openDelegations > 0 && (
          <p>{t('revoke.confirmDelegations', { count: permit.openDelegations })}</p>
        )}
        <p>{t('revoke.confirmFinal')}</p>
      </ConfirmDialog>
    </Form>
  );
}

/** What the revocation refunded in euros, or why it refunded nothing. */
function RevocationOutcome({ revocation, unit }: { revocation: Revocation; unit: string | null }) {
  const { t, i18n } = useTranslation('admin-permits');
  const format = useFormats();
  const { refundCents, refundedAmount, refundRefusal, endedSessions } = revocation;
  const refusal =
    refundRefusal && isErrorCode(refundRefusal)
      ? errorMessage(refundRefusal, currentLanguage(i18n))
      : null;
  return (
    <div className="notice notice--success admin-permits__outcome" data-testid="revocation">
      <p className="admin-permits__outcome-title">{t('revoke.done')}</p>
      {refundCents != null ? (
        <p>
          {t('revoke.refund', { amount: format.money(refundCents) })}
          {unit && refundedAmount > 0 && (
            <> {t('revoke.refundedAmount', { amount: format.balance(refundedAmount, unit) })}</>
          )}
        </p>
      ) : (
        <p>{refusal ? t('revoke.noRefundBecause', { reason: refusal }) : t('revoke.noRefund')}</p>
      )}
      <p>{t('revoke.endedSessions', { count: endedSessions })}</p>
    </div>
  );
}
