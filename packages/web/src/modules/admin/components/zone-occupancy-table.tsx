import { useTranslation } from 'react-i18next';
import type { ZoneHourBar } from '../zone-day.js';
import { ZoneDayChart } from './zone-day-chart.js';
import { ZoneDayTable } from './zone-day-table.js';

interface ZoneRow {
  readonly zoneId: string;
  readonly zoneCode: string;
  readonly zoneName: string;
  readonly running: number;
}

/**
 * Each zone with the sessions running in it now and its day so far as a small chart, the town's
 * total, and the charts' numbers as a table on request.
 */
export function ZoneOccupancyTable({
  zones,
  days,
}: {
  zones: readonly ZoneRow[];
  /** Each zone's hours today, by zone id; not there (yet): no chart. */
  days: ReadonlyMap<string, readonly ZoneHourBar[]> | null;
}) {
  const { t } = useTranslation('admin');
  if (zones.length === 0) return <p className="muted">{t('dashboard.occupancy.empty')}</p>;
  const total = zones.reduce((sum, zone) => sum + zone.running, 0);
  // One scale for every zone's chart: the town's busiest hour.
  const max = Math.max(
    1,
    ...[...(days?.values() ?? [])].flatMap((bars) => bars.map((bar) => bar.sessions ?? 0)),
  );
  return (
    <>
      <table className="zone-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.occupancy.zone')}</th>
            <th scope="col" className="zone-table__number">
              {t('dashboard.occupancy.running')}
            </th>
            {days && (
              <th scope="col" className="zone-table__day">
                {t('dashboard.day.column')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {zones.map((zone) => {
            const bars = days?.get(zone.zoneId);
            return (
              <tr key={zone.zoneId} data-testid="zone-row" data-zone={zone.zoneCode}>
                <th scope="row">
                  <span className="zone-table__code">{zone.zoneCode}</span>
                  {zone.zoneName !== zone.zoneCode && (
                    <span className="zone-table__name">{zone.zoneName}</span>
                  )}
                </th>
                <td className="zone-table__number" data-testid="zone-running">
                  {zone.running}
                </td>
                {days && (
                  <td className="zone-table__day">
                    {bars && <ZoneDayChart zoneCode={zone.zoneCode} bars={bars} max={max} />}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('dashboard.occupancy.total')}</th>
            <td className="zone-table__number" data-testid="zones-total">
              {total}
            </td>
            {days && <td />}
          </tr>
        </tfoot>
      </table>
      {days && (
        <ZoneDayTable
          rows={zones.map((zone) => ({
            zoneId: zone.zoneId,
            zoneCode: zone.zoneCode,
            bars: days.get(zone.zoneId) ?? [],
          }))}
        />
      )}
    </>
  );
}
