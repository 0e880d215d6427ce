import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { RevokeDelegationMutation, type DelegationsQuery } from '../graphql/delegations.js';

type Delegation = ResultOf<typeof DelegationsQuery>['delegations'][number];

/** One delegation: to whom, for which plate, what was handed over and what is left. */
export function DelegationCard({
  delegation,
  onRevoked,
}: {
  delegation: Delegation;
  onRevoked(message: string): void;
}) {
  const { t } = useTranslation('delegations');
  const format = useFormats();
  const [asking, setAsking] = useState(false);
  const [revoking, revoke] = useMutation(RevokeDelegationMutation);
  const left = format.balance(delegation.balance, delegation.unit);
  // The account that accepted may differ from the address invited (accepted while logged in).
  const acceptedBy =
    delegation.delegateEmail && delegation.delegateEmail !== delegation.email
      ? delegation.delegateEmail
      : null;

  const confirm = async () => {
    const result = await revoke({ id: delegation.id });
    if (result.error) return;
    setAsking(false);
    onRevoked(t('revoke.done', { email: delegation.email, amount: left }));
  };

  return (
    <li className="card" data-testid="delegation" data-email={delegation.email}>
      <h3 className="card__title">
        {delegation.email} <span className="badge">{t(`status.${delegation.status}`)}</span>
      </h3>
      <dl className="facts">
        {acceptedBy && (
          <>
            <dt>{t('card.acceptedBy')}</dt>
            <dd>{acceptedBy}</dd>
          </>
        )}
        <dt>{t('card.plate')}</dt>
        <dd>{delegation.formattedPlate ?? t('card.anyPlate')}</dd>
        <dt>{t('card.budget')}</dt>
        <dd>{format.balance(delegation.budget, delegation.unit)}</dd>
        {delegation.status !== 'revoked' && (
          <>
            <dt>{t('card.left')}</dt>
            <dd data-testid="delegation-left">{left}</dd>
          </>
        )}
        <dt>{t('card.invitedOn')}</dt>
        <dd>{format.date(delegation.createdAt)}</dd>
        {delegation.revokedAt && (
          <>
            <dt>{t('card.revokedOn')}</dt>
            <dd>{format.date(delegation.revokedAt)}</dd>
          </>
        )}
      </dl>
      {delegation.status !== 'revoked' && (
        <div className="actions">
          <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
            {t('revoke.button')}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={asking}
        title={t('revoke.title', { email: delegation.email })}
        confirmLabel={t('revoke.button')}
        danger
        busy={revoking.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      >
        <p>{t('revoke.body', { amount: left })}</p>
        <ErrorNotice error={revoking.error} />
      </ConfirmDialog>
    </li>
  );
}
