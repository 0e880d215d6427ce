import type { EntityManager } from '@mikro-orm/core';
import { sqlDate } from '../../db/sql-date.js';

/** How many sessions run in a zone at a moment. */
export interface ZoneCount {
  readonly zoneId: string;
  readonly code: string;
  readonly name: string;
  readonly running: number;
}

/**
 * Sessions running at `at` per zone of a municipality (or in one of its zones): started, not
 * yet at their end and not stopped. A session past its end counts as ended even before its
 * settlement ran, and a planned one as running from its start.
 */
export async function zoneCounts(
  em: EntityManager,
  municipalityId: string,
  at: Date,
  zoneId: string | null = null,
): Promise<ZoneCount[]> {
  const moment = sqlDate(em, at);
  const rows: { zone_id: string; code: string; name: string; running: number | string }[] = await em
    .getConnection()
    .execute(
      `select z.id as zone_id, z.code, z.name, count(s.id) as running
       from zone z
       left join permit p on p.zone_id = z.id
       left join parking_session s on s.permit_id = p.id
        and s.status in ('planned', 'running') and s.start <= ? and s."end" > ?
        and s.stopped_at is null
      where z.municipality_id = ? ${zoneId ? 'and z.id = ?' : ''}
      group by z.id, z.code, z.name
      order by z.code`,
      [moment, moment, municipalityId, ...(zoneId ? [zoneId] : [])],
    );
  return rows.map((row) => ({
    zoneId: row.zone_id,
    code: row.code,
    name: row.name,
    // PostgreSQL's count is a bigint, which the driver hands over as a string.
    running: Number(row.running),
  }));
}

/** Where a permit's sessions count: its zone and municipality. */
export async function placeOfPermit(
  em: EntityManager,
  permitId: string,
): Promise<{ zoneId: string; municipalityId: string } | null> {
  const [row]: { zone_id: string; municipality_id: string }[] = await em
    .getConnection()
    .execute('select zone_id, municipality_id from permit where id = ?', [permitId]);
  return row ? { zoneId: row.zone_id, municipalityId: row.municipality_id } : null;
}
