import { useId, useMemo } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parsePlate } from '@parkeer/domain/plate/plate';
import type { DomainCheck, DomainProblem } from '../../../app/form/domain-schema.js';
import { Field } from '../../../app/form/field.js';
import { currentLanguage } from '../../../app/i18n.js';
import { foreignCountries, homeCountry, plateLabel } from '../../favorites/countries.js';

interface Choice {
  readonly plate: string;
  readonly formattedPlate: string;
  readonly country: string;
}

/** The part of a kit form that holds a plate and its country. */
export interface PlateValues {
  plate: string;
  country: string;
}

/**
 * What the domain's plate parser (docs/rules.md §5) finds wrong with the plate as typed for its
 * country: an unknown country is the country field's problem, anything else the plate's.
 */
export function plateProblems({ plate, country }: PlateValues): DomainProblem[] {
  const parsed = parsePlate(plate, country);
  if (parsed.ok) return [];
  return [
    {
      code: parsed.reason,
      path: parsed.reason === 'PLATE_INVALID_COUNTRY' ? 'country' : 'plate',
      params: parsed.params,
    },
  ];
}

/** The plate check of a form whose values are sent as they are. */
export function plateCheck<Values extends PlateValues>(): DomainCheck<Values, Values> {
  return { problems: plateProblems, output: (values) => values };
}

/**
 * The visitor's plate and its country (the Netherlands unless chosen) in a kit form: typed, or
 * picked from the favorites (by name) and the plates parked lately. The list filters as one types
 * (the browser's own suggestions); a picked plate brings its country along.
 */
export function PlateField({
  favorites,
  recent,
}: {
  favorites: readonly (Choice & { id: string; name: string })[];
  recent: readonly Choice[];
}) {
  const { t, i18n } = useTranslation('sessions');
  const language = currentLanguage(i18n);
  const countries = useMemo(() => foreignCountries(language), [language]);
  const listId = useId();
  const { register, setValue } = useFormContext<PlateValues>();
  const { isSubmitted } = useFormState<PlateValues>();
  const [plate, country] = useWatch<PlateValues, ['plate', 'country']>({
    name: ['plate', 'country'],
  });
  // After a refused submit a change is checked again at once, also when set by a button.
  const choose = (nextPlate: string, nextCountry: string) => {
    setValue('country', nextCountry, { shouldDirty: true });
    setValue('plate', nextPlate, { shouldDirty: true, shouldValidate: isSubmitted });
  };
  return (
    <>
      <Field name="plate" label={t('new.plate')}>
        {(control) => (
          <>
            <input
              {...control}
              {...register('plate', {
                // A plate picked from the browser's list arrives as typed text: its country comes
                // from the list.
                onChange: (event: { target: { value: string } }) => {
                  const text = event.target.value;
                  const known = [...favorites, ...recent].find(
                    (choice) => choice.formattedPlate === text,
                  );
                  if (known) setValue('country', known.country, { shouldDirty: true });
                },
              })}
              list={listId}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
            <datalist id={listId}>
              {favorites.map((favorite) => (
                <option key={favorite.id} value={favorite.formattedPlate}>
                  {favorite.name}
                  {favorite.country !== homeCountry && ` (${plateLabel(favorite, language)})`}
                </option>
              ))}
              {recent.map((choice) => (
                <option key={`${choice.country}-${choice.plate}`} value={choice.formattedPlate}>
                  {choice.country !== homeCountry ? plateLabel(choice, language) : undefined}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      {favorites.length > 0 && (
        <div className="actions" role="group" aria-label={t('new.favorites')}>
          {favorites.map((favorite) => (
            <button
              key={favorite.id}
              type="button"
              className="button button--secondary"
              aria-pressed={plate === favorite.formattedPlate && country === favorite.country}
              onClick={() => choose(favorite.formattedPlate, favorite.country)}
            >
              {favorite.name} · {plateLabel(favorite, language)}
            </button>
          ))}
        </div>
      )}
      <Field name="country" label={t('new.country')} hint={t('new.countryHint')}>
        {(control) => (
          <select
            {...control}
            // The plate is read by the country's rules: checked again with it.
            {...register('country', { deps: ['plate'] })}
          >
            <option value={homeCountry}>{t('new.netherlands')}</option>
            {countries.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
