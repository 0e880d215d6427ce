import { useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { validateRegime } from '@parkeer/domain/regime/regime-validation';
import type { Regime } from '@parkeer/domain/regime/regime';
import type { IsoWeekday } from '@parkeer/domain/time/local-date';
import type { Language } from '@parkeer/shared/language';
import { domainSchema, type DomainProblem } from '../../../app/form/domain-schema.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { useFormFrame } from '../../../app/form/form-context.js';
import { controlId } from '../../../app/form/paths.js';
import { Field, useFieldError } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { standardResolver } from '../../../app/form/resolver.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AdminZoneFieldsFragment, SetZoneRegimeMutation } from '../graphql/zones.js';
import {
  draftOf,
  regimeOf,
  weekdays,
  type ExceptionDraft,
  type RegimeDraft,
  type RegimeInput,
  type WindowDraft,
} from '../regime-form.js';

/**
 * The regime as the kit form holds it: the weekdays in order (Monday first) and the exceptions,
 * each list an array of objects so windows can be added and removed in place. A time input
 * cannot show '24:00': the end of the day is '00:00' here, which reads back as 1440.
 */
interface RegimeValues {
  days: { windows: WindowDraft[] }[];
  exceptions: { date: string; label: string; windows: WindowDraft[] }[];
}

const shown = (windows: readonly WindowDraft[]) =>
  windows.map((w) => ({ from: w.from, to: w.to === '24:00' ? '00:00' : w.to }));

function valuesOf(draft: RegimeDraft): RegimeValues {
  return {
    days: weekdays.map((weekday) => ({ windows: shown(draft.days[weekday]) })),
    exceptions: draft.exceptions.map((e) => ({ ...e, windows: shown(e.windows) })),
  };
}

const plain = (windows: readonly WindowDraft[]) => windows.map(({ from, to }) => ({ from, to }));

function draftOfValues(values: RegimeValues, sorted = false): RegimeDraft {
  const exceptions: ExceptionDraft[] = values.exceptions.map((e) => ({
    date: e.date,
    label: e.label,
    windows: plain(e.windows),
  }));
  // Sorted as the API stores them, so what is saved reads back in the same order.
  if (sorted) exceptions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    days: Object.fromEntries(
      weekdays.map((weekday, index) => [weekday, plain(values.days[index]!.windows)]),
    ) as Record<IsoWeekday, WindowDraft[]>,
    exceptions,
  };
}

/**
 * Where a problem of the domain or the API (`weekly[3]`, `exceptions[0].windows[1]`) is in the
 * form: a weekly window by its weekday and place that day, an exception's own problem at its date.
 */
function fieldOfRegimePath(path: string, values: RegimeValues): string | null {
  const { weeklyIndex } = regimeOf(draftOfValues(values));
  const weekly = /^weekly\[(\d+)\]/.exec(path);
  if (weekly) {
    for (const [key, index] of weeklyIndex) {
      if (index !== Number(weekly[1])) continue;
      const [weekday, place] = key.split('.');
      return `days.${Number(weekday) - 1}.windows.${place}`;
    }
    return null;
  }
  const exception = /^exceptions\[(\d+)\](?:\.(windows)\[(\d+)\]|\.(label))?/.exec(path);
  if (!exception) return null;
  const at = `exceptions.${exception[1]}`;
  if (exception[2]) return `${at}.windows.${exception[3]}`;
  return exception[4] ? `${at}.label` : `${at}.date`;
}

/** validateRegime (docs/rules.md) as the form's check: the API's own words, before saving. */
const regimeSchema = (language: Language) =>
  domainSchema<RegimeValues, RegimeInput>(
    {
      problems(values) {
        const { regime } = regimeOf(draftOfValues(values));
        return validateRegime(regime as Regime).map((problem): DomainProblem => ({
          ...problem,
          path: fieldOfRegimePath(problem.path, values) ?? '',
        }));
      },
      output: (values) => regimeOf(draftOfValues(values, true)).regime,
    },
    language,
  );

/**
 * A zone's paid hours: windows per weekday and dated exceptions (a holiday has none). The whole
 * regime is checked by the domain's rules in the browser and saved at once; the problems appear
 * beside the window or date they are about.
 */
