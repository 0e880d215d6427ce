import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { failureOf, messageOf } from '../../../app/errors.js';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { foreignCountries } from '../../favorites/countries.js';
import { AdminPermitDetailsFieldsFragment, ChangePermitPlateMutation } from '../graphql/permits.js';
import type { PermitDetails } from './permit-facts.js';

/** Which field an answer of the plate rules belongs beside; anything else is for the form. */
function fieldOf(code: string): 'plate' | 'country' | null {
  if (code === 'PLATE_INVALID_COUNTRY') return 'country';
  return code.startsWith('PLATE_') ? 'plate' : null;
}

/**
 * Replaces the active plate (a new car) of a product whose right is its plate. The API checks
 * the plate by the plate rules; its refusal shows beside the field it is about.
 */
export function PlateSection({ permit }: { permit: PermitDetails }) {
  const { t, i18n } = useTranslation('admin-permits');
  const [plate, setPlate] = useState('');
  const [country, setCountry] = useState('');
  const [changed, setChanged] = useState<string | null>(null);
  const language = currentLanguage(i18n);
  // The same choice of countries as the residents' favorites: the codes the plate rules know.
  const countries = useMemo(() => foreignCountries(language), [language]);
  const [state, change] = useMutation(ChangePermitPlateMutation);
  const field = state.error ? fieldOf(failureOf(state.error).code) : null;
  const fieldError = state.error && field ? messageOf(state.error, language) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(null);
    const result = await change({
      id: permit.id,
      plate,
      country: country === '' ? null : country,
    });
    const changedPermit = result.data?.changePermitPlate;
    const active =
      changedPermit &&
      readFragment(AdminPermitDetailsFieldsFragment, changedPermit).plates.find(
        (candidate) => candidate.active,
      );
    if (active) {
      setChanged(active.formattedPlate);
      setPlate('');
      setCountry('');
    }
  };

  const input = (name: 'plate' | 'country', extra: { hint?: string } = {}) => {
    const id = `permit-${name}`;
    const error = field === name ? fieldError : null;
    const described = [extra.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{t(`plate.${name}`)}</label>
        {name === 'plate' ? (
          <input
            id={id}
            value={plate}
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={described || undefined}
            onChange={(event) => setPlate(event.target.value)}
          />
        ) : (
          <select
            id={id}
            value={country}
            aria-invalid={error ? true : undefined}
            aria-describedby={described || undefined}
            onChange={(event) => setCountry(event.target.value)}
          >
            <option value="">{t('plate.homeCountry')}</option>
            {countries.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        )}
        {extra.hint && (
          <span id={`${id}-hint`} className="field__hint">
            {extra.hint}
          </span>
        )}
        {error && (
          <span id={`${id}-error`} className="field__error">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      className="card admin-permits__action"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 className="card__title">{t('plate.title')}</h3>
      <p className="muted">{t('plate.intro')}</p>
      {!field && <ErrorNotice error={state.error} />}
      <div role="status">
        {changed && (
          <p className="notice notice--success">{t('plate.changed', { plate: changed })}</p>
        )}
      </div>
      <div className="admin-permits__plate-fields">
        {input('plate')}
        {input('country', { hint: t('plate.countryHint') })}
      </div>
      <button type="submit" className="button" disabled={state.fetching}>
        {t('plate.submit')}
      </button>
    </form>
  );
}
