import { hourBars, type HourBar } from './hour-chart.js';

/** An hour of a zone's day as the API counts it: sessions that ran in it; null: still to come. */
export interface ZoneHour {
  readonly hour: number;
  readonly start: string;
  readonly sessions: number | null;
}

/** A zone's hour with its wall-clock range (see `hourBars`). */
export type ZoneHourBar = HourBar & { readonly sessions: number | null };

/** The hours of a zone's day, labelled on the town's clock, the current one marked. */
export function zoneHourBars(hours: readonly ZoneHour[], now: Date): ZoneHourBar[] {
  const bars = hourBars(
    hours.map((hour) => ({ hour: hour.hour, start: hour.start, count: hour.sessions ?? 0 })),
    now,
  );
  return bars.map((bar, index) => ({ ...bar, sessions: hours[index]!.sessions }));
}

/** The busiest hour so far (the first of equals) and the current hour's count. */
export function daySummary(bars: readonly ZoneHourBar[]): {
  peak: ZoneHourBar | null;
  now: number | null;
} {
  let peak: ZoneHourBar | null = null;
  for (const bar of bars) {
    if (bar.sessions !== null && bar.sessions > 0 && bar.sessions > (peak?.sessions ?? 0)) {
      peak = bar;
    }
  }
  return { peak, now: bars.find((bar) => bar.current)?.sessions ?? null };
}

export interface Sparkline {
  /** SVG path of the line through the hours that have a count. */
  readonly line: string;
  /** The same, closed along the bottom: the area under it. */
  readonly area: string;
  /** Where the current hour's point is, if it has a count. */
  readonly current: { readonly x: number; readonly y: number } | null;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A zone's day as a small line chart in a `width` × `height` box: one point per hour (at the
 * hour's middle), up to the last hour with a count, scaled to `max` so zones compare.
 */
export function sparkline(
  bars: readonly ZoneHourBar[],
  max: number,
  width: number,
  height: number,
): Sparkline {
  const step = width / Math.max(1, bars.length);
  const top = 2;
  const scale = (height - top) / Math.max(1, max);
  const points = bars
    .map((bar, index) =>
      bar.sessions === null
        ? null
        : {
            x: round(step * index + step / 2),
            y: round(height - bar.sessions * scale),
            current: bar.current,
          },
    )
    .filter((point) => point !== null);
  if (points.length === 0) return { line: '', area: '', current: null };
  const line = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`);
  const first = points[0]!;
  const last = points.at(-1)!;
  const area = [...line, `L${last.x},${height}`, `L${first.x},${height}`, 'Z'];
  const current = points.find((point) => point.current);
  return {
    line: line.join(' '),
    area: area.join(' '),
    current: current ? { x: current.x, y: current.y } : null,
  };
}
