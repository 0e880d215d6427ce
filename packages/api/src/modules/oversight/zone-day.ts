import type { EntityManager } from '@mikro-orm/core';
import { sqlDate } from '../../db/sql-date.js';
import { hoursOfDay } from './session-starts.js';

/** Sessions that ran in a zone during one hour of the local day; null for an hour still to come. */
export interface ZoneHour {
  readonly hour: number;
  readonly start: Date;
  readonly sessions: number | null;
}

export interface ZoneDay {
  readonly zoneId: string;
  readonly code: string;
  readonly name: string;
  readonly hours: readonly ZoneHour[];
}

const hourMs = 3_600_000;
const ms = (value: Date | number | string) =>
  // SQLite hands over epoch milliseconds, PostgreSQL a Date.
  value instanceof Date ? value.getTime() : new Date(value).getTime();

/**
 * Each zone of a municipality over its local day holding `now`: per hour, the sessions that ran
 * in it at some moment of that hour up to now (a session stopped early ran until it was stopped;
 * a deleted one never ran). The hours are those of `hoursOfDay` (23, 24 or 25); hours after the
 * current one have no count yet.
 */
export async function zoneDays(
  em: EntityManager,
  municipalityId: string,
  now: Date,
): Promise<ZoneDay[]> {
  const [town]: { time_zone: string }[] = await em
    .getConnection()
    .execute('select time_zone from municipality where id = ?', [municipalityId]);
  const hours = hoursOfDay(now, town!.time_zone);
  const first = hours[0]!.start;
  const zones: { id: string; code: string; name: string }[] = await em
    .getConnection()
    .execute('select id, code, name from zone where municipality_id = ? order by code', [
      municipalityId,
    ]);
  const sessions: {
    zone_id: string;
    start: Date | number | string;
    end: Date | number | string;
    stopped_at: Date | number | string | null;
  }[] = await em.getConnection().execute(
    `select p.zone_id, s.start, s."end", s.stopped_at from parking_session s
       join permit p on p.id = s.permit_id
      where p.municipality_id = ? and s.status <> 'deleted'
        and s.start <= ? and s."end" > ?`,
    [municipalityId, sqlDate(em, now), sqlDate(em, first)],
  );
  const nowMs = now.getTime();
  return zones.map((zone) => {
    const own = sessions
      .filter((session) => session.zone_id === zone.id)
      .map((session) => {
        const end = ms(session.end);
        const stopped = session.stopped_at == null ? end : ms(session.stopped_at);
        return { from: ms(session.start), until: Math.min(end, stopped) };
      });
    return {
      zoneId: zone.id,
      code: zone.code,
      name: zone.name,
      hours: hours.map(({ hour, start }) => {
        const from = start.getTime();
        if (from > nowMs) return { hour, start, sessions: null };
        const until = Math.min(from + hourMs, nowMs + 1);
        const running = own.filter((s) => s.from < until && s.until > from).length;
        return { hour, start, sessions: running };
      }),
    };
  });
}
