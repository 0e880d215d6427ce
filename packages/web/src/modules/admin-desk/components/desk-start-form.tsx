import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parsePlate } from '@parkeer/domain/plate/plate';
import type { Language } from '@parkeer/shared/language';
import { domainSchema } from '../../../app/form/domain-schema.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { standardResolver } from '../../../app/form/resolver.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { foreignCountries, homeCountry, plateLabel } from '../../favorites/countries.js';
import { endInstant } from '../end-instant.js';

interface StartValues {
  plate: string;
  /** Empty: a Dutch plate. */
  country: string;
  /** "HH:MM" on the town's clock; empty: the product's default end. */
  end: string;
}

/** What the start sends: the plate as typed, its country, the end as an instant or none. */
export interface DeskStart {
  readonly plate: string;
  readonly country: string | null;
  readonly end: string | null;
}

interface Choice {
  readonly plate: string;
  readonly formattedPlate: string;
  readonly country: string;
  readonly name?: string | null;
}

/** The plate rules (docs/rules.md §5) in the browser, so a mistyped plate is named at once. */
const startSchema = (language: Language) =>
  domainSchema<StartValues, DeskStart>(
    {
      problems({ plate, country }) {
        const parsed = parsePlate(plate, country || homeCountry);
        if (parsed.ok) return [];
        const path = parsed.reason === 'PLATE_INVALID_COUNTRY' ? 'country' : 'plate';
        return [{ code: parsed.reason, path, params: parsed.params }];
      },
      output: ({ plate, country, end }) => ({
        plate,
        country: country === '' ? null : country,
        end: endInstant(end, new Date()),
      }),
    },
    language,
  );

/**
 * Starting a session for the caller: a favorite or a recent plate in one press (its country
 * along), or one typed; an end time, or none for the product's default end as on the web. The
 * plate field has the focus when the form appears and after each start; Alt+K brings it back.
 */
export function DeskStartForm({
  choices,
  disabled,
  onStart,
}: {
  choices: readonly Choice[];
  disabled: boolean;
  /** Resolves true when the session started, so the form empties for the next plate. */
  onStart: (start: DeskStart) => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation('admin-desk');
  const language = currentLanguage(i18n);
  const resolver = useMemo(() => standardResolver(startSchema(language)), [language]);
  const form = useForm<StartValues, unknown, DeskStart>({
    defaultValues: { plate: '', country: '', end: '' },
    resolver,
    shouldFocusError: true,
  });
  const countries = useMemo(() => foreignCountries(language), [language]);
  const [plate, country] = useWatch({ control: form.control, name: ['plate', 'country'] });
  const { setFocus, setValue, reset } = form;

  useEffect(() => {
    setFocus('plate');
    const jump = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setFocus('plate');
      }
    };
    window.addEventListener('keydown', jump);
    return () => window.removeEventListener('keydown', jump);
  }, [setFocus]);

  const choose = (choice: Choice) => {
    setValue('country', choice.country === homeCountry ? '' : choice.country);
    setValue('plate', choice.formattedPlate, { shouldValidate: form.formState.isSubmitted });
    setFocus('end');
  };

  const submit = async (values: DeskStart) => {
    if (await onStart(values)) {
      reset({ plate: '', country: '', end: '' });
      setFocus('plate');
    }
  };

  return (
    <Form form={form} onSubmit={submit} id="desk" className="card desk__start">
      <h2 className="card__title">{t('startTitle')}</h2>
      <ErrorSummary />
      {choices.length > 0 && (
        <p id="desk-choices-title" className="muted desk__choices-title">
          {t('pick')}
        </p>
      )}
      {choices.length > 0 && (
        <div className="actions desk__choices" role="group" aria-labelledby="desk-choices-title">
          {choices.map((choice) => (
            <button
              key={`${choice.country}-${choice.plate}`}
              type="button"
              className="button button--secondary"
              aria-pressed={
                plate === choice.formattedPlate && (country || homeCountry) === choice.country
              }
              onClick={() => choose(choice)}
            >
              {choice.name
                ? `${choice.name} · ${plateLabel(choice, language)}`
                : plateLabel(choice, language)}
            </button>
          ))}
        </div>
      )}
      <div className="desk__start-fields">
        <Field name="plate" label={t('plate')} required>
          {(control) => (
            <input
              {...control}
              {...form.register('plate')}
              maxLength={20}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
          )}
        </Field>
        <Field name="country" label={t('country')}>
          {(control) => (
            <select {...control} {...form.register('country', { deps: ['plate'] })}>
              <option value="">{t('homeCountry')}</option>
              {countries.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="end" label={t('end')} hint={t('endHint')} type="time" />
      </div>
      <SubmitButton busy={disabled}>{t('start')}</SubmitButton>
      <p className="field__hint">{t('shortcut')}</p>
    </Form>
  );
}
