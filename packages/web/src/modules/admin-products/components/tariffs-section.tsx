import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import { addDays, compareLocalDates, type LocalDate } from '@parkeer/domain/time/local-date';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { failureOf } from '../../../app/errors.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { readFragment } from '../../../app/graphql.js';
import { currentLanguage } from '../../../app/i18n.js';
import { Loading } from '../../../app/shell/loading.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { parseAmount } from '../amounts.js';
import {
  AdminTariffFieldsFragment,
  AdminTariffsQuery,
  CancelTariffMutation,
  ScheduleTariffMutation,
} from '../graphql/products.js';
import { useLocalDate, useShortLocalDate } from './dated-lines.js';

interface TariffValues {
  validFrom: string;
  zoneId: string;
  price: string;
}

interface Period {
  readonly id: string;
  readonly zoneId: string;
  readonly zoneCode: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly centsPerHour: number;
}

/** An error in words, its dates as dates ('24 november 2026', not '2026-11-24'). */
function useReadableError() {
  const { i18n } = useTranslation();
  const localDate = useLocalDate();
  return (error: CombinedError) => {
    const { code, params } = failureOf(error);
    const readable = Object.fromEntries(
      Object.entries(params).map(([key, value]) => [
        key,
        typeof value === 'string' ? localDate(value) : value,
      ]),
    );
    return { code, message: errorMessage(code, currentLanguage(i18n), readable) };
  };
}

/**
 * The hourly tariffs of a money-balance product (docs/rules.md §3): periods per zone, a new price from a
 * date (tomorrow at the earliest), and withdrawing a price that has not taken effect yet.
 */
