import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { failureOf, messageOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats, type Formats } from '../../../app/ui/format.js';
import { fromLocalInput } from '../../../app/ui/local-time.js';
import {
  CompensateOutageMutation,
  OutageCompensationFieldsFragment,
  OutageCompensationsQuery,
  OutageZonesQuery,
} from '../graphql/requests.js';
import { RefusalNotice } from './refusal-notice.js';

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

interface OutageValues {
  zoneId: string;
  start: string;
  end: string;
  reason: string;
}

function OutageForm({ onCompensated }: { onCompensated(id: string, minutes: number): void }) {
  const { t, i18n } = useTranslation('admin-requests');
  const format = useFormats();
  const id = useId();
  const [zones] = useQuery({ query: OutageZonesQuery });
  const form = useForm<OutageValues>({
    defaultValues: { zoneId: '', start: '', end: '', reason: '' },
    shouldFocusError: false,
  });
  const [done, setDone] = useState<{ compensation: Compensation; minutes: number } | null>(null);
  const [placed, setPlaced] = useState(0);
  const [state, compensate] = useMutation(CompensateOutageMutation);
  const refusal = state.error && placed === 0 ? state.error : null;
  const timeRequired = (value: string) =>
    fromLocalInput(value) !== null || t('outage.timeRequired');

  const submit = async (values: OutageValues) => {
    const windowStart = fromLocalInput(values.start);
    const windowEnd = fromLocalInput(values.end);
    if (!windowStart || !windowEnd) return;
    setDone(null);
    const result = await compensate({
      input: {
        zoneId: values.zoneId,
        windowStart: windowStart.toISOString(),
        windowEnd: windowEnd.toISOString(),
        reason: values.reason.trim(),
      },
    });
    const language = currentLanguage(i18n);
    let count = showServerProblems(result.error, language, form.setError, (path) =>
      path === 'reason' ? 'reason' : null,
    );
    // The API's refusals about the window's end, beside that field.
    const code = result.error ? failureOf(result.error).code : undefined;
    if (result.error && code && aboutTheEnd.has(code)) {
      form.setError('end', { type: 'server', message: messageOf(result.error, language) });
      count += 1;
    }
    setPlaced(count);
    const answer = result.data?.compensateOutage;
    if (!answer) return;
    const compensation = readFragment(OutageCompensationFieldsFragment, answer.compensation);
    setDone({ compensation, minutes: answer.minutesCredited });
    onCompensated(compensation.id, answer.minutesCredited);
    form.reset({ ...values, start: '', end: '', reason: '' });
  };

  return (
    <Form
      form={form}
      onSubmit={submit}
      id={`outage${id}`}
      className="card request-form"
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
      <ErrorSummary />
      <RefusalNotice error={refusal} title={t('outage.refused')} />
      <ErrorNotice error={zones.error} />
      <Field name="zoneId" label={t('outage.zone')} required>
        {(control) => (
          <select {...control} {...form.register('zoneId', { required: t('outage.zoneRequired') })}>
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
        <Field name="start" label={t('outage.start')} hint={t('outage.timeHint')} required>
          {(control) => (
            <input
              {...control}
              {...form.register('start', { validate: timeRequired })}
              type="datetime-local"
            />
          )}
        </Field>
        <Field name="end" label={t('outage.end')} hint={t('outage.timeHint')} required>
          {(control) => (
            <input
              {...control}
              {...form.register('end', { validate: timeRequired })}
              type="datetime-local"
            />
          )}
        </Field>
      </div>
      <Field
        name="reason"
        label={t('outage.reason')}
        hint={t('outage.reasonHint')}
        required
        counter={300}
      >
        {(control) => (
          <textarea
            {...control}
            {...form.register('reason', {
              validate: (value) => value.trim() !== '' || t('outage.reasonRequired'),
            })}
            rows={2}
            maxLength={300}
          />
        )}
      </Field>
      <SubmitButton busy={state.fetching}>{t('outage.submit')}</SubmitButton>
    </Form>
  );
}
