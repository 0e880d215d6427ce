import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import { addDays, compareLocalDates, type LocalDate } from '@parkeer/domain/time/local-date';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { failureOf } from '../../../app/errors.js';
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
import { problemsOf, type Problem } from '../problems.js';
import { useLocalDate, useShortLocalDate } from './dated-lines.js';
import { Field, ProblemsContext } from './fields.js';

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
  const [form, setForm] = useState({ validFrom: tomorrow, zoneId: zones[0]?.id ?? '', price: '' });
  const [problems, setProblems] = useState<readonly Problem[]>([]);
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setFailure(null);
    const cents = parseAmount(form.price, 'cents');
    const local: Problem[] = [];
    if (!form.validFrom) local.push({ path: 'validFrom', message: t('local.required') });
    if (cents === undefined) local.push({ path: 'centsPerHour', message: t('local.notAnAmount') });
    if (cents === null) local.push({ path: 'centsPerHour', message: t('local.required') });
    setProblems(local);
    if (local.length > 0 || cents == null) return;
    const result = await schedule({
      input: { productTypeId, zoneId: form.zoneId, validFrom: form.validFrom, centsPerHour: cents },
    });
    if (result.error) {
      const refusal = readable(result.error);
      const fieldProblems = problemsOf(result.error, formats.language);
      // A date before tomorrow belongs beside the date; any other refusal above the button.
      if (refusal.code === 'TARIFF_DATE_NOT_IN_FUTURE') {
        setProblems([{ path: 'validFrom', message: refusal.message }]);
      } else if (fieldProblems.length > 0) {
        setProblems(fieldProblems);
      } else setFailure(refusal.message);
      return;
    }
    setDone(
      t('tariffs.scheduled', {
        price: formats.money(cents),
        zone: zoneCode(form.zoneId),
        date: localDate(form.validFrom),
      }),
    );
    setForm((current) => ({ ...current, price: '' }));
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

      <ProblemsContext.Provider value={problems}>
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="tariff-new">
          <h3 id="tariff-new">{t('tariffs.newTitle')}</h3>
          <div className="admin-products__row">
            <Field
              path="validFrom"
              label={t('tariffs.validFrom')}
              hint={t('tariffs.validFromHint', { date: localDate(tomorrow) })}
            >
              <input
                type="date"
                min={tomorrow}
                value={form.validFrom}
                onChange={(event) => setForm((f) => ({ ...f, validFrom: event.target.value }))}
              />
            </Field>
            <Field path="zoneId" label={t('tariffs.zone')}>
              <select
                value={form.zoneId}
                onChange={(event) => setForm((f) => ({ ...f, zoneId: event.target.value }))}
              >
                {zones.map((zone) => (
                  <option key={zone.id} value={zone.id}>
                    {zone.code} – {zone.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field path="centsPerHour" label={t('tariffs.centsPerHour')}>
              <input
                type="text"
                inputMode="decimal"
                className="admin-products__short"
                value={form.price}
                onChange={(event) => setForm((f) => ({ ...f, price: event.target.value }))}
              />
            </Field>
          </div>
          {failure && (
            <p className="notice notice--error" role="alert">
              {failure}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button" disabled={scheduleState.fetching}>
              {t('tariffs.submit')}
            </button>
          </div>
        </form>
      </ProblemsContext.Provider>

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
