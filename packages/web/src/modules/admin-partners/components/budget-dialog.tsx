import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import type { PartnerKeyFields } from '../graphql/partner-keys.js';
import { SetPartnerKeyBudgetMutation } from '../graphql/partner-keys.js';

type PartnerKey = ResultOf<typeof PartnerKeyFields>;

/** The bounds the API checks (SETTINGS_INVALID outside them), offered by the inputs too. */
const requestBounds = { min: 1, max: 100_000 };
const costBounds = { min: 1, max: 10_000_000 };

/**
 * A key's budgets per minute (docs/graphql.md, "Machine keys"): its own, or back to the
 * platform's default. The API checks the bounds and writes the change to the audit log.
 */
export function BudgetDialog({
  partnerKey,
  name,
  onSaved,
  onCancel,
}: {
  partnerKey: PartnerKey | null;
  name: string;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('admin-partners');
  const id = useId();
  const [own, setOwn] = useState(true);
  const [requests, setRequests] = useState('');
  const [cost, setCost] = useState('');
  const [saving, save] = useMutation(SetPartnerKeyBudgetMutation);
  useEffect(() => {
    if (!partnerKey) return;
    setOwn(partnerKey.ownBudget);
    setRequests(String(partnerKey.requestsPerMinute));
    setCost(String(partnerKey.costPerMinute));
  }, [partnerKey]);

  const onConfirm = async () => {
    if (!partnerKey) return;
    const input = own
      ? { requestsPerMinute: Number(requests), costPerMinute: Number(cost) }
      : { requestsPerMinute: null, costPerMinute: null };
    const result = await save({ id: partnerKey.id, input });
    if (result.data) onSaved();
  };

  return (
    <ConfirmDialog
      open={partnerKey !== null}
      title={t('budget.title', { name })}
      confirmLabel={t('budget.confirm')}
      busy={saving.fetching}
      onConfirm={() => void onConfirm()}
      onCancel={onCancel}
    >
      <ErrorNotice error={saving.error} />
      <p className="muted">{t('budget.explain')}</p>
      <fieldset className="partner-form__scopes">
        <legend className="visually-hidden">{t('budget.title', { name })}</legend>
        {[true, false].map((choice) => (
          <div key={String(choice)} className="field field--inline">
            <input
              id={`${id}-${choice ? 'own' : 'default'}`}
              type="radio"
              name={`${id}-kind`}
              checked={own === choice}
              onChange={() => setOwn(choice)}
            />
            <label htmlFor={`${id}-${choice ? 'own' : 'default'}`}>
              {choice ? t('budget.own') : t('budget.default')}
            </label>
          </div>
        ))}
      </fieldset>
      {own && (
        <>
          <div className="field">
            <label htmlFor={`${id}-requests`}>{t('budget.requests')}</label>
            <input
              id={`${id}-requests`}
              className="partner-form__hours"
              type="number"
              inputMode="numeric"
              required
              {...requestBounds}
              value={requests}
              onChange={(event) => setRequests(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-cost`}>{t('budget.cost')}</label>
            <span className="field__hint" id={`${id}-cost-hint`}>
              {t('budget.costHint')}
            </span>
            <input
              id={`${id}-cost`}
              className="partner-form__hours"
              aria-describedby={`${id}-cost-hint`}
              type="number"
              inputMode="numeric"
              required
              {...costBounds}
              value={cost}
              onChange={(event) => setCost(event.target.value)}
            />
          </div>
        </>
      )}
    </ConfirmDialog>
  );
}
