import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { foreignCountries } from '../countries.js';
import { fieldErrorOf } from '../form-errors.js';
import { AddFavoriteMutation } from '../graphql/favorites.js';
import { nameMaxLength } from '../name-length.js';

interface FavoriteValues {
  plate: string;
  name: string;
  country: string;
}

const empty: FavoriteValues = { plate: '', name: '', country: '' };

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
  const form = useForm<FavoriteValues>({ defaultValues: empty, shouldFocusError: false });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [state, add] = useMutation(AddFavoriteMutation);

  const submit = async (values: FavoriteValues) => {
    setRefusal(null);
    const result = await add({
      input: { permitId, plate: values.plate, name: values.name, country: values.country || null },
    });
    // The API knows the plate rules and the names in use: its refusal stands beside its field.
    const failure = fieldErrorOf(result.error, language);
    if (failure?.field) form.setError(failure.field, { type: 'server', message: failure.message });
    else if (failure) setRefusal(failure.message);
    const added = result.data?.addFavorite;
    if (!added) return;
    form.reset(empty);
    onAdded(added.name);
  };

  return (
    <Form form={form} onSubmit={submit} id={`favorite${id}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('add.title')}</h2>
      <ErrorSummary />
      <Field name="plate" label={t('add.plate')}>
        {(control) => (
          <input
            {...control}
            {...form.register('plate')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
      </Field>
      <Field
        name="name"
        label={t('add.name')}
        hint={t('add.nameHint', { max: nameMaxLength })}
        counter={nameMaxLength}
      />
      <Field name="country" label={t('add.country')} hint={t('add.countryHint')}>
        {(control) => (
          <select {...control} {...form.register('country')}>
            <option value="">{t('add.netherlands')}</option>
            {countries.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}
      <div className="actions">
        <SubmitButton busy={state.fetching}>{t('add.submit')}</SubmitButton>
      </div>
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
    </Form>
  );
}
