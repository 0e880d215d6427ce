import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { readFragment, type FragmentOf, type ResultOf } from '../../../app/graphql.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { fromLocalInput, toLocalInput } from '../../../app/ui/local-time.js';
import {
  DeskEndCallMutation,
  DeskFindPermitMutation,
  DeskPermitFields,
  DeskStartSessionMutation,
  DeskStopSessionMutation,
} from '../graphql/desk.js';
import '../admin-desk.css';

type DeskPermit = ResultOf<typeof DeskPermitFields>;

/**
 * The municipal desk (docs/rules.md §5, "The municipal desk"): the caller's registration
 * number and PIN open their visitor permit for this call; the employee starts and stops
 * sessions for them, and "Call done" closes it. Made for the keyboard while on the phone: the
 * cursor goes where the next step is, Enter submits, Alt+K jumps to the plate.
 */
export default function DeskPage() {
  const { t } = useTranslation('admin-desk');
  const [permit, setPermit] = useState<DeskPermit | null>(null);
  const [done, setDone] = useState(false);
  const [found, find] = useMutation(DeskFindPermitMutation);
  const [, endCall] = useMutation(DeskEndCallMutation);
  const numberRef = useRef<HTMLInputElement>(null);

  const onFind = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(false);
    const result = await find({
      registrationNumber: String(data.get('registrationNumber') ?? ''),
      pin: String(data.get('pin') ?? ''),
    });
    // The PIN leaves the page as soon as it was used, right or wrong.
    (form.elements.namedItem('pin') as HTMLInputElement).value = '';
    if (result.data) setPermit(readFragment(DeskPermitFields, result.data.deskFindPermit));
  };

  const onDone = async () => {
    if (permit) await endCall({ grant: permit.grant });
    // Forgotten here whatever the answer: a grant that ended already needs nothing more.
    setPermit(null);
    setDone(true);
  };

  useEffect(() => {
    if (!permit) numberRef.current?.focus();
  }, [permit]);

  return (
    <section className="desk">
      <h1>{t('title')}</h1>
      {permit ? (
        <OpenPermit
          permit={permit}
          onChange={(changed) => setPermit(readFragment(DeskPermitFields, changed))}
          onDone={() => void onDone()}
        />
      ) : (
        <>
          <div role="status">
            {done && <p className="notice notice--success">{t('doneNotice')}</p>}
          </div>
          <p className="muted">{t('intro')}</p>
          <form className="card desk__lookup" onSubmit={(event) => void onFind(event)}>
            <div className="field">
              <label htmlFor="desk-number">{t('registrationNumber')}</label>
              <input
                id="desk-number"
                ref={numberRef}
                name="registrationNumber"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                required
                maxLength={20}
              />
            </div>
            <div className="field">
              <label htmlFor="desk-pin">{t('pin')}</label>
              <input
                id="desk-pin"
                name="pin"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                required
                maxLength={12}
              />
            </div>
            <ErrorNotice error={found.error} />
            <div className="actions">
              <button type="submit" className="button" disabled={found.fetching}>
                {t('open')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

interface OpenPermitProps {
  readonly permit: DeskPermit;
  readonly onChange: (permit: FragmentOf<typeof DeskPermitFields>) => void;
  readonly onDone: () => void;
}

/** The opened permit: its facts, its sessions with a stop button each, and the start form. */
function OpenPermit({ permit, onChange, onDone }: OpenPermitProps) {
  const { t } = useTranslation('admin-desk');
  const formats = useFormats();
  const [started, start] = useMutation(DeskStartSessionMutation);
  const [stopped, stop] = useMutation(DeskStopSessionMutation);
  const [plate, setPlate] = useState('');
  const [end, setEnd] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const plateRef = useRef<HTMLInputElement>(null);
  const balance = formats.balance(permit.balance, permit.unit);

  useEffect(() => {
    plateRef.current?.focus();
    const jump = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        plateRef.current?.focus();
      }
    };
    window.addEventListener('keydown', jump);
    return () => window.removeEventListener('keydown', jump);
  }, []);

  const onStart = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setRefusal(null);
    const result = await start({ input: { grant: permit.grant, plate, end: endInstant(end) } });
    const answer = result.data?.deskStartSession;
    if (!answer) return;
    onChange(answer.permit);
    if (answer.refused) {
      setRefusal(answer.refused.message);
      return;
    }
    const changed = readFragment(DeskPermitFields, answer.permit);
    const newest = changed.sessions.at(-1);
    setNotice(
      t('started', {
        plate: newest?.formattedPlate ?? plate,
        balance: formats.balance(changed.balance, changed.unit),
      }),
    );
    setPlate('');
    setEnd('');
    plateRef.current?.focus();
  };

  const onStop = async (sessionId: string, shown: string) => {
    setNotice(null);
    setRefusal(null);
    const result = await stop({ grant: permit.grant, sessionId });
    const answer = result.data?.deskStopSession;
    if (!answer) return;
    onChange(answer.permit);
    const changed = readFragment(DeskPermitFields, answer.permit);
    setNotice(
      t('stopped', { plate: shown, balance: formats.balance(changed.balance, changed.unit) }),
    );
    plateRef.current?.focus();
  };

  const choices = [...permit.favorites, ...permit.recentPlates];
  const error: CombinedError | undefined = started.error ?? stopped.error;

  return (
    <>
      <div className="card desk__permit">
        <h2 className="card__title">
          {permit.registrationNumber} · {permit.productName}
        </h2>
        <dl className="facts">
          <dt>{t('street')}</dt>
          <dd>{permit.street}</dd>
          <dt>{t('zone')}</dt>
          <dd>{permit.zoneName}</dd>
          <dt>{t('balance')}</dt>
          <dd className="desk__balance" data-testid="desk-balance">
            {balance}
          </dd>
          <dt>{t('paidToday')}</dt>
          <dd>
            {permit.paidToday.length === 0
              ? t('freeToday')
              : permit.paidToday
                  .map((window) => `${formats.time(window.start)}–${formats.time(window.end)}`)
                  .join(', ')}
          </dd>
          <dt>{t('openUntil')}</dt>
          <dd>{formats.time(permit.grantExpiresAt)}</dd>
        </dl>
        {permit.status !== 'active' && <p className="notice notice--warning">{t('blocked')}</p>}
      </div>

      <div role="status" aria-live="polite">
        {notice && <p className="notice notice--success">{notice}</p>}
        {refusal && <p className="notice notice--warning">{refusal}</p>}
      </div>
      <ErrorNotice error={error} />

      <h2>{t('sessions')}</h2>
      {permit.sessions.length === 0 ? (
        <p className="muted">{t('noSessions')}</p>
      ) : (
        <ul className="list desk__sessions" aria-label={t('sessions')}>
          {permit.sessions.map((session) => {
            const action = session.status === 'planned' ? t('cancel') : t('stop');
            return (
              <li key={session.id} className="card desk__session">
                <span className="plate">{session.formattedPlate}</span>
                <span>
                  {formats.time(session.start)}–{formats.time(session.end)} ·{' '}
                  {t(session.status === 'planned' ? 'planned' : 'running')}
                </span>
                <span>
                  {t('costSoFar')}: {formats.balance(session.costSoFar, permit.unit)}
                </span>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={stopped.fetching}
                  aria-label={t('stopLabel', { action, plate: session.formattedPlate })}
                  onClick={() => void onStop(session.id, session.formattedPlate)}
                >
                  {action}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <form className="card desk__start" onSubmit={(event) => void onStart(event)}>
        <h2 className="card__title">{t('startTitle')}</h2>
        {choices.length > 0 && (
          <fieldset className="desk__choices">
            <legend>{t('pick')}</legend>
            {choices.map((choice) => (
              <button
                key={`${choice.country}-${choice.plate}`}
                type="button"
                className="button button--secondary"
                aria-pressed={plate === choice.formattedPlate}
                onClick={() => setPlate(choice.formattedPlate)}
              >
                {'name' in choice && choice.name
                  ? `${choice.name} · ${choice.formattedPlate}`
                  : choice.formattedPlate}
              </button>
            ))}
          </fieldset>
        )}
        <div className="desk__start-fields">
          <div className="field">
            <label htmlFor="desk-plate">{t('plate')}</label>
            <input
              id="desk-plate"
              ref={plateRef}
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              required
              maxLength={20}
              value={plate}
              onChange={(event) => setPlate(event.target.value)}
              aria-describedby="desk-shortcut"
            />
          </div>
          <div className="field">
            <label htmlFor="desk-end">{t('end')}</label>
            <input
              id="desk-end"
              type="time"
              value={end}
              onChange={(event) => setEnd(event.target.value)}
              aria-describedby="desk-end-hint"
            />
            <span id="desk-end-hint" className="field__hint">
              {t('endHint')}
            </span>
          </div>
        </div>
        <p id="desk-shortcut" className="field__hint">
          {t('shortcut')}
        </p>
        <div className="actions">
          <button
            type="submit"
            className="button"
            disabled={started.fetching || permit.status !== 'active'}
          >
            {t('start')}
          </button>
        </div>
      </form>

      <div className="actions desk__done">
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('done')}
        </button>
      </div>
    </>
  );
}

/**
 * An "HH:MM" end on the town's clock: today, or tomorrow when that time has passed today (as the
 * phone line reads a keyed time); empty: the product's default end.
 */
function endInstant(value: string): string | null {
  if (!/^\d{2}:\d{2}$/.test(value)) return null;
  const now = new Date();
  const today = toLocalInput(now).slice(0, 10);
  const at = fromLocalInput(`${today}T${value}`);
  if (!at) return null;
  if (at > now) return at.toISOString();
  const tomorrow = toLocalInput(new Date(now.getTime() + 24 * 60 * 60_000)).slice(0, 10);
  return fromLocalInput(`${tomorrow}T${value}`)!.toISOString();
}
