import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useClient, type CombinedError } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { CounterAddressQuery } from '../graphql/counter.js';

/** The address applied for; a business's names its establishment (docs/rules.md §2). */
export type CounterAddress = NonNullable<ResultOf<typeof CounterAddressQuery>['findAddress']> & {
  readonly establishmentNumber?: string | null;
};

interface AddressValues {
  postcode: string;
  houseNumber: string;
  addition: string;
}

// As the town's address table writes them (docs/rules.md §2): four digits, two letters.
const postcodePattern = /^[1-9]\d{3}\s?[a-zA-Z]{2}$/;

/**
 * The address the permit is for, found by postcode and house number among the town's addresses
 * (docs/rules.md §2): the offers depend on it (its zone, what the address already has).
 */
export function AddressStep({
  initial,
  onFound,
}: {
  initial: AddressValues | null;
  onFound(address: CounterAddress, typed: AddressValues): void;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const client = useClient();
  const form = useForm<AddressValues>({
    defaultValues: initial ?? { postcode: '', houseNumber: '', addition: '' },
    shouldFocusError: false,
  });
  const [notFound, setNotFound] = useState(false);
  const [failure, setFailure] = useState<CombinedError | null>(null);

  const submit = async (values: AddressValues) => {
    setNotFound(false);
    setFailure(null);
    const result = await client
      .query(
        CounterAddressQuery,
        {
          postcode: values.postcode.trim(),
          houseNumber: Number(values.houseNumber.trim()),
          addition: values.addition.trim() || null,
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (result.error) {
      if (showServerProblems(result.error, format.language, form.setError) === 0) {
        setFailure(result.error);
      }
      return;
    }
    const address = result.data?.findAddress;
    if (address) onFound(address, values);
    else setNotFound(true);
  };

  return (
    <Form form={form} onSubmit={submit} id="counter-address" className="card">
      <h2 className="card__title">{t('address.title')}</h2>
      <p className="muted">{t('address.hint')}</p>
      <ErrorSummary />
      <div className="counter__address-fields">
        <Field
          name="postcode"
          label={t('address.postcode')}
          hint={t('address.postcodeHint')}
          required
        >
          {(control) => (
            <input
              {...control}
              {...form.register('postcode', {
                validate: (value) =>
                  postcodePattern.test(value.trim()) || t('address.postcodeRequired'),
              })}
              autoComplete="postal-code"
              autoCapitalize="characters"
              maxLength={7}
            />
          )}
        </Field>
        <Field name="houseNumber" label={t('address.houseNumber')} required>
          {(control) => (
            <input
              {...control}
              {...form.register('houseNumber', {
                validate: (value) =>
                  /^[1-9]\d{0,4}$/.test(value.trim()) || t('address.houseNumberRequired'),
              })}
              inputMode="numeric"
              autoComplete="off"
              maxLength={5}
            />
          )}
        </Field>
        <Field name="addition" label={t('address.addition')} hint={t('address.additionHint')}>
          {(control) => (
            <input {...control} {...form.register('addition')} autoComplete="off" maxLength={10} />
          )}
        </Field>
      </div>
      <div aria-live="polite">
        {notFound && (
          <p className="notice notice--error" data-testid="address-not-found">
            {t('address.notFound')}
          </p>
        )}
      </div>
      <ErrorNotice error={failure} />
      <div className="actions">
        <SubmitButton>{t('address.find')}</SubmitButton>
      </div>
    </Form>
  );
}
