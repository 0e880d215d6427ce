import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { SwitchPlateMutation } from '../graphql/plates.js';

/** One registered plate: marked when active, else made active after a question. */
export function PlateRow({
  permitId,
  plate,
  label,
  activeLabel,
  canSwitch,
  onSwitched,
}: {
  permitId: string;
  plate: { plate: string; active: boolean };
  /** The plate as shown (a foreign one with its country). */
  label: string;
  /** The plate active now, as shown; null when none is. */
  activeLabel: string | null;
  canSwitch: boolean;
  onSwitched(): void;
}) {
  const { t } = useTranslation('plates');
  const [asking, setAsking] = useState(false);
  const [state, switchPlate] = useMutation(SwitchPlateMutation);

  const confirm = async () => {
    const result = await switchPlate({ input: { permitId, plate: plate.plate } });
    if (result.error) return;
    setAsking(false);
    onSwitched();
  };

  return (
    <li
      className="card"
      data-testid="permit-plate"
      data-plate={plate.plate}
      data-active={plate.active}
    >
      <h3 className="card__title">
        {label} {plate.active && <span className="badge">{t('active')}</span>}
      </h3>
      <p className="muted">{plate.active ? t('activeExplained') : t('inactiveExplained')}</p>
      {!plate.active && canSwitch && (
        <div className="actions">
          <button type="button" className="button" onClick={() => setAsking(true)}>
            {t('makeActive')}
            <span className="visually-hidden">: {label}</span>
          </button>
        </div>
      )}
      <ConfirmDialog
        open={asking}
        title={t('confirm.title', { plate: label })}
        confirmLabel={t('makeActive')}
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      >
        <dl className="facts">
          {activeLabel && (
            <>
              <dt>{t('confirm.activeNow')}</dt>
              <dd>{activeLabel}</dd>
            </>
          )}
          <dt>{t('confirm.activeNext')}</dt>
          <dd>{label}</dd>
        </dl>
        {activeLabel && <p>{t('confirm.warning')}</p>}
        <ErrorNotice error={state.error} />
      </ConfirmDialog>
    </li>
  );
}
