import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../../../app/ui/format.js';
import { endInstant } from '../end-instant.js';

interface Session {
  readonly id: string;
  readonly formattedPlate: string;
  readonly start: string;
  readonly end: string;
  readonly status: string;
  readonly costSoFar: number;
}

/**
 * One running or planned session at the desk: plate, times and cost so far, a new end (typed as
 * HH:MM, today or tomorrow) and stop, or cancel for a planned one.
 */
export function DeskSessionRow({
  session,
  unit,
  busy,
  onStop,
  onChangeEnd,
}: {
  session: Session;
  unit: string;
  busy: boolean;
  onStop: () => void;
  /** Resolves true when the new end was accepted, so the field closes. */
  onChangeEnd: (end: string) => Promise<boolean>;
}) {
  const { t } = useTranslation('admin-desk');
  const formats = useFormats();
  const [changing, setChanging] = useState(false);
  const [end, setEnd] = useState('');
  const endRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const plate = session.formattedPlate;
  const action = session.status === 'planned' ? t('cancel') : t('stop');

  useEffect(() => {
    if (changing) endRef.current?.focus();
  }, [changing]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = endInstant(end, new Date());
    if (at && (await onChangeEnd(at))) {
      setChanging(false);
      setEnd('');
    }
  };

  return (
    <li className="card desk__session">
      <span className="plate">{plate}</span>
      <span>
        {formats.time(session.start)}–{formats.time(session.end)} ·{' '}
        {t(session.status === 'planned' ? 'planned' : 'running')}
      </span>
      <span>
        {t('costSoFar')}: {formats.balance(session.costSoFar, unit)}
      </span>
      <span className="actions desk__session-actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={changing}
          aria-controls={`${id}-end`}
          aria-label={t('changeEndLabel', { plate })}
          onClick={() => setChanging((open) => !open)}
        >
          {t('changeEnd')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          aria-label={t('stopLabel', { action, plate })}
          onClick={onStop}
        >
          {action}
        </button>
      </span>
      {changing && (
        <form id={`${id}-end`} className="desk__new-end" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor={`${id}-time`}>{t('newEnd', { plate })}</label>
            <input
              id={`${id}-time`}
              ref={endRef}
              type="time"
              required
              value={end}
              onChange={(event) => setEnd(event.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('saveEnd')}
          </button>
        </form>
      )}
    </li>
  );
}
