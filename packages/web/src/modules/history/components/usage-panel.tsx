import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { localeOf } from '@parkeer/shared/language';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { TopUpOffersQuery } from '../../top-up/graphql/top-up.js';
import { BalanceUsageQuery } from '../graphql/history.js';
import { barPercent, monthLabel } from '../usage-bars.js';
import './usage-panel.css';

/**
 * The balance picture (docs/rules.md §8): the period's use per month and per plate as bars, and
 * for the owner how much of the period's maximum is still to be bought. Each bar is a table row
 * with its figure, so a screen reader reads the same numbers the bars show.
 */
export function UsagePanel({ productId, isOwner }: { productId: string; isOwner: boolean }) {
  const { t } = useTranslation('history');
  const format = useFormats();
  const [usage] = useQuery({ query: BalanceUsageQuery, variables: { permitId: productId } });
  const [offers] = useQuery({
    query: TopUpOffersQuery,
    variables: { permitId: productId },
    pause: !isOwner,
  });
  if (usage.error) return <ErrorNotice error={usage.error} />;
  const data = usage.data?.balanceUsage;
  if (!data) return <Loading />;
  const { unit } = data;
  const cap = offers.data?.topUpOffers.cap ?? null;
  const amount = (value: number) => format.balance(value, unit);
  const busiestMonth = Math.max(0, ...data.months.map((m) => m.used));
  const busiestPlate = Math.max(0, ...data.plates.map((p) => p.used));
  const lastDay = new Date(`${data.nextPeriodStart}T12:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);

  return (
    <div className="usage" data-testid="balance-usage">
      <p className="usage__total">
        {t('usage.total', {
          from: format.date(`${data.periodStart}T12:00:00Z`),
          to: format.date(lastDay),
          used: amount(data.used),
        })}
      </p>
      {cap && (
        <div className="usage__cap">
          <h3>{t('usage.capTitle')}</h3>
          <meter
            min={0}
            max={cap.limit}
            value={cap.used}
            aria-label={t('usage.capMeter', {
              used: format.balance(cap.used, cap.unit),
              limit: format.balance(cap.limit, cap.unit),
            })}
          />
          <p>
            {t('usage.capLeft', {
              remaining: format.balance(cap.remaining, cap.unit),
              limit: format.balance(cap.limit, cap.unit),
            })}
          </p>
        </div>
      )}
      {data.used === 0 ? (
        <p>{t('usage.none')}</p>
      ) : (
        <>
          <table className="usage__table">
            <caption>{t('usage.perMonth')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('usage.month')}</th>
                <th scope="col">{t('usage.used')}</th>
              </tr>
            </thead>
            <tbody>
              {data.months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{monthLabel(month.month, localeOf[format.language])}</th>
                  <td>
                    <span
                      className="usage__bar"
                      style={{ width: `${barPercent(month.used, busiestMonth)}%` }}
                      aria-hidden="true"
                    />
                    <span className="usage__figure">{amount(month.used)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="usage__table">
            <caption>{t('usage.perPlate')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('usage.plate')}</th>
                <th scope="col">{t('usage.used')}</th>
              </tr>
            </thead>
            <tbody>
              {data.plates.map((plate) => (
                <tr key={`${plate.country}:${plate.plate}`}>
                  <th scope="row">
                    {plate.formattedPlate}
                    {plate.country !== 'NL' && (
                      <span className="usage__country"> ({plate.country})</span>
                    )}
                  </th>
                  <td>
                    <span
                      className="usage__bar"
                      style={{ width: `${barPercent(plate.used, busiestPlate)}%` }}
                      aria-hidden="true"
                    />
                    <span className="usage__figure">
                      {amount(plate.used)} · {t('usage.sessions', { count: plate.sessions })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
