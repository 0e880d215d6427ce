import { useTranslation } from 'react-i18next';
import type { ZoneHourBar } from '../zone-day.js';

interface ZoneDayRow {
  readonly zoneId: string;
  readonly zoneCode: string;
  readonly bars: readonly ZoneHourBar[];
}

/** The charts' numbers as a table, zones by hours so far: for screen readers and for reading off. */
export function ZoneDayTable({ rows }: { rows: readonly ZoneDayRow[] }) {
  const { t } = useTranslation('admin');
  const hours = rows[0]?.bars.filter((bar) => bar.sessions !== null) ?? [];
  if (hours.length === 0) return null;
  return (
    <details className="zone-day-table">
      <summary>{t('dashboard.day.asTable')}</summary>
      <div
        className="zone-day-table__scroll"
        role="region"
        aria-label={t('dashboard.day.title')}
        tabIndex={0}
      >
        <table>
          <caption className="visually-hidden">{t('dashboard.day.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.occupancy.zone')}</th>
              {hours.map((bar) => (
                <th key={bar.start} scope="col">
                  {bar.from}
                  {bar.repeat === 'winterTime' ? '′' : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.zoneId} data-testid="zone-day-row" data-zone={row.zoneCode}>
                <th scope="row">{row.zoneCode}</th>
                {row.bars
                  .filter((bar) => bar.sessions !== null)
                  .map((bar) => (
                    <td key={bar.start} data-current={bar.current}>
                      {bar.sessions}
                    </td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
