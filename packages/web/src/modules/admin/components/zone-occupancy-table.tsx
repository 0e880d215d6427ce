import { useTranslation } from 'react-i18next';

interface ZoneRow {
  readonly zoneId: string;
  readonly zoneCode: string;
  readonly zoneName: string;
  readonly running: number;
}

/** Each zone with the sessions running in it now, and the town's total. */
export function ZoneOccupancyTable({ zones }: { zones: readonly ZoneRow[] }) {
  const { t } = useTranslation('admin');
  if (zones.length === 0) return <p className="muted">{t('dashboard.occupancy.empty')}</p>;
  const total = zones.reduce((sum, zone) => sum + zone.running, 0);
  return (
    <table className="zone-table">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.occupancy.zone')}</th>
          <th scope="col" className="zone-table__number">
            {t('dashboard.occupancy.running')}
          </th>
        </tr>
      </thead>
      <tbody>
        {zones.map((zone) => (
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
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('dashboard.occupancy.total')}</th>
          <td className="zone-table__number" data-testid="zones-total">
            {total}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
