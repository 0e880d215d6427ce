import { describe, expect, it } from 'vitest';
import { hourBars, type HourCount } from './hour-chart.js';

/** The API's buckets of a day: hourly from the first instant, `length` of them. */
function day(first: string, hours: readonly number[]): HourCount[] {
  return hours.map((hour, index) => ({
    hour,
    start: new Date(new Date(first).getTime() + index * 3_600_000).toISOString(),
    count: index,
  }));
}
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the bars of the starts-per-hour chart', () => {
  it('reads each hour off the town clock and marks the hour holding now', () => {
    const bars = hourBars(
      day('2026-11-22T23:00:00Z', range(0, 23)),
      new Date('2026-11-23T09:15:00Z'),
    );
    expect(bars).toHaveLength(24);
    expect(bars[10]).toMatchObject({ from: '10:00', to: '11:00', repeat: null, current: true });
    expect(bars.filter((bar) => bar.current)).toHaveLength(1);
    expect(bars[23]).toMatchObject({ from: '23:00', to: '00:00' });
  });

  it('shows the spring gap in the range of the hour before it', () => {
    const bars = hourBars(day('2027-03-27T23:00:00Z', [0, 1, ...range(3, 23)]), new Date(0));
    expect(bars).toHaveLength(23);
    expect(bars[1]).toMatchObject({ from: '01:00', to: '03:00', repeat: null });
    expect(bars[2]).toMatchObject({ from: '03:00', to: '04:00' });
    expect(bars.some((bar) => bar.current)).toBe(false);
  });

  it('tells the two 02:00 hours of the autumn change apart', () => {
    const bars = hourBars(
      day('2027-10-30T22:00:00Z', [0, 1, 2, 2, ...range(3, 23)]),
      new Date('2027-10-31T01:30:00Z'),
    );
    expect(bars).toHaveLength(25);
    expect(bars[2]).toMatchObject({ from: '02:00', to: '03:00', repeat: 'summerTime' });
    expect(bars[3]).toMatchObject({ from: '02:00', to: '03:00', repeat: 'winterTime' });
    expect(bars[3]!.current).toBe(true);
  });
});
