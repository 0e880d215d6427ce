import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The visitor's plate: typed, or picked from the favorites (by name) and the plates parked
 * lately. The list filters as one types (the browser's own suggestions).
 */
export function PlateField({
  value,
  onChange,
  favorites,
  recent,
}: {
  value: string;
  onChange(plate: string): void;
  favorites: readonly { id: string; name: string; plate: string; formattedPlate: string }[];
  recent: readonly { plate: string; formattedPlate: string }[];
}) {
  const { t } = useTranslation('sessions');
  const listId = useId();
  return (
    <div className="field">
      <label htmlFor={`${listId}-plate`}>{t('new.plate')}</label>
      <input
        id={`${listId}-plate`}
        list={listId}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {favorites.map((favorite) => (
          <option key={favorite.id} value={favorite.formattedPlate}>
            {favorite.name}
          </option>
        ))}
        {recent.map((plate) => (
          <option key={plate.plate} value={plate.formattedPlate} />
        ))}
      </datalist>
      {favorites.length > 0 && (
        <div className="actions" role="group" aria-label={t('new.favorites')}>
          {favorites.map((favorite) => (
            <button
              key={favorite.id}
              type="button"
              className="button button--secondary"
              aria-pressed={value === favorite.formattedPlate}
              onClick={() => onChange(favorite.formattedPlate)}
            >
              {favorite.name} · {favorite.formattedPlate}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
