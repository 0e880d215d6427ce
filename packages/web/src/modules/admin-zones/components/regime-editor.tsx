import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { IsoWeekday } from '@parkeer/domain/time/local-date';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AdminZoneFieldsFragment, SetZoneRegimeMutation } from '../graphql/zones.js';
import { problemsByPath } from '../../../app/errors.js';
import {
  draftOf,
  regimeOf,
  weekdays,
  type ExceptionDraft,
  type RegimeDraft,
  type WindowDraft,
} from '../regime-form.js';

const byDate = (a: ExceptionDraft, b: ExceptionDraft) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/**
 * A zone's paid hours: windows per weekday and dated exceptions (a holiday has none). The whole
 * regime is saved at once; the API's problems appear beside the window or date they are about.
 */
export function RegimeEditor({ zone }: { zone: ResultOf<typeof AdminZoneFieldsFragment> }) {
  const { t, i18n } = useTranslation('admin-zones');
  const fields = zone;
  const [draft, setDraft] = useState<RegimeDraft>(() => draftOf(fields.regime));
  const [state, save] = useMutation(SetZoneRegimeMutation);
  const [saved, setSaved] = useState(false);
  const problems = problemsByPath(state.error, currentLanguage(i18n));
  // The API numbers weekday windows in the order sent; the same order finds their problems.
  const { weeklyIndex } = regimeOf(draft);

  const setDay = (weekday: IsoWeekday, windows: readonly WindowDraft[]) =>
    setDraft((current) => ({ ...current, days: { ...current.days, [weekday]: windows } }));
  const setException = (index: number, exception: ExceptionDraft | null) =>
    setDraft((current) => ({
      ...current,
      exceptions: exception
        ? current.exceptions.map((e, i) => (i === index ? exception : e))
        : current.exceptions.filter((_, i) => i !== index),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    // Sorted as the API stores them, so the problems' indexes match the form's.
    const sorted = { ...draft, exceptions: [...draft.exceptions].sort(byDate) };
    setDraft(sorted);
    const result = await save({ id: fields.id, regime: regimeOf(sorted).regime });
    const stored = result.data?.setZoneRegime;
    if (stored) {
      const regime = readFragment(AdminZoneFieldsFragment, stored).regime;
      setDraft(draftOf(regime));
      setSaved(true);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="regime-title">
      <h2 id="regime-title">{t('regime.title')}</h2>
      <p className="muted">{t('regime.intro')}</p>
      {state.error && <ErrorNotice error={state.error} />}
      <fieldset className="admin-zones__group">
        <legend>{t('regime.weekly')}</legend>
        {weekdays.map((weekday) => (
          <WindowList
            key={weekday}
            label={t(`days.${weekday}`)}
            idPrefix={`day-${weekday}`}
            windows={draft.days[weekday]}
            onChange={(windows) => setDay(weekday, windows)}
            problemOf={(index) =>
              problems.get(`regime.weekly[${weeklyIndex.get(`${weekday}.${index}`)}]`)
            }
          />
        ))}
      </fieldset>
      <fieldset className="admin-zones__group">
        <legend>{t('regime.exceptions')}</legend>
        <p className="muted">{t('regime.exceptionsIntro')}</p>
        {draft.exceptions.map((exception, index) => (
          <ExceptionCard
            key={index}
            index={index}
            exception={exception}
            problem={problems.get(`regime.exceptions[${index}]`)}
            windowProblem={(w) => problems.get(`regime.exceptions[${index}].windows[${w}]`)}
            labelProblem={problems.get(`regime.exceptions[${index}].label`)}
            onChange={(changed) => setException(index, changed)}
          />
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setDraft((current) => ({
              ...current,
              exceptions: [...current.exceptions, { date: '', label: '', windows: [] }],
            }))
          }
        >
          {t('regime.addException')}
        </button>
      </fieldset>
      <div role="status">
        {saved && <p className="notice notice--success">{t('regime.saved')}</p>}
      </div>
      <button className="button" type="submit" disabled={state.fetching}>
        {t('regime.submit')}
      </button>
    </form>
  );
}

function WindowList({
  label,
  idPrefix,
  windows,
  onChange,
  problemOf,
}: {
  label: string;
  idPrefix: string;
  windows: readonly WindowDraft[];
  onChange(windows: readonly WindowDraft[]): void;
  problemOf(index: number): string | undefined;
}) {
  const { t } = useTranslation('admin-zones');
  const set = (index: number, window: WindowDraft | null) =>
    onChange(
      window
        ? windows.map((w, i) => (i === index ? window : w))
        : windows.filter((_, i) => i !== index),
    );
  return (
    <div className="admin-zones__day" role="group" aria-label={label}>
      <span className="admin-zones__day-name">{label}</span>
      <div className="admin-zones__windows">
        {windows.length === 0 && <span className="muted">{t('regime.free')}</span>}
        {windows.map((window, index) => {
          const id = `${idPrefix}-${index}`;
          const problem = problemOf(index);
          return (
            <div key={index} className="admin-zones__window">
              <label htmlFor={`${id}-from`} className="visually-hidden">
                {t('regime.from', { day: label })}
              </label>
              <input
                id={`${id}-from`}
                type="time"
                value={window.from}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error` : undefined}
                onChange={(event) => set(index, { ...window, from: event.target.value })}
              />
              <span aria-hidden="true">–</span>
              <label htmlFor={`${id}-to`} className="visually-hidden">
                {t('regime.to', { day: label })}
              </label>
              <input
                id={`${id}-to`}
                type="time"
                value={window.to === '24:00' ? '00:00' : window.to}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error` : undefined}
                onChange={(event) => set(index, { ...window, to: event.target.value })}
              />
              <button
                type="button"
                className="button button--secondary admin-zones__remove"
                aria-label={t('regime.removeWindow', {
                  day: label,
                  from: window.from,
                  to: window.to,
                })}
                onClick={() => set(index, null)}
              >
                ×
              </button>
              {problem && (
                <span id={`${id}-error`} className="field__error admin-zones__problem">
                  {problem}
                </span>
              )}
            </div>
          );
        })}
        <button
          type="button"
          className="button button--secondary admin-zones__add"
          aria-label={t('regime.addWindowFor', { day: label })}
          onClick={() => onChange([...windows, { from: '09:00', to: '18:00' }])}
        >
          {t('regime.addWindow')}
        </button>
      </div>
    </div>
  );
}

function ExceptionCard({
  index,
  exception,
  problem,
  windowProblem,
  labelProblem,
  onChange,
}: {
  index: number;
  exception: ExceptionDraft;
  problem: string | undefined;
  windowProblem(index: number): string | undefined;
  labelProblem: string | undefined;
  onChange(exception: ExceptionDraft | null): void;
}) {
  const { t } = useTranslation('admin-zones');
  const id = `exception-${index}`;
  return (
    <div className="card admin-zones__exception">
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('regime.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={exception.date}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(event) => onChange({ ...exception, date: event.target.value })}
        />
        {problem && (
          <span id={`${id}-error`} className="field__error">
            {problem}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('regime.label')}</label>
        <input
          id={`${id}-label`}
          value={exception.label}
          maxLength={60}
          placeholder={t('regime.labelExample')}
          aria-invalid={labelProblem ? true : undefined}
          onChange={(event) => onChange({ ...exception, label: event.target.value })}
        />
        {labelProblem && <span className="field__error">{labelProblem}</span>}
      </div>
      <WindowList
        label={exception.date || t('regime.thisDate')}
        idPrefix={id}
        windows={exception.windows}
        onChange={(windows) => onChange({ ...exception, windows })}
        problemOf={windowProblem}
      />
      <button type="button" className="button button--danger" onClick={() => onChange(null)}>
        {t('regime.removeException')}
      </button>
    </div>
  );
}
