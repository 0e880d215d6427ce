import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n.js';
import { foreignCountries, homeCountry, plateLabel } from '../../favorites/countries.js';

interface Choice {
  readonly plate: string;
  readonly formattedPlate: string;
  readonly country: string;
}

/**
 * The visitor's plate and its country (the Netherlands unless chosen): typed, or picked from the
 * favorites (by name) and the plates parked lately. The list filters as one types (the browser's
 * own suggestions); a picked plate brings its country along.
 */
export function PlateField({
  value,
  country,
  onChange,
  favorites,
  recent,
}: {
  value: string;
  country: string;
  onChange(plate: string, country: string): void;
  favorites: readonly (Choice & { id: string; name: string })[];
  recent: readonly Choice[];
}) {
  const { t, i18n } = useTranslation('sessions');
  const language = currentLanguage(i18n);
  const countries = useMemo(() => foreignCountries(language), [language]);
  const listId = useId();
  // A plate picked from the browser's list arrives as typed text: its country comes from the list.
  const typed = (text: string) => {
    const known = [...favorites, ...recent].find((choice) => choice.formattedPlate === text);
    onChange(text, known ? known.country : country);
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${listId}-plate`}>{t('new.plate')}</label>
        <input
          id={`${listId}-plate`}
          list={listId}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={value}
          onChange={(event) => typed(event.target.value)}
        />
        <datalist id={listId}>
          {favorites.map((favorite) => (
            <option key={favorite.id} value={favorite.formattedPlate}>
              {favorite.name}
              {favorite.country !== homeCountry && ` (${plateLabel(favorite, language)})`}
            </option>
          ))}
          {recent.map((plate) => (
            <option key={`${plate.country}-${plate.plate}`} value={plate.formattedPlate}>
              {plate.country !== homeCountry ? plateLabel(plate, language) : undefined}
            </option>
          ))}
        </datalist>
        {favorites.length > 0 && (
          <div className="actions" role="group" aria-label={t('new.favorites')}>
            {favorites.map((favorite) => (
              <button
                key={favorite.id}
                type="button"
                className="button button--secondary"
                aria-pressed={value === favorite.formattedPlate && country === favorite.country}
                onClick={() => onChange(favorite.formattedPlate, favorite.country)}
              >
                {favorite.name} · {plateLabel(favorite, language)}
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${listId}-country`}>{t('new.country')}</label>
        <select
          id={`${listId}-country`}
          value={country}
          aria-describedby={`${listId}-country-hint`}
          onChange={(event) => onChange(value, event.target.value)}
        >
          <option value={homeCountry}>{t('new.netherlands')}</option>
          {countries.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
        <span id={`${listId}-country-hint`} className="field__hint">
          {t('new.countryHint')}
        </span>
      </div>
    </>
  );
}
