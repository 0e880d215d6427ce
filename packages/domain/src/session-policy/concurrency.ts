import type { Interval } from '../regime/regime.js';

/** The most of `sessions` that run at the same moment inside `interval`. */
export function peakOverlap(sessions: readonly Interval[], interval: Interval): number {
  const events: [time: number, delta: number][] = [];
  for (const session of sessions) {
    const start = Math.max(session.start.getTime(), interval.start.getTime());
    const end = Math.min(session.end.getTime(), interval.end.getTime());
    if (end > start) events.push([start, 1], [end, -1]);
  }
  // Ends before starts at the same instant: back-to-back sessions do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let peak = 0;
  for (const [, delta] of events) {
    running += delta;
    peak = Math.max(peak, running);
  }
  return peak;
}

/**
 * The earliest start at or after `interval.start` at which an interval of the same length has a
 * free slot, i.e. fewer than `limit` of `sessions` at any moment. Only the ends of sessions can
 * free a slot, so those are the candidates.
 */
export function earliestFreeStart(
  sessions: readonly Interval[],
  interval: Interval,
  limit: number,
): Date | null {
  const length = interval.end.getTime() - interval.start.getTime();
  const candidates = [
    interval.start.getTime(),
    ...sessions.map((s) => s.end.getTime()).filter((end) => end > interval.start.getTime()),
  ].sort((a, b) => a - b);
  for (const start of candidates) {
    const probe = { start: new Date(start), end: new Date(start + length) };
    if (peakOverlap(sessions, probe) < limit) return probe.start;
  }
  return null;
}

/**
 * The latest end for an interval starting at `start` that keeps fewer than `limit` sessions at
 * every moment: the first moment at or after `start` at which `limit` sessions run.
 */
export function latestFreeEnd(
  sessions: readonly Interval[],
  start: Date,
  until: Date,
  limit: number,
): Date {
  const candidates = [
    start.getTime(),
    ...sessions
      .map((s) => s.start.getTime())
      .filter((t) => t > start.getTime() && t < until.getTime()),
  ].sort((a, b) => a - b);
  for (const moment of candidates) {
    const running = sessions.filter(
      (s) => s.start.getTime() <= moment && s.end.getTime() > moment,
    ).length;
    if (running >= limit) return new Date(moment);
  }
  return until;
}
