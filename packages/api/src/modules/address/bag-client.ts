import type { RdPoint } from '@parkeer/domain/zone-shape/zone-shape';
import { askRegistry } from '../registry/registry-client.js';
import { registryEndpoint } from '../registry/registry-endpoints.js';

/*
 * The address registry's adapter: BAG API Individuele Bevragingen v2 (Kadaster; the OpenAPI
 * specification is published in the repository lvbag/BAG-API, "Technische specificatie"). HAL
 * JSON, an `X-Api-Key` header, coordinates in RD (EPSG:28992). Two questions: the addresses at
 * a postcode and house number (`GET /adressen`), and the building unit at an address
 * (`GET /verblijfsobjecten/{identificatie}`) for its point and uses.
 */

/** One address as `GET /adressen` lists it (the fields this adapter reads). */
export interface BagAdres {
  readonly openbareRuimteNaam: string;
  readonly korteNaam?: string;
  readonly huisnummer: number;
  readonly huisletter?: string;
  readonly huisnummertoevoeging?: string;
  readonly postcode?: string;
  readonly woonplaatsNaam: string;
  readonly nummeraanduidingIdentificatie: string;
  readonly adresseerbaarObjectIdentificatie?: string;
}

export interface BagAdressenAnswer {
  readonly _embedded?: { readonly adressen?: readonly BagAdres[] };
}

/** `GET /verblijfsobjecten/{id}`: the object with its geometry (a point, or a surface). */
export interface BagVerblijfsobjectAnswer {
  readonly verblijfsobject: {
    readonly identificatie: string;
    readonly geometrie?: {
      readonly punt?: { readonly type: 'Point'; readonly coordinates: readonly number[] };
      readonly vlak?: { readonly type: 'Polygon'; readonly coordinates: readonly number[][][] };
    };
    readonly gebruiksdoelen?: readonly string[];
    readonly status?: string;
  };
}

/** An address as the registry reports it, in Parkeer's terms. */
export interface BagAddress {
  readonly bagAddressId: string;
  readonly bagObjectId: string | null;
  readonly street: string;
  readonly postcode: string;
  readonly houseNumber: number;
  /** Letter and suffix together, upper case, as the town's table writes them ('A', 'BIS'). */
  readonly addition: string;
  readonly town: string;
}

/** The building unit at an address. */
export interface BagObject {
  readonly id: string;
  readonly point: RdPoint | null;
  readonly purposes: readonly string[];
}

const apiKeyHeader = (key: string | null): Record<string, string> =>
  key ? { 'x-api-key': key } : {};

/** Whether the town's deployment has a BAG endpoint at all (a town without one uses its table). */
export async function bagConfigured(): Promise<boolean> {
  return (await registryEndpoint('bag')) !== null;
}

/** 'A', ' a-1 ', 'bis' → 'A1', 'BIS': letter and suffix compared without separators. */
export const additionKey = (addition: string) => addition.replace(/[\s-]+/g, '').toUpperCase();

/**
 * The address at a postcode, house number and addition, or null when the registry knows none.
 * All addresses at the number are asked for and the addition matched here, so that '7A', '7 a'
 * and '7-A' find the one with huisletter A, and '7 bis' the one with toevoeging 'bis'.
 * Throws `RegistryUnavailableError` when the registry does not answer.
 */
export async function findBagAddress(question: {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly addition: string;
}): Promise<BagAddress | null> {
  const query = new URLSearchParams({
    postcode: question.postcode,
    huisnummer: String(question.houseNumber),
    pageSize: '100',
  });
  const answer = await askRegistry<BagAdressenAnswer>(
    'bag',
    { operation: 'adressen', path: `/adressen?${query.toString()}` },
    apiKeyHeader,
  );
  if (!answer.found) return null;
  const wanted = additionKey(question.addition);
  const matches = (answer.body._embedded?.adressen ?? []).filter(
    (adres) =>
      adres.huisnummer === question.houseNumber &&
      additionKey(`${adres.huisletter ?? ''}${adres.huisnummertoevoeging ?? ''}`) === wanted,
  );
  const [adres] = matches;
  if (!adres || matches.length > 1) return null;
  return {
    bagAddressId: adres.nummeraanduidingIdentificatie,
    bagObjectId: adres.adresseerbaarObjectIdentificatie ?? null,
    street: adres.openbareRuimteNaam,
    postcode: adres.postcode ?? question.postcode,
    houseNumber: adres.huisnummer,
    addition: wanted,
    town: adres.woonplaatsNaam,
  };
}

/**
 * The building unit (verblijfsobject) by its identifier: its point and uses. Null when the
 * registry has none by that id (a berth or pitch has no verblijfsobject). Throws
 * `RegistryUnavailableError` when the registry does not answer.
 */
export async function findBagObject(objectId: string): Promise<BagObject | null> {
  const answer = await askRegistry<BagVerblijfsobjectAnswer>(
    'bag',
    {
      operation: 'verblijfsobject',
      path: `/verblijfsobjecten/${encodeURIComponent(objectId)}`,
      headers: { 'accept-crs': 'epsg:28992' },
    },
    apiKeyHeader,
  );
  if (!answer.found) return null;
  const object = answer.body.verblijfsobject;
  const [x, y] = object.geometrie?.punt?.coordinates ?? [];
  return {
    id: object.identificatie,
    point: typeof x === 'number' && typeof y === 'number' ? { x, y } : null,
    purposes: object.gebruiksdoelen ?? [],
  };
}
