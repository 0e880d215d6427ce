import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '@parkeer/shared/language';
import { currentLanguage, rememberLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { fetchSimulatorPermit, type SimulatorPermit } from '../simulator-api.js';
import { useSimulatedCall } from '../use-simulated-call.js';
import { Keypad } from './keypad.js';
import { Transcript } from './transcript.js';
import '../phone-simulator.css';

/**
 * The phone line in the browser, for newcomers to a demo (docs/operations.md, Phone line): a
 * keypad, call and hang-up, and what the line says as captions. Only where the API runs in demo
 * mode; elsewhere its endpoint does not exist and the page says so.
 */
export default function PhoneSimulatorPage() {
  const { t, i18n } = useTranslation('phone-simulator');
  const language = currentLanguage(i18n);
  const [permit, setPermit] = useState<SimulatorPermit | null | undefined>(undefined);
  const call = useSimulatedCall(language);
  const phone = useRef<HTMLDivElement>(null);

  // On a phone the captions and the keypad fill the screen while the line talks: one hand, no
  // scrolling past the demo permit's card between keys.
  const lines = call.transcript.length;
  useEffect(() => {
    if (lines > 0) phone.current?.scrollIntoView({ block: 'end' });
  }, [lines]);

  useEffect(() => {
    let current = true;
    fetchSimulatorPermit()
      .then((found) => current && setPermit(found))
      .catch(() => current && setPermit(null));
    return () => {
      current = false;
    };
  }, []);

  if (permit === undefined) return <Loading />;
  if (permit === null) {
    return (
      <section className="card">
        <h1>{t('title')}</h1>
        <p>{t('unavailable')}</p>
      </section>
    );
  }

  const inCall = call.status === 'busy' || call.status === 'listening';
  const choose = (next: Language) => {
    rememberLanguage(next);
    void i18n.changeLanguage(next);
  };

  return (
    <section className="phone-sim">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div className="card phone-sim__permit">
        <h2 className="card__title">{t('permit.title')}</h2>
        <dl className="facts">
          <dt>{t('permit.registrationNumber')}</dt>
          <dd data-testid="registration-number">{permit.registrationNumber}</dd>
          <dt>{t('permit.pin')}</dt>
          <dd data-testid="pin">{permit.pin ?? t('permit.pinChanged')}</dd>
        </dl>
        <p className="muted">{t('permit.hint')}</p>
      </div>

      <div className="phone-sim__phone" ref={phone}>
        <div className="phone-sim__captions">
          <h2>{t('transcriptTitle')}</h2>
          <Transcript entries={call.transcript} />
          {call.failed && (
            <p className="notice notice--error" role="alert">
              {t('failed')}
            </p>
          )}
        </div>

        <div className="phone-sim__controls">
          <p className="phone-sim__status" role="status" data-testid="call-status">
            {call.status === 'busy' && t('status.busy')}
            {call.status === 'listening' &&
              (call.gather?.finishKey ? t('status.listeningFinish') : t('status.listening'))}
          </p>
          <p className="phone-sim__keyed" aria-live="polite" data-testid="keyed">
            {call.keyed ? t('keyedSoFar', { keys: call.keyed.split('').join(' ') }) : '\u00a0'}
          </p>
          <Keypad disabled={call.status !== 'listening'} onKey={call.press} />
          {inCall ? (
            <div className="phone-sim__actions">
              <button
                type="button"
                className="button button--secondary"
                disabled={call.status !== 'listening'}
                onClick={call.wait}
              >
                {t('wait')}
              </button>
              <button type="button" className="button button--danger" onClick={call.hangUp}>
                {t('hangUp')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button button--block phone-sim__call"
              onClick={call.call}
            >
              {call.status === 'ended' ? t('callAgain') : t('call')}
            </button>
          )}
          {inCall && call.gather && (
            <p className="muted phone-sim__wait-hint">
              {t('waitHint', { seconds: call.gather.timeoutSeconds })}
            </p>
          )}
          {!inCall && (
            <div className="phone-sim__languages" role="group" aria-label={t('language')}>
              <span>{t('language')}</span>
              {languages.map((option) => (
                <button
                  key={option}
                  type="button"
                  className={option === language ? 'button' : 'button button--secondary'}
                  aria-pressed={option === language}
                  onClick={() => choose(option)}
                >
                  {t(`languageName.${option}`)}
                </button>
              ))}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
