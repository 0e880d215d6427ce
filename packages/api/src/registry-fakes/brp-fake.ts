import {
  startFakeRegistryServer,
  type FakeRegistryServer,
  type FakeRequest,
} from './fake-registry-server.js';

/** A dwelling as the population register names it (its BAG ids and its Dutch address). */
export interface BrpFakeAddress {
  /** BAG adresseerbaarObjectIdentificatie, 16 digits. */
  readonly objectId: string;
  readonly street: string;
  readonly houseNumber: number;
  readonly letter?: string;
  readonly addition?: string;
  readonly postcode: string;
  readonly place: string;
}

interface BrpFakePerson {
  readonly bsn: string;
  readonly givenNames: string;
  readonly surname: string;
  readonly prefix?: string;
  address: BrpFakeAddress | null;
  since: string;
}

/**
 * The demo towns' dwellings (src/seed/demo-addresses.ts) with made-up BAG ids: Delft's start with
 * its municipality code 0503, the fictional Oudstad's with 9999.
 */
export const brpFakeAddresses = {
  'delft-oude-delft-1': {
    objectId: '0503010000000001',
    street: 'Oude Delft',
    houseNumber: 1,
    postcode: '2611BA',
    place: 'Delft',
  },
  'delft-westlandseweg-20': {
    objectId: '0503010000000002',
    street: 'Westlandseweg',
    houseNumber: 20,
    postcode: '2624AB',
    place: 'Delft',
  },
  'delft-kerkstraat-5': {
    objectId: '0503010000000003',
    street: 'Kerkstraat',
    houseNumber: 5,
    postcode: '2611GX',
    place: 'Delft',
  },
  'delft-phoenixstraat-9': {
    objectId: '0503010000000004',
    street: 'Phoenixstraat',
    houseNumber: 9,
    postcode: '2611AL',
    place: 'Delft',
  },
  'delft-markt-7': {
    objectId: '0503010000000005',
    street: 'Markt',
    houseNumber: 7,
    postcode: '2611GS',
    place: 'Delft',
  },
  'delft-markt-7a': {
    objectId: '0503010000000006',
    street: 'Markt',
    houseNumber: 7,
    letter: 'A',
    postcode: '2611GS',
    place: 'Delft',
  },
  'delft-nieuwe-langendijk-12': {
    objectId: '0503010000000007',
    street: 'Nieuwe Langendijk',
    houseNumber: 12,
    postcode: '2611VH',
    place: 'Delft',
  },
  'delft-mekelweg-5': {
    objectId: '0503010000000008',
    street: 'Mekelweg',
    houseNumber: 5,
    postcode: '2628CD',
    place: 'Delft',
  },
  'delft-buitenhof-40': {
    objectId: '0503010000000009',
    street: 'Buitenhof',
    houseNumber: 40,
    postcode: '2613AD',
    place: 'Delft',
  },
  'oudstad-markt-3': {
    objectId: '9999010000000001',
    street: 'Markt',
    houseNumber: 3,
    postcode: '9999AA',
    place: 'Oudstad',
  },
  'oudstad-noord-1': {
    objectId: '9999010000000002',
    street: 'Noord',
    houseNumber: 1,
    postcode: '9999AB',
    place: 'Oudstad',
  },
} as const satisfies Record<string, BrpFakeAddress>;

export type BrpFakeAddressKey = keyof typeof brpFakeAddresses;

/**
 * The Test-DigiD people (modules/identity/test-broker/test-identities.ts) as the register knows
 * them: Anna at Noord 1 in Oudstad, the Smits at Markt 3 (where the demo's Carla holds her
 * permits), the others at Delft's demo addresses.
 */
const recorded: ReadonlyArray<[string, string, string, string | undefined, BrpFakeAddressKey]> = [
  ['999993653', 'Anna', 'Vries', 'de', 'oudstad-noord-1'],
  ['999990019', 'Bram', 'Jansen', undefined, 'delft-westlandseweg-20'],
  ['999991772', 'Carla', 'Smit', undefined, 'oudstad-markt-3'],
  ['999992223', 'Dirk', 'Smit', undefined, 'oudstad-markt-3'],
  ['999996708', 'Frank', 'Boer', 'de', 'delft-markt-7'],
  ['999995078', 'Eva', 'Bakker', undefined, 'delft-nieuwe-langendijk-12'],
  ['999990111', 'Gerrit', 'Wit', 'de', 'delft-oude-delft-1'],
];

/** What tests change in the fake register: a person's address (a move), or a new person. */
export interface BrpFakeControl {
  /** Registers the person at another address from `since` (YYYY-MM-DD); null: left the country. */
  move(bsn: string, address: BrpFakeAddress | BrpFakeAddressKey | null, since: string): void;
  /** Back to the recorded people. */
  reset(): void;
}

