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

/**
 * Outage windows of a zone that cover a moment (docs/rules.md §9 outages): the platform could not
 * register sessions then. Parameters: zone id, moment, moment. Rows: `window_start`, `window_end`.
 */
export const outageSql = `select window_start, window_end from outage_compensation
  where zone_id = ? and window_start <= ? and window_end > ?
  order by window_start limit 1`;

/** The towns an enforcement account checks in. Parameter: account id. Rows: `municipality_id`. */
export const enforcementTownsSql = `select municipality_id from enforcement_town
  where account_id = ?`;

/**
 * Every right of a plate in a zone at a moment: visitor sessions (index parking_session(plate,
 * status)) and permits or exemptions with the plate as their active plate (index
 * permit_plate(plate)); a product valid in all the town's zones (a care permit) counts in any
 * zone of its town, one listing its zones in those (index product_type_zone(product_type_id,
 * zone_id); docs/rules.md §1 care permit). Rows: `kind` ('visitorSession' | 'permit' | 'exemption') and `until`
 * (null: open-ended). Parameters: see `rightsParams`.
 */
export const rightsSql = `select 'visitorSession' as kind, s."end" as until
  from parking_session s join permit p on p.id = s.permit_id
  where s.plate = ? and s.country = ? and s.status <> 'deleted' and p.zone_id = ?
    and p.status = 'active'
    and s.start <= ? and s."end" > ? and (s.stopped_at is null or s.stopped_at > ?)
  union all
  select case when t.kind = 'exemption' then 'exemption' else 'permit' end as kind,
    p.valid_until as until
  from permit_plate pp join permit p on p.id = pp.permit_id
    join product_type t on t.id = p.product_type_id
  where pp.plate = ? and pp.country = ? and pp.active_slot is not null
    and (p.zone_id = ? or (t.valid_in = 'allZones'
      and p.municipality_id = (select z.municipality_id from zone z where z.id = ?))
      or (t.valid_in = 'listedZones' and exists (select 1 from product_type_zone v
        where v.product_type_id = t.id and v.zone_id = ?)))
    and p.status = 'active' and p.valid_from <= ? and (p.valid_until is null or p.valid_until > ?)
    and t.kind in ('residentPermit', 'businessPermit', 'carePermit', 'contractorDayPermit',
      'exemption')`;

/** `at` is the moment as the dialect stores it (a Date on PostgreSQL, epoch ms on SQLite). */
export function rightsParams(
  plate: string,
  country: string,
  zoneId: string,
  at: unknown,
): unknown[] {
  return [plate, country, zoneId, at, at, at, plate, country, zoneId, zoneId, zoneId, at, at];
}

/**
 * The check log's table and columns (entity RightCheckLog), written as plain multi-row INSERTs by
 * the log writer: no entity is built or tracked. Values in this order: id, checked by (account
 * id), checked at, checked for, zone id, valid, right kind (null when not valid), created at.
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
] as const;
