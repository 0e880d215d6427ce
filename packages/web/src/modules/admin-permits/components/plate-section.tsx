import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { parsePlate } from '@parkeer/domain/plate/plate';
import type { Language } from '@parkeer/shared/language';
import { domainSchema } from '../../../app/form/domain-schema.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { standardResolver } from '../../../app/form/resolver.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { failureOf, messageOf } from '../../../app/errors.js';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { foreignCountries } from '../../favorites/countries.js';
import { AdminPermitDetailsFieldsFragment, ChangePermitPlateMutation } from '../graphql/permits.js';
import type { PermitDetails } from './permit-facts.js';

interface PlateValues {
  plate: string;
  /** Empty: a Dutch plate. */
  country: string;
}

/** Which field an answer of the plate rules belongs beside; anything else is for the form. */
function fieldOf(code: string): 'plate' | 'country' | null {
  if (code === 'PLATE_INVALID_COUNTRY') return 'country';
  return code.startsWith('PLATE_') ? 'plate' : null;
}

/** The plate rules (docs/rules.md §5) as the form's check, so a mistyped plate is named at once. */
const plateSchema = (language: Language) =>
  domainSchema<PlateValues, { plate: string; country: string | null }>(
    {
      problems({ plate, country }) {
        const parsed = parsePlate(plate, country);
        if (parsed.ok) return [];
        return [{ code: parsed.reason, path: fieldOf(parsed.reason) ?? '', params: parsed.params }];
      },
      output: ({ plate, country }) => ({ plate, country: country === '' ? null : country }),
    },
    language,
  );

/**
 * Replaces the active plate (a new car) of a product whose right is its plate. The plate rules
 * run in the browser; the API checks again, and its refusal shows beside the field it is about.
 */
export function PlateSection({ permit }: { permit: PermitDetails }) {
  const { t, i18n } = useTranslation('admin-permits');
  const language = currentLanguage(i18n);
  const resolver = useMemo(() => standardResolver(plateSchema(language)), [language]);
  const form = useForm<PlateValues, unknown, { plate: string; country: string | null }>({
    defaultValues: { plate: '', country: '' },
    resolver,
    shouldFocusError: false,
  });
  const [changed, setChanged] = useState<string | null>(null);
  // The same choice of countries as the residents' favorites: the codes the plate rules know.
  const countries = useMemo(() => foreignCountries(language), [language]);
  const [state, change] = useMutation(ChangePermitPlateMutation);
  const field = state.error ? fieldOf(failureOf(state.error).code) : null;

  const submit = async (values: { plate: string; country: string | null }) => {
    setChanged(null);
    const result = await change({ id: permit.id, ...values });
    if (result.error) {
      const place = fieldOf(failureOf(result.error).code);
      if (place)
        form.setError(place, { type: 'server', message: messageOf(result.error, language) });
    }
    const changedPermit = result.data?.changePermitPlate;
    const active =
      changedPermit &&
      readFragment(AdminPermitDetailsFieldsFragment, changedPermit).plates.find(
        (candidate) => candidate.active,
      );
    if (active) {
      setChanged(active.formattedPlate);
      form.reset({ plate: '', country: '' });
    }
  };

  return (
    <Form form={form} onSubmit={submit} id="permit" className="card admin-permits__action">
      <h3 className="card__title">{t('plate.title')}</h3>
      <p className="muted">{t('plate.intro')}</p>
      <ErrorSummary />
      {!field && <ErrorNotice error={state.error} />}
      <div role="status">
        {changed && (
          <p className="notice notice--success">{t('plate.changed', { plate: changed })}</p>
        )}
      </div>
      <div className="admin-permits__plate-fields">
        <Field name="plate" label={t('plate.plate')} required>
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
        <Field name="country" label={t('plate.country')} hint={t('plate.countryHint')}>
          {(control) => (
            <select {...control} {...form.register('country')}>
              <option value="">{t('plate.homeCountry')}</option>
              {countries.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton busy={state.fetching}>{t('plate.submit')}</SubmitButton>
    </Form>
  );
}
