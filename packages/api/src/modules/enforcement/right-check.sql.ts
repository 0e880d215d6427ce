/*
 * The right-check's queries as plain SQL: this is the enforcement hot path, so it reads two
 * columns from indexed rows instead of hydrating entity graphs. Plain text with `?` placeholders
 * and no imports, so the benchmark's bare node:http + pg endpoint runs exactly the same lookup.
 * Identifiers are double-quoted where they are SQL keywords (`end`); SQLite and PostgreSQL agree.
 */

/** Parameters: municipality code, zone code. Rows: `id`, `municipality_id`. */
export const zoneIdSql = `select z.id, z.municipality_id from zone z
  join municipality m on m.id = z.municipality_id
  where m.code = ? and z.code = ?`;

/**
 * The zones of a town with their shapes, to find the zone of a device's position. Parameter:
 * municipality code. Rows: `id`, `code`, `municipality_id`, `shape` (JSON; text on SQLite).
 */
export const townZonesSql = `select z.id, z.code, z.municipality_id, z.shape from zone z
  join municipality m on m.id = z.municipality_id
  where m.code = ?`;

/** Where the queries read a check's plate, zone and moment from: SQL expressions. */
interface CheckColumns {
  readonly plate: string;
  readonly country: string;
  readonly zoneId: string;
  readonly at: string;
}

const outageQuery = (check: Pick<CheckColumns, 'zoneId' | 'at'>) =>
  `select window_start, window_end from outage_compensation
  where zone_id = ${check.zoneId} and window_start <= ${check.at} and window_end > ${check.at}
  order by window_start limit 1`;

/**
 * Outage windows of a zone that cover a moment (docs/rules.md §9 outages): the platform could not
 * register sessions then. Parameters: zone id, moment, moment. Rows: `window_start`, `window_end`.
 */
export const outageSql = outageQuery({ zoneId: '?', at: '?' });

/** The towns an enforcement account checks in. Parameter: account id. Rows: `municipality_id`. */
export const enforcementTownsSql = `select municipality_id from enforcement_town
  where account_id = ?`;

/**
 * Every right of a plate in a zone at a moment: visitor sessions (index parking_session(plate,
 * status)) and permits or exemptions with the plate as their active plate (index
 * permit_plate(plate)); a product valid in all the town's zones (a care permit) counts in any
 * zone of its town, one listing its zones in those (index product_type_zone(product_type_id,
 * zone_id); docs/rules.md §1 care permit). Written once for both the single check (bind
 * parameters) and the batch (columns of its rows), so the two cannot answer differently.
 * `from` and `select` put the batch's rows and their index in front.
 */
const rightsQuery = (
  check: CheckColumns,
  from = '',
  select = '',
) => `select ${select}'visitorSession' as kind, s."end" as until,
    null as product_kind
  from ${from}parking_session s join permit p on p.id = s.permit_id
  where s.plate = ${check.plate} and s.country = ${check.country} and s.status <> 'deleted'
    and p.zone_id = ${check.zoneId} and p.status = 'active'
    and s.start <= ${check.at} and s."end" > ${check.at}
    and (s.stopped_at is null or s.stopped_at > ${check.at})
  union all
  select ${select}case when t.kind = 'exemption' then 'exemption' else 'permit' end as kind,
    p.valid_until as until, t.kind as product_kind
  from ${from}permit_plate pp join permit p on p.id = pp.permit_id
    join product_type t on t.id = p.product_type_id
  where pp.plate = ${check.plate} and pp.country = ${check.country} and pp.active_slot is not null
    and (p.zone_id = ${check.zoneId} or (t.valid_in = 'allZones'
      and p.municipality_id = (select z.municipality_id from zone z where z.id = ${check.zoneId}))
      or (t.valid_in = 'listedZones' and exists (select 1 from product_type_zone v
        where v.product_type_id = t.id and v.zone_id = ${check.zoneId})))
    and p.status = 'active' and p.valid_from <= ${check.at}
    and (p.valid_until is null or p.valid_until > ${check.at})
    and t.kind in ('residentPermit', 'businessPermit', 'carePermit', 'contractorDayPermit',
      'exemption')`;

/**
 * One check in one statement, so it costs one round trip: the rows of `rightsQuery` (`kind` is
 * 'visitorSession', 'permit' or 'exemption'; `until` null when open-ended; `product_kind` the
 * product type's kind of a permit or exemption, e.g. 'residentPermit', null for a session), then
 * at most one row of kind 'outage' with the earliest outage window over the moment in
 * `window_start` and `window_end` (`outageQuery`). `window_*` are null on the rights' rows,
 * `until` and `product_kind` on the outage's.
 */
const checkQuery = (check: CheckColumns) => `select kind, until, product_kind,
    null as window_start, null as window_end
  from (${rightsQuery(check)}) r
  union all
  select 'outage', null, null, o.window_start, o.window_end
  from (${outageQuery(check)}) o`;

/** The kind of `checkQuery`'s row that carries the outage window, not a right. */
export const outageRowKind = 'outage';

/**
 * PostgreSQL: one check, its four values numbered and bound once (plate, country, zone id,
 * moment), so it runs as one named statement (db/prepared-statement.ts). Parameters: see
 * `checkParams`.
 */
export const checkPgSql = checkQuery({ plate: '$1', country: '$2', zoneId: '$3', at: '$4' });

/** SQLite (`?` placeholders, each value where the query reads it). Parameters: see `checkParams`. */
export const checkSqliteSql = checkQuery({ plate: '?', country: '?', zoneId: '?', at: '?' });

