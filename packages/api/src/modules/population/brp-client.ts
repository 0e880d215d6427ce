import { askRegistry } from '../registry/registry-client.js';

/**
 * The population register's address of residence (Haal Centraal "BRP bevragen" v2, the
 * `Adres` kind of `verblijfplaats`, with its `VerblijfadresBinnenland`). Other kinds
 * (abroad, unknown, a location description) have no Dutch address: `address` is null then.
 */
export interface BrpResidence {
  /** BAG id of the dwelling (adresseerbaarObjectIdentificatie), where the register has it. */
  readonly addressableObjectId: string | null;
  readonly postcode: string;
  readonly houseNumber: number;
  /** huisletter + huisnummertoevoeging, upper case, '' for none (as our Address.addition). */
  readonly addition: string;
  readonly street: string;
  readonly place: string;
  /** The date the person registered there (datumVan), 'YYYY-MM-DD', when the register says. */
  readonly since: string | null;
}

export interface BrpPerson {
  readonly bsn: string;
  /** verblijfplaats as an address in the Netherlands; null for any other kind. */
  readonly residence: BrpResidence | null;
}

/** The answer's shape as far as we read it (spec: `PersonenQueryResponse`). */
interface PersonenAnswer {
  readonly type?: string;
  readonly personen?: ReadonlyArray<{
    readonly burgerservicenummer?: string;
    readonly verblijfplaats?: {
      readonly type?: string;
      readonly adresseerbaarObjectIdentificatie?: string;
      readonly datumVan?: { readonly type?: string; readonly datum?: string };
      readonly verblijfadres?: {
        readonly officieleStraatnaam?: string;
        readonly korteStraatnaam?: string;
        readonly huisnummer?: number;
        readonly huisletter?: string;
        readonly huisnummertoevoeging?: string;
        readonly postcode?: string;
        readonly woonplaats?: string;
      };
    };
  }>;
}

/** Only what the counter and the move need: data minimisation (AVG), the spec's `fields`. */
const fields = ['burgerservicenummer', 'verblijfplaats'];

/** The register's API key header, as the Haal Centraal BRP API's gateway asks it. */
const keyHeader = (apiKey: string | null): Record<string, string> =>
  apiKey ? { 'X-API-KEY': apiKey } : {};

const postcodeOf = (value: string) => value.replace(/\s+/g, '').toUpperCase();

function personOf(entry: NonNullable<PersonenAnswer['personen']>[number]): BrpPerson | null {
  if (!entry.burgerservicenummer) return null;
  const place = entry.verblijfplaats;
  const address = place?.verblijfadres;
  if (place?.type !== 'Adres' || !address?.postcode || address.huisnummer === undefined) {
    return { bsn: entry.burgerservicenummer, residence: null };
  }
  return {
    bsn: entry.burgerservicenummer,
    residence: {
      addressableObjectId: place.adresseerbaarObjectIdentificatie ?? null,
      postcode: postcodeOf(address.postcode),
      houseNumber: address.huisnummer,
      addition: `${address.huisletter ?? ''}${address.huisnummertoevoeging ?? ''}`
        .replace(/\s+/g, '')
        .toUpperCase(),
      street: address.officieleStraatnaam ?? address.korteStraatnaam ?? '',
      place: address.woonplaats ?? '',
      since: place.datumVan?.type === 'Datum' ? (place.datumVan.datum ?? null) : null,
    },
  };
}

async function personen(operation: string, body: Record<string, unknown>): Promise<BrpPerson[]> {
  const answer = await askRegistry<PersonenAnswer>(
    'brp',
    { operation, path: '/personen', method: 'POST', body: { ...body, fields } },
    keyHeader,
  );
  if (!answer.found) return [];
  return (answer.body.personen ?? []).flatMap((entry) => personOf(entry) ?? []);
}

/**
 * The person with this BSN, or null when the register knows nobody by it. Throws
 * `RegistryUnavailableError` when the register does not answer (the caller's official decides).
 */
export async function personByBsn(bsn: string): Promise<BrpPerson | null> {
  const found = await personen('personen.raadpleeg', {
    type: 'RaadpleegMetBurgerservicenummer',
    burgerservicenummer: [bsn],
  });
  return found.find((person) => person.bsn === bsn) ?? null;
}

/** Who is registered at a dwelling (BAG adresseerbaarObjectIdentificatie). */
export async function personsAtAddressableObject(id: string): Promise<BrpPerson[]> {
  return personen('personen.zoekAdresseerbaarObject', {
    type: 'ZoekMetAdresseerbaarObjectIdentificatie',
    adresseerbaarObjectIdentificatie: id,
  });
}
