import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { isLocalDate } from '../time/local-date.js';
import { minutesPerDay } from '../time/zoned-time.js';
import type { Regime, TimeWindow } from './regime.js';

export interface RegimeProblem {
  readonly code: Extract<ErrorCode, `REGIME_${string}`>;
  /** Where the problem is, e.g. `weekly[2]` or `exceptions[0].windows[1]`. */
  readonly path: string;
}

function windowProblems(windows: readonly TimeWindow[], path: string): RegimeProblem[] {
  const problems: RegimeProblem[] = [];
  windows.forEach((window, index) => {
    const at = `${path}[${index}]`;
    const inRange = (minute: number) =>
      Number.isInteger(minute) && minute >= 0 && minute <= minutesPerDay;
    if (!inRange(window.from) || !inRange(window.to)) {
      problems.push({ code: 'REGIME_TIME_OUT_OF_RANGE', path: at });
    } else if (window.to <= window.from) {
      problems.push({ code: 'REGIME_WINDOW_ENDS_BEFORE_START', path: at });
    }
  });
  const sorted = [...windows].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.from < previous.to) problems.push({ code: 'REGIME_WINDOWS_OVERLAP', path });
  }
  return problems;
}

/** Every problem in a regime an admin entered, so the back office can show them all at once. */
export function validateRegime(regime: Regime): RegimeProblem[] {
  const problems: RegimeProblem[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const windows = regime.weekly.filter((window) => window.weekday === weekday);
    problems.push(...windowProblems(windows, `weekly.${weekday}`));
  }
  regime.weekly.forEach((window, index) => {
    if (!Number.isInteger(window.weekday) || window.weekday < 1 || window.weekday > 7) {
      problems.push({ code: 'REGIME_INVALID_WEEKDAY', path: `weekly[${index}]` });
    }
  });
  const seen = new Set<string>();
  regime.exceptions.forEach((exception, index) => {
    const at = `exceptions[${index}]`;
    if (!isLocalDate(exception.date)) problems.push({ code: 'REGIME_INVALID_DATE', path: at });
    if (seen.has(exception.date)) problems.push({ code: 'REGIME_DUPLICATE_EXCEPTION', path: at });
    seen.add(exception.date);
    problems.push(...windowProblems(exception.windows, `${at}.windows`));
  });
  return problems;
}
