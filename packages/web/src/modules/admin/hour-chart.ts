import { wallClockOf } from '@parkeer/domain/time/zoned-time';
import { displayTimeZone } from '../../app/ui/format.js';

/** An hour of the day as the API counts it. */
export interface HourCount {
  readonly hour: number;
  /** The hour's first instant (ISO). */
  readonly start: string;
  readonly count: number;
}

/** A bar of the chart: the hour with its wall-clock range and what sets it apart. */
export interface HourBar extends HourCount {
  /** 'HH:00' at the start and at the end, on the town's clock. */
  readonly from: string;
  readonly to: string;
  /** When 02:00 comes twice (autumn): the first is summer time, the second winter time. */
  readonly repeat: 'summerTime' | 'winterTime' | null;
  /** The hour that holds `now`. */
  readonly current: boolean;
}

const hourMs = 3_600_000;

const pad = (value: number) => String(value).padStart(2, '0');

const clockOf = (instant: Date, timeZone: string) => {
  const minutes = wallClockOf(instant, timeZone).minuteOfDay;
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
};

/**
 * The bars of a day's hours. Ranges are read off the town's clock, so on the spring change the
 * hour after 01:00 reads 01:00–03:00, and on the autumn change the two 02:00–03:00 hours are told
 * apart as summer and winter time.
 */
export function hourBars(
  hours: readonly HourCount[],
  now: Date,
  timeZone = displayTimeZone,
): HourBar[] {
  return hours.map((hour, index) => {
    const start = new Date(hour.start);
    const twin = hours.findIndex((other, at) => at !== index && other.hour === hour.hour);
    const repeat = twin === -1 ? null : twin > index ? 'summerTime' : 'winterTime';
    return {
      ...hour,
      from: clockOf(start, timeZone),
      // The summer-time 02:00 hour ends at 03:00 summer time, which the clock shows as 02:00.
      to: repeat
        ? `${pad(hour.hour + 1)}:00`
        : clockOf(new Date(start.getTime() + hourMs), timeZone),
      repeat,
      current: start.getTime() <= now.getTime() && now.getTime() < start.getTime() + hourMs,
    };
  });
}
