import {
  cloneElement,
  useId,
  useMemo,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import { foreignCountries } from '../countries.js';
import { fieldErrorOf, type FavoriteField } from '../form-errors.js';
import { AddFavoriteMutation } from '../graphql/favorites.js';
import { NameLength, nameMaxLength } from './name-length.js';

/** A new favorite: the plate, a short name, and the country when the plate is foreign. */
export function AddFavoriteForm({
  permitId,
  notice,
  onAdded,
}: {
  permitId: string;
  /** What the last add did, said below the button. */
  notice: string | null;
  onAdded(name: string): void;
}) {
  const { t, i18n } = useTranslation('favorites');
  const language = currentLanguage(i18n);
  const id = useId();
  const countries = useMemo(() => foreignCountries(language), [language]);
  const [plate, setPlate] = useState('');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [state, add] = useMutation(AddFavoriteMutation);
  const failure = fieldErrorOf(state.error, language);
  const errorFor = (field: FavoriteField) =>
    failure?.field === field ? failure.message : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add({
      input: { permitId, plate, name, country: country || null },
    });
    const added = result.data?.addFavorite;
    if (!added) return;
    setPlate('');
    setName('');
    setCountry('');
    onAdded(added.name);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('add.title')}</h2>
      <Field id={`${id}-plate`} label={t('add.plate')} error={errorFor('plate')}>
        <input
          value={plate}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(event) => setPlate(event.target.value)}
        />
      </Field>
      <Field
        id={`${id}-name`}
        label={t('add.name')}
        hint={t('add.nameHint', { max: nameMaxLength })}
        error={errorFor('name')}
        after={<NameLength id={`${id}-name`} name={name} />}
        describedBy={`${id}-name-length`}
      >
        <input
          value={name}
          maxLength={nameMaxLength}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field
        id={`${id}-country`}
        label={t('add.country')}
        hint={t('add.countryHint')}
        error={errorFor('country')}
      >
        <select value={country} onChange={(event) => setCountry(event.target.value)}>
          <option value="">{t('add.netherlands')}</option>
          {countries.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
      </Field>
      {failure && failure.field === null && (
        <p className="notice notice--error" role="alert">
          {failure.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={state.fetching}>
          {t('add.submit')}
        </button>
      </div>
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
    </form>
  );
}

/** A labelled control with its hint and its error, tied to it for screen readers. */
function Field({
  id,
  label,
  hint,
  error,
  after,
  describedBy: more,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Shown below the hint (e.g. a counter), described by the ids in `describedBy`. */
  after?: ReactNode;
  describedBy?: string;
  children: ReactElement<InputHTMLAttributes<HTMLElement>>;
}) {
  const describedBy = [hint && `${id}-hint`, more, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {after}
      {error && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
