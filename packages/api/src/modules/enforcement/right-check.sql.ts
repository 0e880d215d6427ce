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

/** Where the rights query reads a check's plate, zone and moment from: SQL expressions. */
interface CheckColumns {
  readonly plate: string;
  readonly country: string;
  readonly zoneId: string;
  readonly at: string;
}

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
 * The rights of one check. Rows: `kind` ('visitorSession' | 'permit' | 'exemption'), `until`
 * (null: open-ended) and `product_kind` (the product type's kind of a permit or exemption, e.g.
 * 'residentPermit'; null for a visitor session). Parameters: see `rightsParams`.
 */
export const rightsSql = rightsQuery({ plate: '?', country: '?', zoneId: '?', at: '?' });

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
 * A batch's checks as rows `q(idx, plate, country, zone_id, at)`, `idx` the check's place in the
 * batch. PostgreSQL types the parameters of a VALUES list as text, so there the zone id and the
 * moment are cast to their columns' types; SQLite compares them as given (ids as text, moments as
 * epoch ms). Parameters: plate, country, zone id, moment per check, in order.
 */
const checkRows = (count: number, postgres: boolean) => {
  const [zoneId, at] = postgres ? ['cast(? as uuid)', 'cast(? as timestamptz)'] : ['?', '?'];
  const rows = Array.from({ length: count }, (_, idx) => `(${idx}, ?, ?, ${zoneId}, ${at})`);
  return `with q (idx, plate, country, zone_id, at) as (values ${rows.join(', ')})\n`;
};

/**
 * The rights of all checks of a batch in one query (docs/rules.md §9 batch): the single check's
 * query joined to the batch's rows. Rows: `idx`, `kind`, `until`. Parameters: see `checkRows`.
 */
export const batchRightsSql = (count: number, postgres: boolean) =>
  checkRows(count, postgres) +
  rightsQuery(
    { plate: 'q.plate', country: 'q.country', zoneId: 'q.zone_id', at: 'q.at' },
    'q, ',
    'q.idx, ',
  );

/**
 * The outage windows covering each check of a batch, as `outageSql` finds them for one; earliest
 * first per check. Rows: `idx`, `window_start`, `window_end`. Parameters: see `checkRows`.
 */
export const batchOutageSql = (count: number, postgres: boolean) =>
  `${checkRows(count, postgres)}select q.idx, o.window_start, o.window_end
  from q join outage_compensation o on o.zone_id = q.zone_id
  where o.window_start <= q.at and o.window_end > q.at
  order by q.idx, o.window_start`;

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
