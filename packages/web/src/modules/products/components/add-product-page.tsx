import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AddProductByCodeMutation } from '../../add-product/graphql/add-product.js';

/**
 * Adds a granted product with the product code and PIN of the municipality's letter. Empty
 * fields are caught here: the API would count them as a wrong try against the resident's limit.
 */
interface ProductValues {
  code: string;
  pin: string;
}

export default function AddProductPage() {
  const { t } = useTranslation('add-product');
  const { t: common } = useTranslation('common');
  const navigate = useNavigate();
  const form = useForm<ProductValues>({
    defaultValues: { code: '', pin: '' },
    shouldFocusError: false,
  });
  const [{ fetching, error }, add] = useMutation(AddProductByCodeMutation);

  const submit = async ({ code, pin }: ProductValues) => {
    const result = await add(
      { input: { productCode: code, pin } },
      // The overview lists products: read it again next time rather than from the cache.
      { additionalTypenames: ['Product', 'ProductGroup'] },
    );
    const added = result.data?.addProductByCode;
    if (added) await navigate(`/producten/${added.id}`);
  };

  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Form form={form} onSubmit={submit} id="product" className="card">
        <ErrorSummary />
        <Field name="code" label={t('code')} hint={t('codeHint')}>
          {(control) => (
            <input
              {...control}
              {...form.register('code', {
                validate: (value) => value.trim() !== '' || t('codeMissing'),
              })}
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
          )}
        </Field>
        <Field name="pin" label={t('pin')}>
          {(control) => (
            <input
              {...control}
              {...form.register('pin', {
                validate: (value) => value.trim() !== '' || t('pinMissing'),
              })}
              type="text"
              inputMode="numeric"
              autoComplete="off"
            />
          )}
        </Field>
        <ErrorNotice error={error} />
        <div className="actions">
          <SubmitButton busy={fetching}>{t('submit')}</SubmitButton>
          <Link className="button button--secondary" to="/producten">
            {common('cancel')}
          </Link>
        </div>
      </Form>
    </section>
  );
}