export function RegimeEditor({ zone }: { zone: ResultOf<typeof AdminZoneFieldsFragment> }) {
  const { t, i18n } = useTranslation('admin-zones');
  const language = currentLanguage(i18n);
  const resolver = useMemo(() => standardResolver(regimeSchema(language)), [language]);
  const form = useForm<RegimeValues, unknown, RegimeInput>({
    defaultValues: valuesOf(draftOf(zone.regime)),
    resolver,
    shouldFocusError: false,
  });
  const exceptions = useFieldArray({ control: form.control, name: 'exceptions' });
  const [state, save] = useMutation(SetZoneRegimeMutation);
  const [placed, setPlaced] = useState(0);
  const [saved, setSaved] = useState(false);

  const submit = async (regime: RegimeInput) => {
    setSaved(false);
    // What is sent is in the stored order: the API's problem paths index into that.
    const typed = form.getValues();
    const sent = valuesOf(draftOfValues(typed, true));
    const result = await save({ id: zone.id, regime });
    const reordered = sent.exceptions.some((e, i) => e.date !== typed.exceptions[i]?.date);
    if (result.error && reordered) form.reset(sent, { keepSubmitCount: true });
    setPlaced(
      showServerProblems(result.error, language, form.setError, (path) =>
        path.startsWith('regime.') ? fieldOfRegimePath(path.slice('regime.'.length), sent) : null,
      ),
    );
    const stored = result.data?.setZoneRegime;
    if (stored) {
      form.reset(valuesOf(draftOf(readFragment(AdminZoneFieldsFragment, stored).regime)));
      setSaved(true);
    }
  };

  return (
    <Form form={form} onSubmit={submit} id="regime" aria-labelledby="regime-title">
      <h2 id="regime-title">{t('regime.title')}</h2>
      <p className="muted">{t('regime.intro')}</p>
      <ErrorSummary />
      {placed === 0 && <ErrorNotice error={state.error} />}
      <fieldset className="admin-zones__group">
        <legend>{t('regime.weekly')}</legend>
        {weekdays.map((weekday, index) => (
          <WindowList key={weekday} label={t(`days.${weekday}`)} name={`days.${index}.windows`} />
        ))}
      </fieldset>
      <fieldset className="admin-zones__group">
        <legend>{t('regime.exceptions')}</legend>
        <p className="muted">{t('regime.exceptionsIntro')}</p>
        {exceptions.fields.map((exception, index) => (
          <ExceptionCard
            key={exception.id}
            index={index}
            onRemove={() => exceptions.remove(index)}
          />
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => exceptions.append({ date: '', label: '', windows: [] })}
        >
          {t('regime.addException')}
        </button>
      </fieldset>
      <div role="status">
        {saved && <p className="notice notice--success">{t('regime.saved')}</p>}
      </div>
      <SubmitButton busy={state.fetching}>{t('regime.submit')}</SubmitButton>
    </Form>
  );
}

type WindowsName = `days.${number}.windows` | `exceptions.${number}.windows`;

function WindowList({ label, name }: { label: string; name: WindowsName }) {
  const { t } = useTranslation('admin-zones');
  const { control } = useFormContext<RegimeValues>();
  const windows = useFieldArray({ control, name });
  const { labels } = useFormFrame();
  // The summary names a window's problem by its day (or date) and leads to the window.
  useEffect(() => {
    labels.set(name, label);
  }, [labels, name, label]);
  return (
    <div className="admin-zones__day" role="group" aria-label={label}>
      <span className="admin-zones__day-name">{label}</span>
      <div className="admin-zones__windows">
        {windows.fields.length === 0 && <span className="muted">{t('regime.free')}</span>}
        {windows.fields.map((window, index) => (
          <WindowRow
            key={window.id}
            label={label}
            name={`${name}.${index}`}
            onRemove={() => windows.remove(index)}
          />
        ))}
        <button
          type="button"
          className="button button--secondary admin-zones__add"
          aria-label={t('regime.addWindowFor', { day: label })}
          onClick={() => windows.append({ from: '09:00', to: '18:00' })}
        >
          {t('regime.addWindow')}
        </button>
      </div>
    </div>
  );
}

function WindowRow({
  label,
  name,
  onRemove,
}: {
  label: string;
  name: `${WindowsName}.${number}`;
  onRemove(): void;
}) {
  const { t } = useTranslation('admin-zones');
  const { register, getValues } = useFormContext<RegimeValues>();
  const problem = useFieldError(name);
  const id = controlId(useFormFrame().id, name);
  const described = problem ? `${id}-error` : undefined;
  const window = getValues(name);
  return (
    <div className="admin-zones__window">
      <label htmlFor={id} className="visually-hidden">
        {t('regime.from', { day: label })}
      </label>
      <input
        id={id}
        type="time"
        aria-invalid={problem ? true : undefined}
        aria-describedby={described}
        {...register(`${name}.from`)}
      />
      <span aria-hidden="true">–</span>
      <label htmlFor={`${id}-to`} className="visually-hidden">
        {t('regime.to', { day: label })}
      </label>
      <input
        id={`${id}-to`}
        type="time"
        aria-invalid={problem ? true : undefined}
        aria-describedby={described}
        {...register(`${name}.to`)}
      />
      <button
        type="button"
        className="button button--secondary admin-zones__remove"
        aria-label={t('regime.removeWindow', { day: label, from: window.from, to: window.to })}
        onClick={onRemove}
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
}

function ExceptionCard({ index, onRemove }: { index: number; onRemove(): void }) {
  const { t } = useTranslation('admin-zones');
  const { register, watch } = useFormContext<RegimeValues>();
  const date = watch(`exceptions.${index}.date`);
  return (
    <div className="card admin-zones__exception">
      <Field name={`exceptions.${index}.date`} label={t('regime.date')} type="date" />
      <Field name={`exceptions.${index}.label`} label={t('regime.label')}>
        {(control) => (
          <input
            {...control}
            {...register(`exceptions.${index}.label`)}
            maxLength={60}
            placeholder={t('regime.labelExample')}
          />
        )}
      </Field>
      <WindowList label={date || t('regime.thisDate')} name={`exceptions.${index}.windows`} />
      <button type="button" className="button button--danger" onClick={onRemove}>
        {t('regime.removeException')}
      </button>
    </div>
  );
}
