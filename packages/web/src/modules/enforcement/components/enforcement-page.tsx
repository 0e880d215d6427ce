import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import type { ResultOf } from 'gql.tada';
import { failureOf, messageOf } from '../../../app/errors.js';
import { useSession } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { useLogout } from '../../../app/shell/logout.js';
import { useFormats } from '../../../app/ui/format.js';
import { enforcementHome } from '../enforcement-home.js';
import { EnforcementPlacesQuery, RightCheckQuery } from '../graphql/enforcement.js';
import { useEnforcementStrings } from '../strings.js';
import '../enforcement.css';

type Answer = ResultOf<typeof RightCheckQuery>['rightCheck'];
type Outcome =
  | { readonly kind: 'answer'; readonly answer: Answer }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'noAnswer' };
type RecentResult = 'valid' | 'invalid' | 'outage' | 'noAnswer';
interface RecentCheck {
  readonly plate: string;
  readonly zone: string;
  readonly at: string;
  readonly result: RecentResult;
}

/**
 * Failures that say nothing about the plate: the server or the line did not answer. They are
 * "no answer", never red (docs/rules.md §9, the officer's screen): a fine needs a real "no right".
 */
const noAnswerCodes = new Set([
  'NETWORK_ERROR',
  'TIMEOUT',
  'DATABASE_UNAVAILABLE',
  'DATABASE_TIMEOUT',
  'INTERNAL_ERROR',
  'BUSY',
  'RATE_LIMITED',
]);
const placeKey = 'parkeer.enforcement.place';
// This shift's checks stay in this tab only: they go when the officer closes it.
const recentKey = 'parkeer.enforcement.recent';
const maxRecent = 20;

const readJson = <T,>(storage: Storage, key: string, fallback: T): T => {
  try {
    const value = storage.getItem(key);
    return value ? (JSON.parse(value) as T) : fallback;
  } catch {
    return fallback;
  }
};

/** The officer's screen: zone, plate, a large green or red answer, this shift's checks. */
export default function EnforcementPage() {
  const { me } = useSession();
  const ready = useEnforcementStrings();
  if (me === undefined || !ready) return <Loading />;
  if (me === null)
    return <Navigate to={`/inloggen?terug=${encodeURIComponent(enforcementHome)}`} replace />;
  if (me.role !== 'enforcement') return <Navigate to="/" replace />;
  return <CheckScreen email={me.email ?? ''} />;
}

