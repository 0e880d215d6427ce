import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
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
  const [occasion, setOccasion] = useState<RefundOccasion | null>(null);
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
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

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setMissing(occasion === null);
    if (occasion) setConfirming(true);
  };
  const confirm = async () => {
    if (!occasion) return;
    const result = await revoke({ id: permit.id, occasion });
    setConfirming(false);
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
    <form className="card admin-permits__action" onSubmit={ask} noValidate>
      <h3 className="card__title">{t('revoke.title')}</h3>
      <p className="muted">{t('revoke.intro')}</p>
      <ErrorNotice error={state.error} />
      <fieldset
        className="admin-permits__choices"
        aria-describedby={missing ? 'revoke-occasion-error' : undefined}
      >
        <legend>{t('revoke.occasion')}</legend>
        {refundOccasions.map((choice) => (
          <div key={choice} className="field field--inline">
            <input
              id={`revoke-${choice}`}
              type="radio"
              name="revoke-occasion"
              value={choice}
              checked={occasion === choice}
              onChange={() => setOccasion(choice)}
            />
            <label htmlFor={`revoke-${choice}`}>{t(`revoke.occasions.${choice}`)}</label>
          </div>
        ))}
        {missing && (
          <span id="revoke-occasion-error" className="field__error">
            {t('revoke.occasionMissing')}
          </span>
        )}
      </fieldset>
      <button type="submit" className="button button--danger">
        {t('revoke.submit')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('revoke.confirmTitle', { code: permit.productCode })}
        confirmLabel={t('revoke.confirm')}
        danger
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>{occasion && t(`revoke.occasions.${occasion}`)}</p>
        <p>{t('revoke.confirmSessions', { count: permit.openSessions })}</p>
        {permit.openDelegations > 0 && (
          <p>{t('revoke.confirmDelegations', { count: permit.openDelegations })}</p>
        )}
        <p>{t('revoke.confirmFinal')}</p>
      </ConfirmDialog>
    </form>
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