/** `at` is the moment as the dialect stores it (a Date on PostgreSQL, epoch ms on SQLite). */
export function checkParams(
  plate: string,
  country: string,
  zoneId: string,
  at: unknown,
  postgres: boolean,
): unknown[] {
  if (postgres) return [plate, country, zoneId, at];
  const sessions = [plate, country, zoneId, at, at, at];
  const permits = [plate, country, zoneId, zoneId, zoneId, at, at];
  const outage = [zoneId, at, at];
  return [...sessions, ...permits, ...outage];
}

/**
 * SQLite: a batch's checks as rows `q(idx, plate, country, zone_id, at)` of a VALUES list, `idx`
 * the check's place in the batch. Ids are compared as text, moments as epoch ms. Parameters:
 * plate, country, zone id, moment per check, in order.
 */
const valuesRows = (count: number) => {
  const rows = Array.from({ length: count }, (_, idx) => `(${idx}, ?, ?, ?, ?)`);
  return `with q (idx, plate, country, zone_id, at) as (values ${rows.join(', ')})\n`;
};

/**
 * PostgreSQL: the same rows from four arrays (plates, countries, zone ids, moments), so one text
 * serves every batch size and runs as a named statement, planned once per connection: with four
 * hundred parameters in a VALUES list, planning took longer than the lookups.
 */
const unnestRows = `with q as (select u.ord - 1 as idx, u.plate, u.country, u.zone_id, u.at
  from unnest(cast(? as text[]), cast(? as text[]), cast(? as uuid[]), cast(? as timestamptz[]))
    with ordinality as u (plate, country, zone_id, at, ord))\n`;

/** The batch's rows as the queries read them. */
const batchColumns: CheckColumns = {
  plate: 'q.plate',
  country: 'q.country',
  zoneId: 'q.zone_id',
  at: 'q.at',
};

/**
 * PostgreSQL: the rights of all checks of a batch in one query (docs/rules.md §9 batch), the
 * single check's query run for each row as a LATERAL subquery, so each plate is looked up as a
 * single check looks it up (the plate indexes, then the permit by its key) whatever the planner
 * believes of the tables. Joined to the rows instead, the plan rested on the tables' statistics:
 * without them (a freshly loaded database, autovacuum off) PostgreSQL hashed every active permit
 * against the batch, 290 ms for 100 plates instead of 5 (README, "Benchmarks"). Rows: `idx`,
 * `kind`, `until`, `product_kind`. Parameters: see `batchParams`.
 */
export const batchRightsPgSql = `${unnestRows}select q.idx, r.kind, r.until, r.product_kind
  from q cross join lateral (${rightsQuery(batchColumns)}) r`;

/**
 * PostgreSQL: the outage window covering each check of a batch, the one `outageSql` finds for a
 * single check. Rows: `idx`, `window_start`, `window_end`. Parameters: see `batchParams`.
 */
export const batchOutagePgSql = `${unnestRows}select q.idx, o.window_start, o.window_end
  from q cross join lateral (${outageQuery(batchColumns)}) o`;

/**
 * SQLite: the rights of all checks of a batch in one query, the single check's query joined to
 * the batch's rows (SQLite has no LATERAL; its planner walks the plate indexes by itself). Rows
 * and parameters as `batchRightsPgSql`'s.
 */
export const batchRightsSqliteSql = (count: number) =>
  valuesRows(count) + rightsQuery(batchColumns, 'q, ', 'q.idx, ');

/**
 * SQLite: the outage windows covering each check of a batch, earliest first per check (the first
 * is the one `outageSql` finds). Rows and parameters as `batchOutagePgSql`'s.
 */
export const batchOutageSqliteSql = (count: number) =>
  `${valuesRows(count)}select q.idx, o.window_start, o.window_end
  from q join outage_compensation o on o.zone_id = q.zone_id
  where o.window_start <= q.at and o.window_end > q.at
  order by q.idx, o.window_start`;

/** One check of a batch: the plate as normalised, its country, the zone's id, the moment. */
export type BatchCheck = readonly [plate: string, country: string, zoneId: string, at: unknown];

/**
 * The parameters of a batch query: on PostgreSQL four arrays (`unnestRows`), on SQLite the
 * checks' values one after the other (`valuesRows`).
 */
export function batchParams(checks: readonly BatchCheck[], postgres: boolean): unknown[] {
  return postgres
    ? [0, 1, 2, 3].map((column) => checks.map((check) => check[column]))
    : checks.flat();
}

/**
 * The zones of several towns with their shapes (a batch names its towns at once). Parameters:
 * the municipality codes. Rows: as `townZonesSql`, and `municipality_code`.
 */
export const townsZonesSql = (count: number) => `select z.id, z.code, z.municipality_id, z.shape,
  m.code as municipality_code from zone z
  join municipality m on m.id = z.municipality_id
  where m.code in (${Array.from({ length: count }, () => '?').join(', ')})`;

/**
 * The check log's table and columns (entity RightCheckLog), written as plain multi-row INSERTs by
 * the log writer: no entity is built or tracked. Values in this order: id, checked by (account
 * id; null for a machine key), checked at, checked for, zone id, valid, right kind (null when not
 * valid), created at, partner key id (a town's machine key; else null).
 */
export const logTable = 'right_check_log';
export const logColumns = [
  'id',
  'checked_by_id',
  'checked_at',
  'checked_for',
  'zone_id',
  'valid',
  'right_kind',
  'created_at',
  'partner_key_id',
] as const;

/** PostgreSQL's types of `logColumns`, in their order (the multi-row insert casts to them). */
export const logColumnTypes = [
  'uuid',
  'uuid',
  'timestamptz',
  'timestamptz',
  'uuid',
  'boolean',
  'text',
  'timestamptz',
  'uuid',
] as const satisfies { length: (typeof logColumns)['length'] };