function CheckScreen({ email }: { email: string }) {
  const { t } = useTranslation();
  const { t: e } = useTranslation('enforcement');
  const formats = useFormats();
  const logout = useLogout();
  const client = useClient();
  const [places] = useQuery({ query: EnforcementPlacesQuery });
  const towns = places.data?.enforcementPlaces ?? [];
  const saved = readJson(localStorage, placeKey, { town: '', zone: '' });
  const [townCode, setTownCode] = useState(saved.town);
  const [zoneCode, setZoneCode] = useState(saved.zone);
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);
  const [plate, setPlate] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recent, setRecent] = useState<RecentCheck[]>(() =>
    readJson(sessionStorage, recentKey, []),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const town = towns.find((candidate) => candidate.code === townCode) ?? towns[0];
  const zones = town?.zones ?? [];
  const zone = zones.find((candidate) => candidate.code === zoneCode) ?? zones[0];
  const hasAreas = zones.some((candidate) => candidate.hasArea);
  useEffect(() => {
    if (town && zone) {
      localStorage.setItem(placeKey, JSON.stringify({ town: town.code, zone: zone.code }));
    }
  }, [town, zone]);

  const remember = (check: RecentCheck) => {
    setRecent((before) => {
      const next = [check, ...before].slice(0, maxRecent);
      sessionStorage.setItem(recentKey, JSON.stringify(next));
      return next;
    });
  };

  const locate = () => {
    setLocationFailed(false);
    if (!('geolocation' in navigator)) {
      setLocationFailed(true);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating(false);
        setPosition({ latitude: coords.latitude, longitude: coords.longitude });
      },
      () => {
        setLocating(false);
        setLocationFailed(true);
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 30_000 },
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!town || busy || plate.trim() === '') return;
    setBusy(true);
    const place = position ? { ...position } : { zone: zone?.code ?? '' };
    const shownZone = position ? e('byLocation') : (zone?.code ?? '');
    const result = await client
      .query(
        RightCheckQuery,
        { input: { plate, municipality: town.code, ...place } },
        { requestPolicy: 'network-only' },
      )
      .toPromise()
      .catch((error: unknown) => ({ data: undefined, error: error as CombinedError }));
    setBusy(false);
    const at = new Date().toISOString();
    const answer = result.data?.rightCheck;
    if (answer) {
      setOutcome({ kind: 'answer', answer });
      remember({
        plate: answer.plate,
        zone: answer.zone,
        at: answer.checkedAt,
        result: answer.valid ? 'valid' : answer.outage ? 'outage' : 'invalid',
      });
      setPlate('');
    } else if (!result.error || noAnswerCodes.has(failureOf(result.error).code)) {
      setOutcome({ kind: 'noAnswer' });
      remember({ plate: plate.trim().toUpperCase(), zone: shownZone, at, result: 'noAnswer' });
    } else {
      setOutcome({ kind: 'refused', message: messageOf(result.error, formats.language) });
    }
    answerRef.current?.focus();
  };

  if (places.fetching && !places.data) return <Loading />;

  return (
    <div className="public enforcement">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="public__header enforcement__header">
        <span className="shell__brand">{t('appName')}</span>
        <button type="button" className="link-button" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </header>
      <main id="main" className="public__main enforcement__main" data-testid="enforcement">
        <h1 ref={heading} tabIndex={-1}>
          {e('title')}
        </h1>
        <p className="enforcement__who">{e('loggedInAs', { email })}</p>
        {places.error && !places.data ? (
          <p className="notice notice--error" role="alert">
            {messageOf(places.error, formats.language)}
          </p>
        ) : towns.length === 0 ? (
          <p className="notice">{e('noTowns')}</p>
        ) : (
          <>
            <div
              ref={answerRef}
              tabIndex={-1}
              className="enforcement__answer-slot"
              aria-live="assertive"
            >
              {outcome && <AnswerPanel outcome={outcome} />}
            </div>
            <form className="enforcement__form" onSubmit={(event) => void submit(event)}>
              <label className="enforcement__field">
                <span>{e('plate')}</span>
                <input
                  className="enforcement__plate"
                  value={plate}
                  onChange={(event) => setPlate(event.target.value)}
                  autoCapitalize="characters"
                  autoComplete="off"
                  autoCorrect="off"
                  spellCheck={false}
                  enterKeyHint="search"
                  maxLength={20}
                  required
                />
              </label>
              <button type="submit" className="button enforcement__check" disabled={busy}>
                {busy ? e('checking') : e('check')}
              </button>
              <fieldset className="enforcement__place">
                <legend className="visually-hidden">{e('zone')}</legend>
                {towns.length > 1 && (
                  <label className="enforcement__field">
                    <span>{e('town')}</span>
                    <select
                      value={town?.code}
                      onChange={(event) => {
                        setTownCode(event.target.value);
                        setZoneCode('');
                        setPosition(null);
                      }}
                    >
                      {towns.map((candidate) => (
                        <option key={candidate.code} value={candidate.code}>
                          {candidate.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {position ? (
                  <p className="enforcement__by-location">
                    {e('byLocation')}{' '}
                    <button type="button" className="link-button" onClick={() => setPosition(null)}>
                      {e('chooseZone')}
                    </button>
                  </p>
                ) : (
                  <label className="enforcement__field">
                    <span>{e('zone')}</span>
                    <select
                      value={zone?.code}
                      onChange={(event) => setZoneCode(event.target.value)}
                    >
                      {zones.map((candidate) => (
                        <option key={candidate.code} value={candidate.code}>
                          {e('zoneOption', { code: candidate.code, name: candidate.name })}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {hasAreas && !position && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={locate}
                    disabled={locating}
                  >
                    {locating ? e('locating') : e('useLocation')}
                  </button>
                )}
                {locationFailed && (
                  <p className="notice" role="status">
                    {e('locationFailed')}
                  </p>
                )}
              </fieldset>
            </form>
            <section aria-labelledby="recent-heading">
              <h2 id="recent-heading">{e('recent')}</h2>
              {recent.length === 0 ? (
                <p>{e('recentEmpty')}</p>
              ) : (
                <ul className="enforcement__recent" data-testid="recent-checks">
                  {recent.map((check, index) => (
                    <li key={`${check.at}-${index}`} data-result={check.result}>
                      <span className="enforcement__recent-plate">{check.plate}</span>
                      <span>
                        {check.zone} · {formats.time(check.at)}
                      </span>
                      <span className={`enforcement__recent-result is-${check.result}`}>
                        {e(`recent${check.result[0]!.toUpperCase()}${check.result.slice(1)}`)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </main>
    </div>
  );
}

/** Green, red, amber (outage) or grey (no answer), with the kind and end; never a person. */
function AnswerPanel({ outcome }: { outcome: Outcome }) {
  const { t: e } = useTranslation('enforcement');
  const formats = useFormats();
  if (outcome.kind === 'noAnswer') {
    return (
      <div className="enforcement__answer is-none" data-answer="noAnswer" role="alert">
        <p className="enforcement__verdict">{e('answer.noAnswer')}</p>
        <p>{e('answer.noAnswerDetail')}</p>
      </div>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <div className="enforcement__answer is-refused" data-answer="refused" role="alert">
        <p className="enforcement__verdict">{e('answer.refused')}</p>
        <p>{outcome.message}</p>
      </div>
    );
  }
  const { answer } = outcome;
  const state = answer.valid ? 'valid' : answer.outage ? 'outage' : 'invalid';
  return (
    <div className={`enforcement__answer is-${state}`} data-answer={state} role="status">
      <p className="enforcement__answer-plate">{answer.plate}</p>
      <p className="enforcement__verdict">
        <span aria-hidden="true">
          {state === 'valid' ? '✓ ' : state === 'outage' ? '! ' : '✗ '}
        </span>
        {e(`answer.${state}`)}
      </p>
      {answer.valid && answer.kind && (
        <p className="enforcement__right">
          {e(answer.permitKind ? `permitKind.${answer.permitKind}` : `kind.${answer.kind}`)}{' '}
          {answer.validUntil
            ? e('answer.until', { time: formats.dateTime(answer.validUntil) })
            : e('answer.openEnded')}
        </p>
      )}
      {!answer.valid && answer.outage && (
        <p>
          {e('answer.outageDetail', {
            start: formats.time(answer.outage.start),
            end: formats.time(answer.outage.end),
          })}
        </p>
      )}
      <p className="enforcement__meta">
        {e('answer.inZone', { zone: answer.zone, time: formats.time(answer.checkedAt) })}
      </p>
    </div>
  );
}
