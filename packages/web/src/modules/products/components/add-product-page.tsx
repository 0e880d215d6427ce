import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AddProductByCodeMutation } from '../../add-product/graphql/add-product.js';

/**
 * Adds a granted product with the product code and PIN of the municipality's letter. Empty
 * fields are caught here: the API would count them as a wrong try against the resident's limit.
 */
export default function AddProductPage() {
  const { t } = useTranslation('add-product');
  const { t: common } = useTranslation('common');
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [checked, setChecked] = useState(false);
  const [{ fetching, error }, add] = useMutation(AddProductByCodeMutation);
  const codeMissing = checked && !code.trim();
  const pinMissing = checked && !pin.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!code.trim() || !pin.trim()) return;
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
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="product-code">{t('code')}</label>
          <input
            id="product-code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            aria-invalid={codeMissing}
            aria-describedby={
              codeMissing ? 'product-code-hint product-code-missing' : 'product-code-hint'
            }
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <span id="product-code-hint" className="field__hint">
            {t('codeHint')}
          </span>
          {codeMissing && (
            <span id="product-code-missing" className="field__error">
              {t('codeMissing')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="product-pin">{t('pin')}</label>
          <input
            id="product-pin"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            required
            aria-invalid={pinMissing}
            aria-describedby={pinMissing ? 'product-pin-missing' : undefined}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
          />
          {pinMissing && (
            <span id="product-pin-missing" className="field__error">
              {t('pinMissing')}
            </span>
          )}
        </div>
        <ErrorNotice error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('submit')}
          </button>
          <Link className="button button--secondary" to="/producten">
            {common('cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
