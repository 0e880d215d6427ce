import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptEntry } from '../use-simulated-call.js';

/** `nl-NL` → `nl`: the caption's own language, for screen readers and the badge. */
const languageOf = (spoken: string) => spoken.slice(0, 2).toLowerCase();

/** Keys as the caller pressed them, spaced so they read one by one. */
const spaced = (keys: string) => keys.split('').join(' ');

/** The captions: everything the line said and the caller keyed, newest at the bottom. */
export function Transcript({ entries }: { entries: readonly TranscriptEntry[] }) {
  const { t } = useTranslation('phone-simulator');
  const log = useRef<HTMLDivElement>(null);
  // The newest line in view inside the log only: the page itself stays where the keypad is.
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [entries.length]);
  if (entries.length === 0) return <p className="phone-sim__empty muted">{t('transcriptEmpty')}</p>;
  return (
    // A log that scrolls: focusable, so a keyboard can scroll back through it.
    <div
      className="phone-sim__transcript"
      role="log"
      aria-live="polite"
      aria-label={t('transcriptTitle')}
      tabIndex={0}
      data-testid="transcript"
      ref={log}
    >
      <ol className="phone-sim__lines">
        {entries.map((entry, index) => {
          switch (entry.kind) {
            case 'said': {
              const language = languageOf(entry.line.language);
              return (
                <li key={index} className="phone-sim__said">
                  <span className="phone-sim__language" title={t(`languageName.${language}`)}>
                    {language.toUpperCase()}
                  </span>{' '}
                  <span lang={language}>{entry.line.text}</span>
                </li>
              );
            }
            case 'keyed':
              return (
                <li key={index} className="phone-sim__keyed">
                  {t('youKeyed', { keys: spaced(entry.keys) })}
                </li>
              );
            case 'silence':
              return (
                <li key={index} className="phone-sim__keyed">
                  {t('silence')}
                </li>
              );
            case 'ended':
              return (
                <li key={index} className="phone-sim__ended">
                  {entry.by === 'line' ? t('endedByLine') : t('endedByCaller')}
                </li>
              );
          }
        })}
      </ol>
    </div>
  );
}
