import { useTranslation } from 'react-i18next';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useLiveDashboard } from '../hooks/use-live-dashboard.js';
import { StartsChart } from './starts-chart.js';
import { ZoneOccupancyTable } from './zone-occupancy-table.js';

/** The back office's start: what runs in the town now, and how today went so far. */
export default function DashboardPage() {
  const { t } = useTranslation('admin');
  const { zones, days, occupancyError, hours, startsError } = useLiveDashboard();
  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <p className="muted">{t('dashboard.live')}</p>
      <div className="dashboard">
        <section className="card dashboard__panel" aria-labelledby="occupancy-title">
          <h2 id="occupancy-title">{t('dashboard.occupancy.title')}</h2>
          <ErrorNotice error={occupancyError} />
          {zones ? (
            <ZoneOccupancyTable zones={zones} days={days} />
          ) : (
            !occupancyError && <Loading />
          )}
        </section>
        <section className="card dashboard__panel" aria-labelledby="starts-title">
          <h2 id="starts-title">{t('dashboard.starts.title')}</h2>
          <ErrorNotice error={startsError} />
          {hours ? <StartsChart hours={hours} /> : !startsError && <Loading />}
        </section>
      </div>
    </section>
  );
}
