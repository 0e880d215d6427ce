import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { failureOf, messageOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';
import { readFragment, type FragmentOf, type ResultOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  DeskEndCallMutation,
  DeskFindPermitMutation,
  DeskPermitFields,
  DeskChangeSessionEndMutation,
  DeskStartSessionMutation,
  DeskStopSessionMutation,
} from '../graphql/desk.js';
import { useDeskStrings } from '../strings.js';
import { DeskSessionRow } from './desk-session-row.js';
import { DeskStartForm, type DeskStart } from './desk-start-form.js';
import '../admin-desk.css';

type DeskPermit = ResultOf<typeof DeskPermitFields>;

/**
 * The municipal desk (docs/rules.md §5, "The municipal desk"): the caller's registration
 * number and PIN open their visitor permit for this call; the employee starts and stops
 * sessions for them, and "Call done" closes it. Made for the keyboard while on the phone: the
 * cursor goes where the next step is, Enter submits, Alt+K jumps to the plate.
 */
export default function DeskPageWithStrings() {
  return useDeskStrings() ? <DeskPage /> : <Loading />;
}

function DeskPage() {
  const { t } = useTranslation('admin-desk');
  const [permit, setPermit] = useState<DeskPermit | null>(null);
  /** Why the last permit closed: the call was done, or its grant had ended (the message). */
  const [closed, setClosed] = useState<{ done: true } | { ended: string } | null>(null);
  const [found, find] = useMutation(DeskFindPermitMutation);
  const [, endCall] = useMutation(DeskEndCallMutation);
  const numberRef = useRef<HTMLInputElement>(null);

  const onFind = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setClosed(null);
    const result = await find({
      registrationNumber: String(data.get('registrationNumber') ?? ''),
      pin: String(data.get('pin') ?? ''),
    });
    // The PIN leaves the page as soon as it was used, right or wrong.
    (form.elements.namedItem('pin') as HTMLInputElement).value = '';
    if (result.data) setPermit(readFragment(DeskPermitFields, result.data.deskFindPermit));
  };

  const onDone = async () => {
    if (permit) await endCall({ grantId: permit.grantId });
    // Forgotten here whatever the answer: a grant that ended already needs nothing more.
    setPermit(null);
    setClosed({ done: true });
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
          onEnded={(message) => {
            setPermit(null);
            setClosed({ ended: message });
          }}
        />
      ) : (
        <>
          <div role="status">
            {closed && 'done' in closed && (
              <p className="notice notice--success">{t('doneNotice')}</p>
            )}
            {closed && 'ended' in closed && (
              <p className="notice notice--warning">{closed.ended}</p>
            )}
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
  /** The grant ended (15 minutes passed): the permit closes with the API's message. */
  readonly onEnded: (message: string) => void;
}

/** The opened permit: its facts, its sessions with a stop button each, and the start form. */
function OpenPermit({ permit, onChange, onDone, onEnded }: OpenPermitProps) {
  const { t, i18n } = useTranslation('admin-desk');
  const formats = useFormats();
  const [started, start] = useMutation(DeskStartSessionMutation);
  const [stopped, stop] = useMutation(DeskStopSessionMutation);
  const [changed, change] = useMutation(DeskChangeSessionEndMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const balance = formats.balance(permit.balance, permit.unit);
  // The sessions before a start: the one it added is the one not among them.
  const known = new Set(permit.sessions.map((session) => session.id));

  const grantEnded = (error: CombinedError | undefined) => {
    if (!error || failureOf(error).code !== 'DESK_GRANT_ENDED') return false;
    onEnded(messageOf(error, currentLanguage(i18n)));
    return true;
  };

  const onStart = async (values: DeskStart): Promise<boolean> => {
    setNotice(null);
    setRefusal(null);
    const result = await start({ input: { grantId: permit.grantId, ...values } });
    if (grantEnded(result.error)) return false;
    const answer = result.data?.deskStartSession;
    if (!answer) return false;
    onChange(answer.permit);
    if (answer.refused) {
      setRefusal(answer.refused.message);
      return false;
    }
    const changed = readFragment(DeskPermitFields, answer.permit);
    const newest = changed.sessions.find((session) => !known.has(session.id));
    setNotice(
      t('started', {
        plate: newest?.formattedPlate ?? values.plate,
        balance: formats.balance(changed.balance, changed.unit),
      }),
    );
    return true;
  };

  const onChangeEnd = async (sessionId: string, shown: string, end: string) => {
    setNotice(null);
    setRefusal(null);
    const result = await change({ input: { grantId: permit.grantId, sessionId, end } });
    if (grantEnded(result.error)) return false;
    const answer = result.data?.deskChangeSessionEnd;
    if (!answer) return false;
    onChange(answer.permit);
    if (answer.refused) {
      setRefusal(answer.refused.message);
      return false;
    }
    const after = readFragment(DeskPermitFields, answer.permit);
    const session = after.sessions.find((candidate) => candidate.id === sessionId);
    setNotice(
      t('endChanged', {
        plate: shown,
        end: session ? formats.time(session.end) : '',
        balance: formats.balance(after.balance, after.unit),
      }),
    );
    // The field it was typed in closes: the cursor goes on to the next plate.
    document.getElementById('desk-plate')?.focus();
    return true;
  };

  const onStop = async (sessionId: string, shown: string) => {
    setNotice(null);
    setRefusal(null);
    const result = await stop({ grantId: permit.grantId, id: sessionId });
    if (grantEnded(result.error)) return;
    const answer = result.data?.deskStopSession;
    if (!answer) return;
    onChange(answer.permit);
    const changed = readFragment(DeskPermitFields, answer.permit);
    setNotice(
      t('stopped', { plate: shown, balance: formats.balance(changed.balance, changed.unit) }),
    );
    document.getElementById('desk-plate')?.focus();
  };

  const error: CombinedError | undefined = started.error ?? stopped.error ?? changed.error;

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
          {permit.sessions.map((session) => (
            <DeskSessionRow
              key={session.id}
              session={session}
              unit={permit.unit}
              busy={stopped.fetching || changed.fetching}
              onStop={() => void onStop(session.id, session.formattedPlate)}
              onChangeEnd={(end) => onChangeEnd(session.id, session.formattedPlate, end)}
            />
          ))}
        </ul>
      )}

      {permit.status === 'active' && (
        <DeskStartForm
          choices={[...permit.favorites, ...permit.recentPlates]}
          disabled={started.fetching}
          onStart={onStart}
        />
      )}

      <div className="actions desk__done">
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('done')}
        </button>
      </div>
    </>
  );
}
