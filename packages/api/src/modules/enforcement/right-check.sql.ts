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

/** The towns an enforcement account checks in. Parameter: account id. Rows: `municipality_id`. */
export const enforcementTownsSql = `select municipality_id from enforcement_town
  where account_id = ?`;

/**
 * Every right of a plate in a zone at a moment: visitor sessions (index parking_session(plate,
 * status)) and permits or exemptions with the plate as their active plate (index
 * permit_plate(plate)). Rows: `kind` ('visitorSession' | 'permit' | 'exemption') and `until`
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
  where pp.plate = ? and pp.country = ? and pp.active_slot is not null and p.zone_id = ?
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
  return [plate, country, zoneId, at, at, at, plate, country, zoneId, at, at];
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
