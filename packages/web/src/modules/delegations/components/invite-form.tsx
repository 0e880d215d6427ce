import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { parseAmount } from '../amount.js';
import { InviteDelegationMutation } from '../graphql/delegations.js';

/**
 * Invites someone by e-mail: optionally for one plate, with an amount moved from the product's
 * balance into the delegation (typed in hours or euros, see parseAmount).
 */
export function InviteForm({
  productId,
  available,
  onInvited,
}: {
  productId: string;
  available: { amount: number; unit: 'minutes' | 'cents' };
  onInvited(message: string): void;
}) {
  const { t } = useTranslation('delegations');
  const format = useFormats();
  const id = useId();
  const [email, setEmail] = useState('');
  const [plate, setPlate] = useState('');
  const [amountText, setAmountText] = useState('');
  const [amountError, setAmountError] = useState(false);
  const [inviting, invite] = useMutation(InviteDelegationMutation);
  const unit = available.unit;
  const amount = parseAmount(amountText, unit);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (amount === null) {
      setAmountError(true);
      document.getElementById(`${id}-amount`)?.focus();
      return;
    }
    const result = await invite({
      input: {
        productId,
        email: email.trim(),
        plate: plate.trim() || null,
        amount,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    if (result.error) return;
    setEmail('');
    setPlate('');
    setAmountText('');
    onInvited(t('invite.sent', { email: result.data?.inviteDelegation.email ?? email }));
  };

  const amountHelp = [
    amountError && amount === null ? `${id}-amount-error` : null,
    `${id}-amount-hint`,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="card__title">{t('invite.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('invite.email')}</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="off"
          required
          aria-describedby={`${id}-email-hint`}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <span id={`${id}-email-hint`} className="field__hint">
          {t('invite.emailHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-plate`}>{t('invite.plate')}</label>
        <input
          id={`${id}-plate`}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={`${id}-plate-hint`}
          value={plate}
          onChange={(event) => setPlate(event.target.value)}
        />
        <span id={`${id}-plate-hint`} className="field__hint">
          {t('invite.plateHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-amount`}>
          {unit === 'cents' ? t('invite.amountEuros') : t('invite.amountHours')}
        </label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          autoComplete="off"
          required
          aria-invalid={amountError && amount === null}
          aria-describedby={amountHelp}
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
        />
        {amountError && amount === null && (
          <span id={`${id}-amount-error`} className="field__error">
            {unit === 'cents' ? t('invite.amountInvalidEuros') : t('invite.amountInvalidHours')}
          </span>
        )}
        <span id={`${id}-amount-hint`} className="field__hint">
          {amount !== null
            ? t('invite.amountIs', {
                amount: format.balance(amount, unit),
                available: format.balance(available.amount, unit),
              })
            : t('invite.available', { amount: format.balance(available.amount, unit) })}
        </span>
      </div>
      <ErrorNotice error={inviting.error} />
      <button type="submit" className="button" disabled={inviting.fetching}>
        {t('invite.submit')}
      </button>
    </form>
  );
}
