import { config } from '../../config/config.js';
import { askRegistry } from '../registry/registry-client.js';

/**
 * The KvK API's answers, as far as Parkeer reads them (docs/architecture.md §Registries, KvK).
 * Basisprofiel `GET /v1/basisprofielen/{kvkNummer}/vestigingen` lists a business's
 * establishments; Vestigingsprofiel `GET /v1/vestigingsprofielen/{vestigingsnummer}` gives one
 * establishment's addresses. The API key goes in the `apikey` header.
 */
export interface KvkVestigingenList {
  readonly kvkNummer: string;
  readonly totaalAantalVestigingen?: number;
  readonly vestigingen: ReadonlyArray<{
    readonly vestigingsnummer: string;
    readonly kvkNummer?: string;
    readonly eersteHandelsnaam?: string;
    /** 'Ja' / 'Nee'. */
    readonly indHoofdvestiging?: string;
    readonly indCommercieleVestiging?: string;
    readonly volledigAdres?: string;
  }>;
}

export interface KvkAdres {
  /** 'bezoekadres' (where the business is) or 'postadres' (where its mail goes). */
  readonly type: string;
  /** 'Ja' when the address is shielded: then it carries no parts. */
  readonly indAfgeschermd?: string;
  readonly volledigAdres?: string;
  readonly straatnaam?: string;
  readonly huisnummer?: number;
  readonly huisletter?: string;
  readonly huisnummerToevoeging?: string;
  readonly postbusnummer?: number;
  readonly postcode?: string;
  readonly plaats?: string;
  readonly land?: string;
}

export interface KvkVestigingsprofiel {
  readonly vestigingsnummer: string;
  readonly kvkNummer: string;
  readonly eersteHandelsnaam?: string;
  readonly indHoofdvestiging?: string;
  readonly adressen?: readonly KvkAdres[];
}

/** A visiting address in Parkeer's terms: what the town's address table is searched by. */
export interface EstablishmentAddress {
  readonly street: string;
  readonly houseNumber: number;
  /** House letter and addition together, upper case, as the address table keeps them. */
  readonly addition: string;
  /** Four digits and two capitals, no space. */
  readonly postcode: string;
  readonly city: string;
}

/** One establishment (vestiging) of a business. */
export interface KvkEstablishment {
  /** The vestigingsnummer: twelve digits. */
  readonly establishmentNumber: string;
  readonly name: string;
  readonly isMain: boolean;
  /** Its visiting address; null when the registry shields it or gives none. */
  readonly address: EstablishmentAddress | null;
}

const kvkNumberPattern = /^\d{8}$/;
const establishmentNumberPattern = /^\d{12}$/;
const withKey = (apiKey: string | null): Record<string, string> =>
  apiKey ? { apikey: apiKey } : {};

/** The visiting address of a profile in the address table's terms, or null. */
export function visitingAddress(
  adressen: readonly KvkAdres[] | undefined,
): EstablishmentAddress | null {
  const found = (adressen ?? []).find((adres) => adres.type === 'bezoekadres');
  if (!found || found.indAfgeschermd === 'Ja') return null;
  const { straatnaam, huisnummer, postcode } = found;
  if (!straatnaam || huisnummer === undefined || !postcode) return null;
  return {
    street: straatnaam,
    houseNumber: huisnummer,
    addition: `${found.huisletter ?? ''}${found.huisnummerToevoeging ?? ''}`
      .replace(/[^0-9a-z]/gi, '')
      .toUpperCase(),
    postcode: postcode.replace(/\s+/g, '').toUpperCase(),
    city: found.plaats ?? '',
  };
}

/** Vestigingsprofielen asked at once for one business: a chain's list stays polite to KvK. */
const profileConcurrency = 4;
/** Businesses remembered at most: the oldest goes first (a Map keeps insertion order). */
const maxCachedBusinesses = 1_000;

/** Runs `ask` for each item, at most `limit` at once, the answers in the items' order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  ask: (item: T) => Promise<R>,
): Promise<R[]> {
  const answers = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      answers[index] = await ask(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return answers;
}

/** One KvK number's establishments, as KvK gave them, and when they were asked (process ms). */
interface CachedBusiness {
  readonly askedAt: number;
  readonly answer: Promise<readonly KvkEstablishment[] | null>;
}
const cachedBusinesses = new Map<string, CachedBusiness>();

/** Forgets every business's establishments (tests; a process-wide cache outlives a test file). */
export function forgetKvkEstablishments(): void {
  cachedBusinesses.clear();
}

/**
 * The establishments of a business with their visiting addresses, from the KvK API: the list of
 * the basisprofiel, then each one's vestigingsprofiel (a few at once). Null when the registry
 * knows no business by that number. Throws `RegistryUnavailableError` when the registry does not
 * answer (an official decides then; never a yes).
 *
 * One counter visit asks for the same business's list several times (the establishment step, the
 * quote, the application), each costing 1 + N calls, so an answer is reused for
 * `KVK_CACHE_TTL_MS` per KvK number, and requests at the same moment share one question. A
 * registry that did not answer is not remembered: the next request asks again.
 */
export function kvkEstablishments(kvkNumber: string): Promise<readonly KvkEstablishment[] | null> {
  if (!kvkNumberPattern.test(kvkNumber)) return Promise.resolve(null);
  const ttlMs = config().KVK_CACHE_TTL_MS;
  if (ttlMs === 0) return askKvkEstablishments(kvkNumber);
  const now = performance.now();
  const hit = cachedBusinesses.get(kvkNumber);
  if (hit && now - hit.askedAt < ttlMs) return hit.answer;
  cachedBusinesses.delete(kvkNumber);
  if (cachedBusinesses.size >= maxCachedBusinesses) {
    cachedBusinesses.delete(cachedBusinesses.keys().next().value!);
  }
  const answer = askKvkEstablishments(kvkNumber);
  cachedBusinesses.set(kvkNumber, { askedAt: now, answer });
  answer.catch(() => {
    if (cachedBusinesses.get(kvkNumber)?.answer === answer) cachedBusinesses.delete(kvkNumber);
  });
  return answer;
}

async function askKvkEstablishments(kvkNumber: string): Promise<KvkEstablishment[] | null> {
  const list = await askRegistry<KvkVestigingenList>(
    'kvk',
    { operation: 'basisprofiel-vestigingen', path: `/v1/basisprofielen/${kvkNumber}/vestigingen` },
    withKey,
  );
  if (!list.found) return null;
  const numbers = (list.body.vestigingen ?? [])
    .map((vestiging) => vestiging.vestigingsnummer)
    .filter((number) => establishmentNumberPattern.test(number));
  const profiles = await mapConcurrently(numbers, profileConcurrency, (number) =>
    askRegistry<KvkVestigingsprofiel>(
      'kvk',
      { operation: 'vestigingsprofiel', path: `/v1/vestigingsprofielen/${number}` },
      withKey,
    ),
  );
  return profiles.flatMap((profile, index) => {
    if (!profile.found) return [];
    // An establishment that belongs to another business is not this one's, whatever the list says.
    if (profile.body.kvkNummer !== kvkNumber) return [];
    const listed = list.body.vestigingen.find((v) => v.vestigingsnummer === numbers[index]);
    return [
      {
        establishmentNumber: profile.body.vestigingsnummer,
        name: profile.body.eersteHandelsnaam ?? listed?.eersteHandelsnaam ?? '',
        isMain: (profile.body.indHoofdvestiging ?? listed?.indHoofdvestiging) === 'Ja',
        address: visitingAddress(profile.body.adressen),
      },
    ];
  });
}
