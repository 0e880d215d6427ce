import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { RemoveFlexPlateMutation, RenameFlexPlateMutation } from '../graphql/flex.js';

export interface FlexPlate {
  id: string;
  plate: string;
  formattedPlate: string;
  name: string;
  role: 'employee' | 'visitor';
  registered: boolean;
}

/**
 * One listed plate with its one big action for today (docs/rules.md §5): register it, switch to it
 * (the registered plate stops), or stop it; and, below, its name to change or the plate to remove.
 */
export function FlexPlateRow({
  permitId,
  plate,
  action,
  busy,
  onAction,
  onChanged,
}: {
  permitId: string;
  plate: FlexPlate;
  /** The label of the big button, or null when nothing can be done today. */
  action: { label: string; kind: 'register' | 'stop' } | null;
  busy: boolean;
  onAction(): void;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation('flex');
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(plate.name);
  const [removing, setRemoving] = useState(false);
  const [renameState, rename] = useMutation(RenameFlexPlateMutation);
  const [removeState, remove] = useMutation(RemoveFlexPlateMutation);

  const saveName = async () => {
    const result = await rename({ input: { permitId, id: plate.id, name } });
    if (result.error) return;
    setRenaming(false);
    onChanged(t('done.renamed'));
  };
  const confirmRemove = async () => {
    const result = await remove({ permitId, id: plate.id });
    if (result.error) return;
    setRemoving(false);
    onChanged(t('done.removed', { name: plate.name }));
  };

  return (
    <li
      className="card"
      data-testid="flex-plate"
      data-plate={plate.plate}
      data-registered={plate.registered}
    >
      <h3 className="card__title">
        {plate.name} {plate.registered && <span className="badge">{t('registeredBadge')}</span>}
      </h3>
      <p className="muted">
        {plate.formattedPlate} · {t(`role.${plate.role}`)}
      </p>
      {action && (
        <div className="actions">
          <button
            type="button"
            className={`button button--block${action.kind === 'stop' ? ' button--secondary' : ''}`}
            disabled={busy}
            onClick={onAction}
          >
            {action.label}
            {action.kind === 'stop' && <span className="visually-hidden">: {plate.name}</span>}
          </button>
        </div>
      )}
      {renaming ? (
        <form
          className="field--inline"
          onSubmit={(event) => {
            event.preventDefault();
            void saveName();
          }}
        >
          <div className="field">
            <label htmlFor={`rename-${plate.id}`}>{t('manage.name')}</label>
            <input
              id={`rename-${plate.id}`}
              value={name}
              maxLength={40}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={renameState.fetching}>
              {t('manage.save')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRenaming(false)}
            >
              {t('manage.cancel')}
            </button>
          </div>
          <ErrorNotice error={renameState.error} />
        </form>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRenaming(true)}
          >
            {t('manage.rename')}
            <span className="visually-hidden">: {plate.name}</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRemoving(true)}
          >
            {t('manage.remove')}
            <span className="visually-hidden">: {plate.name}</span>
          </button>
        </div>
      )}
      <ConfirmDialog
        open={removing}
        title={t('manage.removeTitle', { name: plate.name, plate: plate.formattedPlate })}
        confirmLabel={t('manage.remove')}
        danger
        busy={removeState.fetching}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(false)}
      >
        <p>{t('manage.removeWarning')}</p>
        <ErrorNotice error={removeState.error} />
      </ConfirmDialog>
    </li>
  );
}
