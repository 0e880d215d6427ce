import { wgs84ToRd, type RdPoint } from '@parkeer/domain/zone-shape/zone-shape';
import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { normaliseAddition, normalisePostcode } from '../address/address-lookup.js';
import type { RawAddressRow } from './address-import-file.js';

/** A row that passed its checks, in the address table's terms. */
export interface ImportedAddress {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly addition: string;
  readonly street: string;
  readonly town: string;
  readonly bagAddressId: string | null;
  readonly bagObjectId: string | null;
  readonly point: RdPoint | null;
  /** The zone code the file names; null: placed by the zones' shapes. */
  readonly zoneCode: string | null;
  readonly privateParking: boolean | null;
}

export type RowCheck =
  | { readonly ok: true; readonly address: ImportedAddress }
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      readonly params?: Readonly<Record<string, string | number>>;
    };

const postcodePattern = /^[1-9]\d{3}[A-Z]{2}$/;
const bagIdPattern = /^\d{16}$/;
const rdBounds = { minX: -7_000, maxX: 300_000, minY: 289_000, maxY: 629_000 };
const yes = new Set(['ja', 'j', 'yes', 'y', 'true', '1']);
const no = new Set(['nee', 'n', 'no', 'false', '0']);

/** A decimal as towns write it: '84500.5' or '84500,5'. */
const decimal = (value: string) => (value === '' ? NaN : Number(value.replace(',', '.')));

function pointOf(row: RawAddressRow): RdPoint | null | 'invalid' {
  if (row.x || row.y) {
    const point = { x: decimal(row.x), y: decimal(row.y) };
    return Number.isFinite(point.x) && Number.isFinite(point.y) ? point : 'invalid';
  }
  if (row.lat || row.lon) {
    const [lat, lon] = [decimal(row.lat), decimal(row.lon)];
    return Number.isFinite(lat) && Number.isFinite(lon) ? wgs84ToRd(lat, lon) : 'invalid';
  }
  return null;
}

/** docs/rules.md §2: one row of a town's address file, checked; the first problem refuses it. */
export function checkImportRow(row: RawAddressRow): RowCheck {
  if (row.unreadable) return { ok: false, code: row.unreadable };
  const postcode = normalisePostcode(row.postcode);
  if (!postcodePattern.test(postcode)) return { ok: false, code: 'ADDRESS_POSTCODE_INVALID' };
  const houseNumber = Number(row.houseNumber);
  const addition = normaliseAddition(`${row.houseLetter}${row.addition}`);
  if (
    !/^\d+$/.test(row.houseNumber) ||
    houseNumber < 1 ||
    houseNumber > 99_999 ||
    addition.length > 10 ||
    !/^[A-Z0-9]*$/.test(addition)
  ) {
    return { ok: false, code: 'ADDRESS_HOUSE_NUMBER_INVALID' };
  }
  if (!row.street || !row.town || row.street.length > 120 || row.town.length > 60) {
    return { ok: false, code: 'ADDRESS_IMPORT_ROW_STREET_MISSING' };
  }
  for (const id of [row.bagAddressId, row.bagObjectId]) {
    if (id && !bagIdPattern.test(id))
      return { ok: false, code: 'ADDRESS_IMPORT_ROW_BAG_ID_INVALID' };
  }
  const point = pointOf(row);
  if (
    point === 'invalid' ||
    (point &&
      (point.x < rdBounds.minX ||
        point.x > rdBounds.maxX ||
        point.y < rdBounds.minY ||
        point.y > rdBounds.maxY))
  ) {
    return { ok: false, code: 'ADDRESS_IMPORT_ROW_POINT_INVALID' };
  }
  const parking = row.privateParking.toLowerCase();
  if (parking && !yes.has(parking) && !no.has(parking)) {
    return { ok: false, code: 'ADDRESS_IMPORT_ROW_PARKING_INVALID' };
  }
  return {
    ok: true,
    address: {
      postcode,
      houseNumber,
      addition,
      street: row.street,
      town: row.town,
      bagAddressId: row.bagAddressId || null,
      bagObjectId: row.bagObjectId || null,
      point,
      zoneCode: row.zone || null,
      privateParking: parking ? yes.has(parking) : null,
    },
  };
}
