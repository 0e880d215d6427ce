import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { QuotasQuery, SetQuotaMutation } from '../graphql/quotas.js';
import '../admin-quotas.css';
import { useQuotaStrings } from '../strings.js';

/**
 * The town's quotas per zone and permit type (docs/rules.md §2 quotas): how many places each
 * has, how many are taken and who waits, a form to set or remove one, and the way to each list.
 */
export default function QuotasPage() {
  return useQuotaStrings() ? <Quotas /> : <Loading />;
}

interface QuotaForm {
  zoneId: string;
  productTypeId: string;
  limit: string;
  offerDays: string;
}

/** The form's text as the API's number: empty is none, anything else is sent as typed. */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

function Quotas() {
  const { t, i18n } = useTranslation('admin-quotas');
  const [result, refetch] = useQuery({ query: QuotasQuery, requestPolicy: 'cache-and-network' });
  const [sent, setQuota] = useMutation(SetQuotaMutation);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<QuotaForm>({
    defaultValues: { zoneId: '', productTypeId: '', limit: '', offerDays: '14' },
  });
  const language = currentLanguage(i18n);

  if (!result.data) return result.error ? <ErrorNotice error={result.error} /> : <Loading />;
  const { adminQuotas: quotas, adminZones: zones, adminProductTypes: types } = result.data;

  const save = async (values: QuotaForm) => {
    setDone(null);
    const limit = numberOf(values.limit);
    const answer = await setQuota(
      {
        input: {
          zoneId: values.zoneId,
          productTypeId: values.productTypeId,
          limit,
          offerDays: numberOf(values.offerDays) ?? 14,
        },
      },
      { additionalTypenames: ['ZoneQuota'] },
    );
    const placed = showServerProblems(answer.error, language, form.setError, (path) =>
      path === 'quota.limit' ? 'limit' : path === 'quota.offerDays' ? 'offerDays' : null,
    );
    if (!answer.error) {
      setDone(limit === null ? t('form.removed') : t('form.saved'));
      refetch({ requestPolicy: 'network-only' });
    } else if (placed === 0) {
      form.setError('root.server', { type: 'server', message: answer.error.message });
    }
  };

  return (
    <section className="admin-quotas">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {quotas.length === 0 ? (
        <p className="muted" role="status">
          {t('table.none')}
        </p>
      ) : (
        <ul className="list" aria-label={t('table.caption')}>
          {quotas.map((quota) => (
            <li key={quota.id} className="card" data-testid="quota-row">
              <h2 className="card__title">
                {quota.productName} · {quota.zoneCode}
              </h2>
              <dl className="facts">
                <dt>{t('table.limit')}</dt>
                <dd>{quota.limit}</dd>
                <dt>{t('table.taken')}</dt>
                <dd>{quota.taken}</dd>
                <dt>{t('table.waiting')}</dt>
                <dd>{quota.waiting}</dd>
                <dt>{t('table.offerDays')}</dt>
                <dd>{t('table.days', { days: quota.offerDays })}</dd>
              </dl>
              <Link
                to={`/beheer/wachtlijsten/${quota.zoneId}/${quota.productTypeId}`}
                aria-label={t('table.listOf', {
                  product: quota.productName,
                  zone: quota.zoneCode,
                })}
              >
                {t('table.list')}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <section className="card" aria-labelledby="quota-form-title">
        <h2 id="quota-form-title" className="card__title">
          {t('form.title')}
        </h2>
        <Form form={form} onSubmit={save} id="quota">
          {form.formState.errors.root?.server && (
            <p className="notice notice--error" role="alert">
              {form.formState.errors.root.server.message}
            </p>
          )}
          <Field name="zoneId" label={t('form.zone')} required>
            {(control) => (
              <select {...control} {...form.register('zoneId', { required: true })}>
                <option value="">{t('form.choose')}</option>
                {zones.map((zone) => (
                  <option key={zone.id} value={zone.id}>
                    {zone.code} – {zone.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="productTypeId" label={t('form.product')} required>
            {(control) => (
              <select {...control} {...form.register('productTypeId', { required: true })}>
                <option value="">{t('form.choose')}</option>
                {types.map((type) => (
                  <option key={type.id} value={type.id}>
                    {language === 'en' ? type.nameEn : type.nameNl}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="limit" label={t('form.limit')} hint={t('form.limitHint')} type="number" />
          <Field name="offerDays" label={t('form.offerDays')} type="number" required />
          <SubmitButton busy={sent.fetching}>{t('form.save')}</SubmitButton>
          {done && (
            <p className="notice notice--success" role="status">
              {done}
            </p>
          )}
        </Form>
      </section>
    </section>
  );
}
