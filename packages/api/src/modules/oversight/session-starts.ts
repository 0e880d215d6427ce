import type { EntityManager } from '@mikro-orm/core';
import { endOfDay, localDateOf, startOfDay, wallClockOf } from '@parkeer/domain/time/zoned-time';
import { sqlDate } from '../../db/sql-date.js';

/** Sessions that started in one hour of a local day. */
export interface HourStarts {
  /** The local hour, 0–23, of the hour's first instant. */
  readonly hour: number;
  /** The hour's first instant. */
  readonly start: Date;
  readonly count: number;
}

const hourMs = 3_600_000;

/**
 * The hours of the local day that holds `at`, each by its first instant. Stepping an hour of
 * real time from local midnight keeps the buckets honest across a clock change: the spring day
 * has 23 (no 02:00), the autumn day 25 (02:00 twice, one per offset). This holds for zones whose
 * offsets are whole hours, which every Dutch town's is.
 */
export function hoursOfDay(at: Date, timeZone: string): { hour: number; start: Date }[] {
  const day = localDateOf(at, timeZone);
  const end = endOfDay(day, timeZone).getTime();
  const hours: { hour: number; start: Date }[] = [];
  for (let ms = startOfDay(day, timeZone).getTime(); ms < end; ms += hourMs) {
    const start = new Date(ms);
    hours.push({ hour: Math.floor(wallClockOf(start, timeZone).minuteOfDay / 60), start });
  }
  return hours;
}

/**
 * Sessions of a municipality's permits per hour of its local day holding `now`, counted by their
 * start: every hour of the day is there (later hours with 0). A session counts once it has
 * started (a planned one from its start on); a planned one taken back never started.
 */
export async function sessionStartsToday(
  em: EntityManager,
  municipalityId: string,
  now: Date,
): Promise<HourStarts[]> {
  const [town]: { time_zone: string }[] = await em
    .getConnection()
    .execute('select time_zone from municipality where id = ?', [municipalityId]);
  const hours = hoursOfDay(now, town!.time_zone);
  const first = hours[0]!.start;
  const end = new Date(hours.at(-1)!.start.getTime() + hourMs);
  const rows: { start: Date | number | string }[] = await em.getConnection().execute(
    `select s.start from parking_session s join permit p on p.id = s.permit_id
      where p.municipality_id = ? and s.status <> 'deleted'
        and s.start >= ? and s.start < ? and s.start <= ?`,
    [municipalityId, sqlDate(em, first), sqlDate(em, end), sqlDate(em, now)],
  );
  const counts = new Array<number>(hours.length).fill(0);
  for (const row of rows) {
    // SQLite hands over epoch milliseconds, PostgreSQL a Date.
    const ms = row.start instanceof Date ? row.start.getTime() : new Date(row.start).getTime();
    const index = Math.floor((ms - first.getTime()) / hourMs);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return hours.map((hour, index) => ({ ...hour, count: counts[index]! }));
}
