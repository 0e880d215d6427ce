import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { messageOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats, type Formats } from '../../../app/ui/format.js';
import { fromLocalInput } from '../../../app/ui/local-time.js';
import { problemsByPath } from '../../../app/errors.js';
import {
  CompensateOutageMutation,
  OutageCompensationFieldsFragment,
  OutageCompensationsQuery,
  OutageZonesQuery,
} from '../graphql/requests.js';
import { codeOf, Field, RefusalNotice, useFocusFirstInvalid } from './form-parts.js';

type Compensation = ResultOf<typeof OutageCompensationFieldsFragment>;

/** Refusals about the window's end, shown beside that field (the others above the form). */
const aboutTheEnd = new Set(['OUTAGE_WINDOW_ENDS_BEFORE_START', 'OUTAGE_WINDOW_IN_FUTURE']);

/** "23 november 2026 10:00–11:30", or with both days when the window crosses midnight. */
export function windowLabel(format: Formats, start: string, end: string): string {
  const from = `${format.date(start)} ${format.time(start)}`;
  const sameDay = format.date(start) === format.date(end);
  return `${from} – ${sameDay ? format.time(end) : `${format.date(end)} ${format.time(end)}`}`;
}

/**
 * Outage compensation: the zone and the window (on the town's clock) in which sessions could not
 * be stopped, and what failed; the API credits each affected session once. The minutes credited
 * are only known from the answer, so the list shows them for compensations made here.
 */
export function OutagePanel() {
  const { t } = useTranslation('admin-requests');
  const format = useFormats();
  const context = useMemo(() => ({ additionalTypenames: ['OutageCompensation'] }), []);
  const [result] = useQuery({ query: OutageCompensationsQuery, context });
  const [minutesById, setMinutesById] = useState<ReadonlyMap<string, number>>(new Map());
  const list = result.data?.outageCompensations.map((item) =>
    readFragment(OutageCompensationFieldsFragment, item),
  );
  return (
    <section aria-labelledby="outage-title">
      <h2 id="outage-title">{t('outage.title')}</h2>
      <p className="muted">{t('outage.intro')}</p>
      <OutageForm
        onCompensated={(id, minutes) => setMinutesById((known) => new Map(known).set(id, minutes))}
      />
      <h3 id="outage-earlier">{t('outage.earlier')}</h3>
      <ErrorNotice error={result.error} />
      {!list ? (
        !result.error && <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('outage.none')}</p>
      ) : (
        <ul className="list" aria-labelledby="outage-earlier" data-testid="outage-compensations">
          {list.map((item) => (
            <li key={item.id} className="card">
              <CompensationCard
                compensation={item}
                minutes={minutesById.get(item.id)}
                format={format}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CompensationCard({
  compensation,
  minutes,
  format,
}: {
  compensation: Compensation;
  minutes: number | undefined;
  format: Formats;
}) {
  const { t } = useTranslation('admin-requests');
  return (
    <>
      <span className="card__title">
        {t('outage.zoneTitle', { zone: compensation.zoneCode })} ·{' '}
        {windowLabel(format, compensation.windowStart, compensation.windowEnd)}
      </span>
      <p className="request-statement">{compensation.reason}</p>
      <dl className="facts request-facts">
        <dt>{t('outage.sessions')}</dt>
        <dd>{compensation.sessionsCredited}</dd>
        {minutes !== undefined && (
          <>
            <dt>{t('outage.minutes')}</dt>
            <dd>{format.duration(minutes)}</dd>
          </>
        )}
        <dt>{t('outage.by')}</dt>
        <dd>
          {t('outage.byOn', {
            who: compensation.createdBy,
            when: format.dateTime(compensation.createdAt),
          })}
        </dd>
      </dl>
    </>
  );
}

interface Checked {
  zone?: string;
  start?: string;
  end?: string;
  reason?: string;
}

function OutageForm({ onCompensated }: { onCompensated(id: string, minutes: number): void }) {
  const { t, i18n } = useTranslation('admin-requests');
  const format = useFormats();
  const id = useId();
  const [zones] = useQuery({ query: OutageZonesQuery });
  const [zoneId, setZoneId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<Checked>({});
  const [done, setDone] = useState<{ compensation: Compensation; minutes: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useFocusFirstInvalid(attempt);
  const [state, compensate] = useMutation(CompensateOutageMutation);
  const problems = problemsByPath(state.error, currentLanguage(i18n));
  const code = codeOf(state.error);
  const endRefused = state.error && code && aboutTheEnd.has(code) ? state.error : null;
  const refusal = state.error && problems.size === 0 && !endRefused ? state.error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const windowStart = fromLocalInput(start);
    const windowEnd = fromLocalInput(end);
    const found: Checked = {
      zone: zoneId === '' ? t('outage.zoneRequired') : undefined,
      start: windowStart ? undefined : t('outage.timeRequired'),
      end: windowEnd ? undefined : t('outage.timeRequired'),
      reason: reason.trim() === '' ? t('outage.reasonRequired') : undefined,
    };
    setChecked(found);
    setDone(null);
    if (!windowStart || !windowEnd || found.zone || found.reason) {
      setAttempt((n) => n + 1);
      return;
    }
    const result = await compensate({
      input: {
        zoneId,
        windowStart: windowStart.toISOString(),
        windowEnd: windowEnd.toISOString(),
        reason: reason.trim(),
      },
    });
    const answer = result.data?.compensateOutage;
    if (!answer) {
      setAttempt((n) => n + 1);
      return;
    }
    const compensation = readFragment(OutageCompensationFieldsFragment, answer.compensation);
    setDone({ compensation, minutes: answer.minutesCredited });
    onCompensated(compensation.id, answer.minutesCredited);
    setStart('');
    setEnd('');
    setReason('');
  };

  // The API's message, beside the end of the window it is about.
  const endError =
    checked.end ?? (endRefused ? messageOf(endRefused, currentLanguage(i18n)) : undefined);

  return (
    <form
      ref={form}
      className="card request-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{t('outage.formTitle')}</h3>
      <div role="status">
        {done && (
          <p className="notice notice--success">
            {t('outage.done', {
              zone: done.compensation.zoneCode,
              window: windowLabel(
                format,
                done.compensation.windowStart,
                done.compensation.windowEnd,
              ),
              sessions: t('outage.sessionCount', { count: done.compensation.sessionsCredited }),
              duration: format.duration(done.minutes),
            })}
          </p>
        )}
      </div>
      <RefusalNotice error={refusal} title={t('outage.refused')} />
      <ErrorNotice error={zones.error} />
      <Field id={`${id}-zone`} label={t('outage.zone')} error={checked.zone}>
        {(control) => (
          <select {...control} value={zoneId} onChange={(event) => setZoneId(event.target.value)}>
            <option value="">{t('outage.chooseZone')}</option>
            {zones.data?.adminZones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.code} · {zone.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="request-form__pair">
        <Field
          id={`${id}-start`}
          label={t('outage.start')}
          hint={t('outage.timeHint')}
          error={checked.start}
        >
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={start}
              onChange={(event) => setStart(event.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-end`}
          label={t('outage.end')}
          hint={t('outage.timeHint')}
          error={endError}
        >
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              value={end}
              onChange={(event) => setEnd(event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        id={`${id}-reason`}
        label={t('outage.reason')}
        hint={t('outage.reasonHint')}
        error={checked.reason ?? problems.get('reason')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={300}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <button className="button" type="submit" disabled={state.fetching}>
        {t('outage.submit')}
      </button>
    </form>
  );
}
