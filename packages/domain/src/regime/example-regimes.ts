import type { IsoWeekday } from '../time/local-date.js';
import type { Regime, TimeWindow, WeeklyWindow } from './regime.js';

/** Local wall time 'HH:mm' (24:00 allowed) as minutes since midnight. */
export function hm(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`not a time: ${time}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 1440) throw new RangeError(`not a time: ${time}`);
  return minutes;
}

export function everyDay(window: TimeWindow, days: readonly IsoWeekday[]): WeeklyWindow[] {
  return days.map((weekday) => ({ weekday, ...window }));
}

const monToSat: IsoWeekday[] = [1, 2, 3, 4, 5, 6];
const allWeek: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Paid parking Mon–Sat 09:00–21:00 and Sun 12:00–17:00 (docs/rules.md §3, source 002). */
export const cityCentreRegime: Regime = {
  weekly: [
    ...everyDay({ from: hm('09:00'), to: hm('21:00') }, monToSat),
    { weekday: 7, from: hm('12:00'), to: hm('17:00') },
  ],
  exceptions: [],
};

/** Permit-holder spaces: a session is always needed, Mon–Sun 00:00–24:00 (docs/rules.md §3, source 002). */
export const permitHolderRegime: Regime = {
  weekly: everyDay({ from: 0, to: hm('24:00') }, allWeek),
  exceptions: [],
};
