import { useTranslation } from 'react-i18next';
import { hourBars, type HourCount } from '../hour-chart.js';

/**
 * Today's starts per hour as bars in plain HTML and CSS (no chart library: the page stays
 * small). Every bar is a list item that says its hour and count to screen readers; the
 * numbers on screen are decoration for the eye. A bar's height is its share of the busiest hour.
 */
export function StartsChart({ hours }: { hours: readonly HourCount[] }) {
  const { t } = useTranslation('admin');
  const bars = hourBars(hours, new Date());
  const busiest = Math.max(1, ...bars.map((bar) => bar.count));
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  const current = bars.find((bar) => bar.current);
  return (
    <figure className="hour-chart">
      <ol className="hour-chart__bars" aria-label={t('dashboard.starts.title')}>
        {bars.map((bar) => (
          <li
            key={bar.start}
            className="hour-chart__hour"
            data-testid="hour-bar"
            data-from={bar.from}
            data-count={bar.count}
            data-current={bar.current}
            data-tick={bar.hour % 3 === 0 && bar.repeat !== 'winterTime'}
            aria-current={bar.current ? 'time' : undefined}
          >
            <span className="hour-chart__count" aria-hidden="true">
              {bar.count > 0 ? bar.count : ''}
            </span>
            <span
              className="hour-chart__bar"
              style={{ height: `${(bar.count / busiest) * 100}%` }}
              aria-hidden="true"
            />
            <span className="hour-chart__label" aria-hidden="true">
              {bar.from.slice(0, 2)}
              {bar.repeat === 'winterTime' ? '′' : ''}
            </span>
            <span className="visually-hidden">
              {t('dashboard.starts.hour', { from: bar.from, to: bar.to, count: bar.count })}
              {bar.repeat && ` (${t(`dashboard.starts.${bar.repeat}`)})`}
              {bar.current && ` ${t('dashboard.starts.currentHour')}`}
            </span>
          </li>
        ))}
      </ol>
      <figcaption>
        <span data-testid="starts-total">{t('dashboard.starts.total', { count: total })}</span>
        {current && (
          <>
            {' '}
            {t('dashboard.starts.thisHour', {
              from: current.from,
              to: current.to,
              count: current.count,
            })}
          </>
        )}
        {hours.length === 23 && <> {t('dashboard.starts.shortDay')}</>}
        {hours.length === 25 && <> {t('dashboard.starts.longDay')}</>}
      </figcaption>
    </figure>
  );
}