export function TariffsSection({
  productTypeId,
  zones,
  today,
}: {
  productTypeId: string;
  zones: readonly { id: string; code: string; name: string }[];
  today: LocalDate;
}) {
  const { t } = useTranslation('admin-products');
  const formats = useFormats();
  const localDate = useLocalDate();
  const shortDate = useShortLocalDate();
  const readable = useReadableError();
  const tomorrow = addDays(today, 1);
  const [tariffs, refetch] = useQuery({ query: AdminTariffsQuery, variables: { productTypeId } });
  const form = useForm<TariffValues>({
    defaultValues: { validFrom: tomorrow, zoneId: zones[0]?.id ?? '', price: '' },
    shouldFocusError: false,
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<Period | null>(null);
  const [scheduleState, schedule] = useMutation(ScheduleTariffMutation);
  const [cancelState, cancel] = useMutation(CancelTariffMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const periods = tariffs.data?.adminTariffs.map((item) =>
    readFragment(AdminTariffFieldsFragment, item),
  );
  const byZone = zones
    .map((zone) => ({ zone, periods: periods?.filter((p) => p.zoneId === zone.id) ?? [] }))
    .filter((group) => group.periods.length > 0);
  const zoneCode = (id: string) => zones.find((zone) => zone.id === id)?.code ?? '';

  const submit = async (values: TariffValues) => {
    setDone(null);
    setFailure(null);
    const cents = parseAmount(values.price, 'cents');
    if (cents == null) return;
    const result = await schedule({
      input: {
        productTypeId,
        zoneId: values.zoneId,
        validFrom: values.validFrom,
        centsPerHour: cents,
      },
    });
    if (result.error) {
      const refusal = readable(result.error);
      // A date before tomorrow belongs beside the date; any other refusal above the button.
      if (refusal.code === 'TARIFF_DATE_NOT_IN_FUTURE') {
        form.setError('validFrom', { type: 'server', message: refusal.message });
      } else if (
        showServerProblems(result.error, formats.language, form.setError, (path) =>
          path === 'centsPerHour' ? 'price' : path,
        ) === 0
      ) {
        setFailure(refusal.message);
      }
      return;
    }
    setDone(
      t('tariffs.scheduled', {
        price: formats.money(cents),
        zone: zoneCode(values.zoneId),
        date: localDate(values.validFrom),
      }),
    );
    form.reset({ ...values, price: '' });
    reload();
  };

  const confirmWithdraw = async () => {
    if (!withdrawing) return;
    const result = await cancel({ id: withdrawing.id });
    if (result.error) return;
    setDone(
      t('tariffs.withdrawn', {
        zone: withdrawing.zoneCode,
        date: localDate(withdrawing.validFrom),
      }),
    );
    setWithdrawing(null);
    reload();
  };

  return (
    <section
      aria-labelledby="tariffs-title"
      className="card admin-products__section"
      data-testid="tariffs"
    >
      <h2 id="tariffs-title">{t('tariffs.title')}</h2>
      <p className="muted">{t('tariffs.intro')}</p>
      <ErrorNotice error={tariffs.error} />
      {!periods ? (
        !tariffs.error && <Loading />
      ) : byZone.length === 0 ? (
        <p className="muted">{t('tariffs.empty')}</p>
      ) : (
        byZone.map(({ zone, periods: zonePeriods }) => (
          <div key={zone.id} className="admin-products__table-wrap">
            <table className="admin-products__table" data-testid={`tariffs-${zone.code}`}>
              <caption>
                {t('tariffs.zone')} {zone.code} – {zone.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('tariffs.from')}</th>
                  <th scope="col">{t('tariffs.until')}</th>
                  <th scope="col">{t('tariffs.perHour')}</th>
                </tr>
              </thead>
              <tbody>
                {zonePeriods.map((period) => {
                  const future = compareLocalDates(period.validFrom, tomorrow) >= 0;
                  const current =
                    !future &&
                    (period.validUntil === null || compareLocalDates(period.validUntil, today) > 0);
                  return (
                    <tr key={period.id} data-testid="tariff-period">
                      <td>{shortDate(period.validFrom)}</td>
                      <td>
                        {period.validUntil
                          ? shortDate(addDays(period.validUntil, -1))
                          : t('tariffs.openEnded')}
                      </td>
                      {/* Price and action share a cell: side by side, or stacked on a phone. */}
                      <td className="admin-products__price-cell">
                        <span>{formats.money(period.centsPerHour)}</span>
                        {future ? (
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-label={t('tariffs.withdrawLabel', {
                              zone: zone.code,
                              date: localDate(period.validFrom),
                            })}
                            onClick={() => setWithdrawing(period)}
                          >
                            {t('tariffs.withdraw')}
                          </button>
                        ) : (
                          current && <span className="badge">{t('tariffs.current')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))
      )}
      <div role="status">{done && <p className="notice notice--success">{done}</p>}</div>

      <Form form={form} onSubmit={submit} id="tariff" aria-labelledby="tariff-new">
        <h3 id="tariff-new">{t('tariffs.newTitle')}</h3>
        <ErrorSummary />
        <div className="admin-products__row">
          <Field
            name="validFrom"
            label={t('tariffs.validFrom')}
            hint={t('tariffs.validFromHint', { date: localDate(tomorrow) })}
            required
          >
            {(control) => (
              <input
                {...control}
                {...form.register('validFrom', { required: t('local.required') })}
                type="date"
                min={tomorrow}
              />
            )}
          </Field>
          <Field name="zoneId" label={t('tariffs.zone')}>
            {(control) => (
              <select {...control} {...form.register('zoneId')}>
                {zones.map((zone) => (
                  <option key={zone.id} value={zone.id}>
                    {zone.code} – {zone.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="price" label={t('tariffs.centsPerHour')} required>
            {(control) => (
              <input
                {...control}
                {...form.register('price', {
                  validate: (value) => {
                    const cents = parseAmount(value, 'cents');
                    if (cents === null) return t('local.required');
                    return cents !== undefined || t('local.notAnAmount');
                  },
                })}
                type="text"
                inputMode="decimal"
                className="admin-products__short"
              />
            )}
          </Field>
        </div>
        {failure && (
          <p className="notice notice--error" role="alert">
            {failure}
          </p>
        )}
        <div className="actions">
          <SubmitButton busy={scheduleState.fetching}>{t('tariffs.submit')}</SubmitButton>
        </div>
      </Form>

      <ConfirmDialog
        open={withdrawing !== null}
        title={t('tariffs.withdrawTitle')}
        confirmLabel={t('tariffs.withdraw')}
        danger
        busy={cancelState.fetching}
        onConfirm={() => void confirmWithdraw()}
        onCancel={() => setWithdrawing(null)}
      >
        {withdrawing && (
          <p>
            {t('tariffs.withdrawBody', {
              price: formats.money(withdrawing.centsPerHour),
              zone: withdrawing.zoneCode,
              date: localDate(withdrawing.validFrom),
            })}
          </p>
        )}
        {cancelState.error && (
          <p className="notice notice--error" role="alert">
            {readable(cancelState.error).message}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
