import type { Regime } from '@parkeer/domain/regime/regime';
import type { IsoWeekday } from '@parkeer/domain/time/local-date';

/** A window as the form holds it: local times 'HH:MM', and the index it has in the request. */
export interface WindowDraft {
  readonly from: string;
  readonly to: string;
}

export interface ExceptionDraft {
  readonly date: string;
  readonly label: string;
  readonly windows: readonly WindowDraft[];
}

export interface RegimeDraft {
  /** Windows per ISO weekday, 1 (Monday) … 7 (Sunday). */
  readonly days: Readonly<Record<IsoWeekday, readonly WindowDraft[]>>;
  readonly exceptions: readonly ExceptionDraft[];
}

interface RegimeData {
  readonly weekly: readonly { weekday: number; from: number; to: number }[];
  readonly exceptions: readonly {
    date: string;
    label?: string | null;
    windows: readonly { from: number; to: number }[];
  }[];
}

export const weekdays: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Minutes after midnight as 'HH:MM'; the end of the day (1440) reads as '24:00'. */
export function timeOf(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * 'HH:MM' as minutes after midnight. An end of '00:00' is midnight at the end of the day, the
 * way people write "until midnight"; a time input cannot show '24:00'. Unreadable: NaN, which
 * the API refuses with the field's problem.
 */
export function minutesOf(time: string, isEnd = false): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return Number.NaN;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return isEnd && minutes === 0 ? 1440 : minutes;
}

/** What the form starts from: a regime as the domain or the API (label null) has it. */
export function draftOf(regime: Regime | RegimeData): RegimeDraft {
  const days = Object.fromEntries(
    weekdays.map((weekday) => [
      weekday,
      regime.weekly
        .filter((window) => window.weekday === Number(weekday))
        .map((window) => ({ from: timeOf(window.from), to: timeOf(window.to) })),
    ]),
  ) as Record<IsoWeekday, WindowDraft[]>;
  return {
    days,
    exceptions: regime.exceptions.map((exception) => ({
      date: exception.date,
      label: exception.label ?? '',
      windows: exception.windows.map((w) => ({ from: timeOf(w.from), to: timeOf(w.to) })),
    })),
  };
}

/** The regime as the API takes it (plain arrays, as GraphQL input types are). */
export interface RegimeInput {
  weekly: { weekday: IsoWeekday; from: number; to: number }[];
  exceptions: { date: string; label?: string; windows: { from: number; to: number }[] }[];
}

/** The request's regime, and for each weekday window its index in `weekly` (problem paths). */
export function regimeOf(draft: RegimeDraft): {
  regime: RegimeInput;
  weeklyIndex: Map<string, number>;
} {
  const weekly: { weekday: IsoWeekday; from: number; to: number }[] = [];
  const weeklyIndex = new Map<string, number>();
  for (const weekday of weekdays) {
    draft.days[weekday].forEach((window, index) => {
      weeklyIndex.set(`${weekday}.${index}`, weekly.length);
      weekly.push({ weekday, from: minutesOf(window.from), to: minutesOf(window.to, true) });
    });
  }
  return {
    regime: {
      weekly,
      exceptions: draft.exceptions.map((exception) => ({
        date: exception.date,
        ...(exception.label.trim() ? { label: exception.label.trim() } : {}),
        windows: exception.windows.map((w) => ({
          from: minutesOf(w.from),
          to: minutesOf(w.to, true),
        })),
      })),
    },
    weeklyIndex,
  };
}
