import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { isLocalDate } from '../time/local-date.js';
import { minutesPerDay } from '../time/zoned-time.js';
import type { Regime, TimeWindow } from './regime.js';

export interface RegimeProblem {
  readonly code: Extract<ErrorCode, `REGIME_${string}`>;
  /** Where the problem is, e.g. `weekly[2]` or `exceptions[0].windows[1]`. */
  readonly path: string;
}

const isMinuteOfDay = (minute: number) =>
  Number.isInteger(minute) && minute >= 0 && minute <= minutesPerDay;

/** Problems of windows that share a day; `paths[i]` says where window `i` is in the regime. */
function windowProblems(windows: readonly TimeWindow[], paths: readonly string[]): RegimeProblem[] {
  const problems: RegimeProblem[] = [];
  windows.forEach((window, index) => {
    if (!isMinuteOfDay(window.from) || !isMinuteOfDay(window.to)) {
      problems.push({ code: 'REGIME_TIME_OUT_OF_RANGE', path: paths[index]! });
    } else if (window.to <= window.from) {
      problems.push({ code: 'REGIME_WINDOW_ENDS_BEFORE_START', path: paths[index]! });
    }
  });
  // Every pair, so a long window that overlaps several short ones is named once per overlap.
  windows.forEach((window, i) => {
    for (let j = i + 1; j < windows.length; j++) {
      const other = windows[j]!;
      if (window.from < other.to && other.from < window.to) {
        problems.push({ code: 'REGIME_WINDOWS_OVERLAP', path: paths[j]! });
      }
    }
  });
  return problems;
}

/** Every problem in a regime an admin entered, so the back office can show them all at once. */
export function validateRegime(regime: Regime): RegimeProblem[] {
  const problems: RegimeProblem[] = [];
  const validWeekday = (weekday: number) =>
    Number.isInteger(weekday) && weekday >= 1 && weekday <= 7;
  regime.weekly.forEach((window, index) => {
    if (!validWeekday(window.weekday)) {
      problems.push({ code: 'REGIME_INVALID_WEEKDAY', path: `weekly[${index}]` });
      problems.push(...windowProblems([window], [`weekly[${index}]`]));
    }
  });
  for (let weekday = 1; weekday <= 7; weekday++) {
    const indexes = regime.weekly.flatMap((window, index) =>
      window.weekday === weekday ? [index] : [],
    );
    problems.push(
      ...windowProblems(
        indexes.map((index) => regime.weekly[index]!),
        indexes.map((index) => `weekly[${index}]`),
      ),
    );
  }
  const seen = new Set<string>();
  regime.exceptions.forEach((exception, index) => {
    const at = `exceptions[${index}]`;
    if (!isLocalDate(exception.date)) problems.push({ code: 'REGIME_INVALID_DATE', path: at });
    if (seen.has(exception.date)) problems.push({ code: 'REGIME_DUPLICATE_EXCEPTION', path: at });
    seen.add(exception.date);
    problems.push(
      ...windowProblems(
        exception.windows,
        exception.windows.map((_, w) => `${at}.windows[${w}]`),
      ),
    );
  });
  return problems;
}
