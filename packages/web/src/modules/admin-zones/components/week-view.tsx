import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { windowsOnDate, type Regime } from '@parkeer/domain/regime/regime';
import { addDays, isoWeekdayOf, type LocalDate } from '@parkeer/domain/time/local-date';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { displayTimeZone, useFormats } from '../../../app/ui/format.js';
import { timeOf } from '../regime-form.js';

const dayMinutes = 24 * 60;

/** The Monday of the week a date is in. */
export const mondayOf = (date: LocalDate): LocalDate => addDays(date, 1 - isoWeekdayOf(date));

/**
 * A week of the saved regime as it falls on real dates, exceptions included: what a resident
 * pays for on each day. Drawn as bars over the day, told as times for screen readers.
 */
export function WeekView({
  regime,
}: {
  regime: { weekly: readonly unknown[]; exceptions: readonly unknown[] };
}) {
  const { t } = useTranslation('admin-zones');
  const formats = useFormats();
  const [monday, setMonday] = useState(() => mondayOf(localDateOf(new Date(), displayTimeZone)));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const typed = regime as Regime;
  return (
    <section aria-labelledby="week-title" className="admin-zones__week">
      <h2 id="week-title">{t('week.title')}</h2>
      <div className="admin-zones__week-nav">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setMonday(addDays(monday, -7))}
        >
          {t('week.previous')}
        </button>
        <span>{t('week.of', { date: formats.date(`${monday}T12:00:00Z`) })}</span>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setMonday(addDays(monday, 7))}
        >
          {t('week.next')}
        </button>
      </div>
      <ul className="admin-zones__week-days">
        {days.map((date) => {
          const windows = windowsOnDate(typed, date);
          const exception = typed.exceptions.find((e) => e.date === date);
          const hours =
            windows.length === 0
              ? t('regime.free')
              : windows.map((w) => `${timeOf(w.from)}–${timeOf(w.to)}`).join(', ');
          return (
            <li key={date} className="admin-zones__week-day">
              <span className="admin-zones__week-date">
                {t(`days.${isoWeekdayOf(date)}`)} {formats.date(`${date}T12:00:00Z`)}
              </span>
              <span className="admin-zones__week-bar" aria-hidden="true">
                {windows.map((w) => (
                  <span
                    key={w.from}
                    className="admin-zones__week-paid"
                    style={{
                      left: `${(w.from / dayMinutes) * 100}%`,
                      width: `${((w.to - w.from) / dayMinutes) * 100}%`,
                    }}
                  />
                ))}
              </span>
              <span className="admin-zones__week-hours">
                {hours}
                {exception && (
                  <em className="admin-zones__week-exception">
                    {' '}
                    · {exception.label ?? t('week.exception')}
                  </em>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
