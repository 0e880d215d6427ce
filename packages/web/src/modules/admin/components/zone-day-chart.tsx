import { useTranslation } from 'react-i18next';
import { daySummary, sparkline, type ZoneHourBar } from '../zone-day.js';

const width = 120;
const height = 32;

/**
 * A zone's day as a small line chart in inline SVG: sessions per hour up to now, on the town's
 * scale (`max`, so zones compare), the current hour as a dot. Screen readers get its summary.
 */
export function ZoneDayChart({
  zoneCode,
  bars,
  max,
}: {
  zoneCode: string;
  bars: readonly ZoneHourBar[];
  max: number;
}) {
  const { t } = useTranslation('admin');
  const chart = sparkline(bars, max, width, height);
  const { peak, now } = daySummary(bars);
  const label = peak
    ? t('dashboard.day.summary', {
        zone: zoneCode,
        from: peak.from,
        to: peak.to,
        count: peak.sessions,
        now: now ?? 0,
      })
    : t('dashboard.day.none', { zone: zoneCode });
  return (
    <svg
      className="zone-day"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid="zone-day-chart"
      data-now={now ?? ''}
      data-peak={peak?.sessions ?? 0}
    >
      <line className="zone-day__base" x1="0" x2={width} y1={height - 0.5} y2={height - 0.5} />
      {chart.area && <path className="zone-day__area" d={chart.area} />}
      {chart.line && <path className="zone-day__line" d={chart.line} />}
      {chart.current && (
        <circle className="zone-day__now" cx={chart.current.x} cy={chart.current.y} r="2.5" />
      )}
    </svg>
  );
}
