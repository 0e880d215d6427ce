import { AppError } from '../../graphql/app-error.js';
import type { AddressImportFormat } from '../../model/address-import.entity.js';

/** One row of an uploaded file, its values as written (trimmed), before any check. */
export interface RawAddressRow {
  /** 1 is the first row after the header (or the first address of a JSON file). */
  readonly row: number;
  readonly postcode: string;
  readonly houseNumber: string;
  readonly houseLetter: string;
  readonly addition: string;
  readonly street: string;
  readonly town: string;
  readonly bagAddressId: string;
  readonly bagObjectId: string;
  readonly x: string;
  readonly y: string;
  readonly lat: string;
  readonly lon: string;
  readonly zone: string;
  readonly privateParking: string;
  /** Set when the row could not be read at all (a CSV row with too many or too few columns). */
  readonly unreadable?: 'ADDRESS_IMPORT_ROW_COLUMNS';
}

/** The most rows one upload may hold: bigger files are split (each import is idempotent). */
export const maxImportRows = 20_000;

/**
 * The CSV columns, by the names towns' exports use (case and spaces ignored); the first of each
 * list is the documented one (docs/architecture.md, Addresses).
 */
const csvColumns: Readonly<Record<Exclude<keyof RawAddressRow, 'row' | 'unreadable'>, string[]>> = {
  postcode: ['postcode'],
  houseNumber: ['huisnummer'],
  houseLetter: ['huisletter'],
  addition: ['toevoeging', 'huisnummertoevoeging'],
  street: ['straat', 'openbareruimtenaam', 'straatnaam'],
  town: ['woonplaats', 'woonplaatsnaam'],
  bagAddressId: ['nummeraanduiding_id', 'nummeraanduidingidentificatie'],
  bagObjectId: ['verblijfsobject_id', 'adresseerbaarobjectidentificatie'],
  x: ['x'],
  y: ['y'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'longitude'],
  zone: ['zone'],
  privateParking: ['eigen_parkeerplaats', 'eigenparkeerplaats'],
};
const requiredColumns = ['postcode', 'houseNumber', 'street', 'town'] as const;

const headerName = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Splits CSV text into records: quoted fields may hold the separator, quotes and line breaks. */
function csvRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  // Blank lines are no rows.
  return records.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

function readCsv(content: string): RawAddressRow[] {
  const text = content.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Dutch spreadsheets write ';' (the decimal comma takes ','); others ','.
  const separator = firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
  const [header, ...records] = csvRecords(text, separator);
  if (!header) throw new AppError('ADDRESS_IMPORT_FILE_UNREADABLE');
  const names = header.map(headerName);
  const index = Object.fromEntries(
    Object.entries(csvColumns).map(([key, aliases]) => [
      key,
      names.findIndex((name) => aliases.includes(name)),
    ]),
  ) as Record<keyof typeof csvColumns, number>;
  for (const column of requiredColumns) {
    if (index[column] < 0) {
      throw new AppError('ADDRESS_IMPORT_HEADER_MISSING', { column: csvColumns[column][0]! });
    }
  }
  if (records.length > maxImportRows) {
    throw new AppError('ADDRESS_IMPORT_FILE_TOO_LARGE', { max: maxImportRows });
  }
  return records.map((values, i) => {
    const value = (key: keyof typeof csvColumns) =>
      index[key] < 0 ? '' : (values[index[key]] ?? '').trim();
    return {
      row: i + 1,
      ...(Object.fromEntries(
        Object.keys(csvColumns).map((key) => [key, value(key as keyof typeof csvColumns)]),
      ) as Omit<RawAddressRow, 'row' | 'unreadable'>),
      ...(values.length !== header.length
        ? { unreadable: 'ADDRESS_IMPORT_ROW_COLUMNS' as const }
        : {}),
    };
  });
}

/** An address of BAG API v2 `/adressenuitgebreid` (the fields the import reads). */
interface AdresUitgebreid {
  readonly openbareRuimteNaam?: unknown;
  readonly huisnummer?: unknown;
  readonly huisletter?: unknown;
  readonly huisnummertoevoeging?: unknown;
  readonly postcode?: unknown;
  readonly woonplaatsNaam?: unknown;
  readonly nummeraanduidingIdentificatie?: unknown;
  readonly adresseerbaarObjectIdentificatie?: unknown;
  readonly adresseerbaarObjectGeometrie?: { readonly punt?: { readonly coordinates?: unknown } };
}

const text = (value: unknown) =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

/**
 * The BAG format: what BAG API Individuele Bevragingen v2 answers to `GET /adressenuitgebreid`
 * (HAL: `{"_embedded": {"adressen": [...]}}`), one such page, a JSON array of pages, or a JSON
 * array of the addresses themselves. Points are the registry's RD coordinates.
 */
function readBagJson(content: string): RawAddressRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('ADDRESS_IMPORT_FILE_UNREADABLE');
  }
  const addressesOf = (page: unknown): unknown[] | null => {
    const embedded = (page as { _embedded?: { adressen?: unknown } } | null)?._embedded?.adressen;
    return Array.isArray(embedded) ? embedded : null;
  };
  let addresses: unknown[];
  if (Array.isArray(parsed)) {
    const pages = parsed.map(addressesOf);
    addresses = pages.every((page) => page !== null) && parsed.length > 0 ? pages.flat() : parsed;
  } else {
    const page = addressesOf(parsed);
    if (!page) throw new AppError('ADDRESS_IMPORT_FILE_UNREADABLE');
    addresses = page;
  }
  if (addresses.length > maxImportRows) {
    throw new AppError('ADDRESS_IMPORT_FILE_TOO_LARGE', { max: maxImportRows });
  }
  return addresses.map((item, i) => {
    const adres = (item && typeof item === 'object' ? item : {}) as AdresUitgebreid;
    const coordinates = adres.adresseerbaarObjectGeometrie?.punt?.coordinates;
    const [x, y] = Array.isArray(coordinates) ? coordinates : [];
    return {
      row: i + 1,
      postcode: text(adres.postcode),
      houseNumber: text(adres.huisnummer),
      houseLetter: text(adres.huisletter),
      addition: text(adres.huisnummertoevoeging),
      street: text(adres.openbareRuimteNaam),
      town: text(adres.woonplaatsNaam),
      bagAddressId: text(adres.nummeraanduidingIdentificatie),
      bagObjectId: text(adres.adresseerbaarObjectIdentificatie),
      x: text(x),
      y: text(y),
      lat: '',
      lon: '',
      zone: '',
      privateParking: '',
    };
  });
}

/** The rows of an uploaded file; a file that cannot be read at all is refused as a whole. */
export function readAddressFile(format: AddressImportFormat, content: string): RawAddressRow[] {
  return format === 'csv' ? readCsv(content) : readBagJson(content);
}
