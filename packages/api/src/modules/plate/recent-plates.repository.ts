import { anonymisedPlate } from '../../model/parking-session.entity.js';
import type { EntityManager } from '@mikro-orm/core';

export interface RecentPlate {
  readonly plate: string;
  readonly country: string;
  readonly lastStart: Date;
}

export interface RecentPlatesQuery {
  readonly permitId: string;
  /** A delegate's view: only the sessions of this delegation. */
  readonly delegationId: string | null;
  readonly excludeFavorites: boolean;
  readonly limit: number;
}

interface Row {
  plate: string;
  country: string;
  last_start: Date | number | string;
}

/**
 * The distinct plates of a permit's sessions (deleted planned ones never happened), latest
 * first, in one statement. Plain SQL that both SQLite and PostgreSQL read alike: MikroORM's
 * query builder would add nothing but a dependency on the knex package here.
 */
export async function findRecentPlates(
  em: EntityManager,
  query: RecentPlatesQuery,
): Promise<RecentPlate[]> {
  const params: unknown[] = [query.permitId];
  let sql =
    'select s.plate, s.country, max(s.start) as last_start from parking_session s ' +
    "where s.permit_id = ? and s.status <> 'deleted' and s.plate <> ?";
  params.push(anonymisedPlate);
  if (query.delegationId) {
    sql += ' and s.delegation_id = ?';
    params.push(query.delegationId);
  }
  if (query.excludeFavorites) {
    sql +=
      ' and not exists (select 1 from favorite f' +
      ' where f.permit_id = s.permit_id and f.plate = s.plate)';
  }
  sql += ' group by s.plate, s.country order by last_start desc, s.plate limit ?';
  params.push(query.limit);
  const rows = (await em.getConnection().execute(sql, params, 'all')) as Row[];
  return rows.map((row) => ({
    plate: row.plate,
    country: row.country,
    lastStart: dateOf(row.last_start),
  }));
}

/** SQLite keeps datetimes as epoch milliseconds; PostgreSQL's driver returns a Date. */
function dateOf(value: Date | number | string): Date {
  if (typeof value === 'string' && /^\d+$/.test(value)) return new Date(Number(value));
  return new Date(value);
}