const controls = new WeakMap<FakeRegistryServer, BrpFakeControl>();

/** The control of a fake started by `startBrpFake` (tests: `brpFake(fakes.brp).move(…)`). */
export function brpFake(server: FakeRegistryServer): BrpFakeControl {
  const control = controls.get(server);
  if (!control) throw new Error('not a BRP fake');
  return control;
}

const knownFields = new Set(['burgerservicenummer', 'verblijfplaats', 'naam']);

/** A person as the v2 API answers it, limited to the fields asked for (`fields`). */
function answerOf(person: BrpFakePerson, fields: readonly string[]) {
  const full: Record<string, unknown> = {
    burgerservicenummer: person.bsn,
    naam: {
      voornamen: person.givenNames,
      geslachtsnaam: person.surname,
      ...(person.prefix ? { voorvoegsel: person.prefix } : {}),
    },
    verblijfplaats: person.address
      ? {
          type: 'Adres',
          adresseerbaarObjectIdentificatie: person.address.objectId,
          nummeraanduidingIdentificatie: `${person.address.objectId.slice(0, 4)}20${person.address.objectId.slice(6)}`,
          datumVan: { type: 'Datum', datum: person.since },
          verblijfadres: {
            officieleStraatnaam: person.address.street,
            huisnummer: person.address.houseNumber,
            ...(person.address.letter ? { huisletter: person.address.letter } : {}),
            ...(person.address.addition ? { huisnummertoevoeging: person.address.addition } : {}),
            postcode: person.address.postcode,
            woonplaats: person.address.place,
          },
        }
      : { type: 'VerblijfplaatsOnbekend' },
  };
  return Object.fromEntries(Object.entries(full).filter(([name]) => fields.includes(name)));
}

const badRequest = (detail: string) => ({
  status: 400,
  body: {
    type: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1',
    title: 'Een of meerdere parameters zijn niet correct.',
    status: 400,
    detail,
  },
});

/**
 * The population register's fake (Haal Centraal BRP bevragen v2: `POST /personen` with the
 * query's `type`), knowing the recorded people; it asks for the API key header like the real
 * gateway.
 */
export async function startBrpFake(): Promise<FakeRegistryServer> {
  const people = new Map<string, BrpFakePerson>();
  const reset = () => {
    people.clear();
    for (const [bsn, givenNames, surname, prefix, key] of recorded) {
      people.set(bsn, {
        bsn,
        givenNames,
        surname,
        prefix,
        address: brpFakeAddresses[key],
        since: '2020-01-01',
      });
    }
  };
  reset();
  const answer = (request: FakeRequest) => {
    if (request.method !== 'POST' || request.path !== '/personen') return { status: 404, body: {} };
    if (!request.headers['x-api-key'])
      return { status: 401, body: { title: 'Niet geauthenticeerd.', status: 401 } };
    const query = (request.body ?? {}) as Record<string, unknown>;
    const fields = Array.isArray(query.fields) ? query.fields.map(String) : [];
    if (fields.length === 0 || fields.some((field) => !knownFields.has(field))) {
      return badRequest('fields');
    }
    if (query.type === 'RaadpleegMetBurgerservicenummer') {
      const numbers = Array.isArray(query.burgerservicenummer) ? query.burgerservicenummer : [];
      if (numbers.length === 0 || numbers.some((bsn) => !/^\d{9}$/.test(String(bsn)))) {
        return badRequest('burgerservicenummer');
      }
      const found = numbers.flatMap((bsn) => people.get(String(bsn)) ?? []);
      return {
        status: 200,
        body: { type: query.type, personen: found.map((p) => answerOf(p, fields)) },
      };
    }
    if (query.type === 'ZoekMetAdresseerbaarObjectIdentificatie') {
      const id = String(query.adresseerbaarObjectIdentificatie ?? '');
      if (!/^\d{16}$/.test(id)) return badRequest('adresseerbaarObjectIdentificatie');
      const found = [...people.values()].filter((person) => person.address?.objectId === id);
      return {
        status: 200,
        body: { type: query.type, personen: found.map((p) => answerOf(p, fields)) },
      };
    }
    return badRequest('type');
  };
  const server = await startFakeRegistryServer(answer);
  controls.set(server, {
    move: (bsn, address, since) => {
      const person = people.get(bsn) ?? {
        bsn,
        givenNames: 'Test',
        surname: 'Persoon',
        address: null,
        since,
      };
      person.address = typeof address === 'string' ? brpFakeAddresses[address] : address;
      person.since = since;
      people.set(bsn, person);
    },
    reset,
  });
  return server;
}
