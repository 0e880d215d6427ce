import { describe, expect, it } from 'vitest';
import { daySummary, sparkline, zoneHourBars, type ZoneHour } from './zone-day.js';

// 23 November 2026, Europe/Amsterdam (UTC+1): local midnight is 23:00 UTC the day before.
const day = (counts: (number | null)[]): ZoneHour[] =>
  counts.map((sessions, hour) => ({
    hour,
    start: new Date(Date.UTC(2026, 10, 22, 23 + hour)).toISOString(),
    sessions,
  }));
const at1030 = new Date('2026-11-23T09:30:00Z');

describe("a zone's day", () => {
  const counts = [0, 0, 0, 0, 0, 0, 0, 1, 3, 2, 1, ...new Array<null>(13).fill(null)];

  it('labels the hours on the town clock, marks the current one and finds the busiest', () => {
    const bars = zoneHourBars(day(counts), at1030);
    expect(bars[10]).toMatchObject({ from: '10:00', to: '11:00', current: true, sessions: 1 });
    expect(daySummary(bars)).toMatchObject({ peak: { from: '08:00', sessions: 3 }, now: 1 });
    expect(daySummary(zoneHourBars(day([0, 0, null]), at1030))).toEqual({ peak: null, now: null });
  });

  it('draws a line up to the current hour, scaled to the maximum given', () => {
    const bars = zoneHourBars(day(counts), at1030);
    const chart = sparkline(bars, 4, 240, 42);
    // 24 hours in 240 units: 10 each, points in the middle; 4 sessions fill 40 of the 42 units.
    expect(chart.line.startsWith('M5,42 L15,42')).toBe(true);
    expect(chart.line.split(' ')).toHaveLength(11);
    expect(chart.line).toContain('L85,12');
    expect(chart.current).toEqual({ x: 105, y: 32 });
    expect(chart.area.endsWith('L105,42 L5,42 Z')).toBe(true);
    expect(sparkline(zoneHourBars(day([null, null]), at1030), 1, 10, 10)).toEqual({
      line: '',
      area: '',
      current: null,
    });
  });
});
