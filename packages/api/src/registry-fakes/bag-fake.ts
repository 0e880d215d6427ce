import type { BagAdres, BagVerblijfsobjectAnswer } from '../modules/address/bag-client.js';
import {
  startFakeRegistryServer,
  type FakeRegistryServer,
  type FakeRequest,
} from './fake-registry-server.js';

/** One recorded address with its building unit: the fields BAG API v2 answers with. */
interface RecordedAddress {
  readonly adres: BagAdres & { readonly postcode: string };
  readonly point: readonly [number, number];
  readonly gebruiksdoelen: readonly string[];
}

let sequence = 0;
/** BAG identifiers: municipality code, object type ('20' address, '01' unit), ten digits. */
function recorded(
  gemeentecode: string,
  street: string,
  huisnummer: number,
  postcode: string,
  woonplaats: string,
  point: readonly [number, number],
  extra: { huisletter?: string; huisnummertoevoeging?: string; gebruiksdoelen?: string[] } = {},
): RecordedAddress {
  sequence += 1;
  const serial = String(sequence).padStart(10, '0');
  return {
    adres: {
      openbareRuimteNaam: street,
      korteNaam: street,
      huisnummer,
      ...(extra.huisletter ? { huisletter: extra.huisletter } : {}),
      ...(extra.huisnummertoevoeging ? { huisnummertoevoeging: extra.huisnummertoevoeging } : {}),
      postcode,
      woonplaatsNaam: woonplaats,
      nummeraanduidingIdentificatie: `${gemeentecode}20${serial}`,
      adresseerbaarObjectIdentificatie: `${gemeentecode}01${serial}`,
    },
    point,
    gebruiksdoelen: extra.gebruiksdoelen ?? ['woonfunctie'],
  };
}

/**
 * The demo's addresses as the registry knows them: the demo towns' tables (seed/demo-addresses.ts)
 * and a few more that the tables lack, with points inside the demo zones' shapes
 * (seed/demo-zone-shapes.ts). Koornmarkt 20 (Delft) and Noord 7 (Oudstad) have a garage among
 * their uses: their own parking.
 */
export const bagFakeAddresses: readonly RecordedAddress[] = [
  recorded('0503', 'Oude Delft', 1, '2611BA', 'Delft', [84_500, 447_300]),
  recorded('0503', 'Westlandseweg', 20, '2624AB', 'Delft', [83_000, 446_500]),
  recorded('0503', 'Kerkstraat', 5, '2611GX', 'Delft', [84_600, 447_400]),
  recorded('0503', 'Phoenixstraat', 9, '2611AL', 'Delft', [84_500, 448_300]),
  recorded('0503', 'Markt', 7, '2611GS', 'Delft', [85_500, 447_300]),
  recorded('0503', 'Markt', 7, '2611GS', 'Delft', [85_510, 447_300], { huisletter: 'A' }),
  recorded('0503', 'Nieuwe Langendijk', 12, '2611VH', 'Delft', [85_500, 448_300]),
  recorded('0503', 'Mekelweg', 5, '2628CD', 'Delft', [86_000, 445_000], {
    gebruiksdoelen: ['onderwijsfunctie'],
  }),
  recorded('0503', 'Buitenhof', 40, '2613AD', 'Delft', [80_000, 440_000]),
  // Not in Delft's table: found through the registry.
  recorded('0503', 'Voldersgracht', 10, '2611EV', 'Delft', [84_700, 447_350]),
  recorded('0503', 'Voldersgracht', 10, '2611EV', 'Delft', [84_705, 447_350], {
    huisnummertoevoeging: 'bis',
  }),
  recorded('0503', 'Koornmarkt', 20, '2611EG', 'Delft', [84_600, 447_100], {
    gebruiksdoelen: ['woonfunctie', 'overige gebruiksfunctie'],
  }),
  recorded('0503', 'Kerkstraat', 11, '2611GX', 'Delft', [84_620, 447_420]),
  recorded('0503', 'Papsouwselaan', 100, '2624AM', 'Delft', [81_000, 445_000]),
  recorded('9999', 'Markt', 3, '9999AA', 'Oudstad', [200_500, 500_500]),
  recorded('9999', 'Noord', 1, '9999AB', 'Oudstad', [200_600, 500_600]),
  recorded('9999', 'Noord', 5, '9999AB', 'Oudstad', [200_650, 500_650]),
  recorded('9999', 'Noord', 7, '9999AB', 'Oudstad', [200_700, 500_700], {
    gebruiksdoelen: ['woonfunctie', 'overige gebruiksfunctie'],
  }),
];

const problem = (status: number, title: string) => ({
  status,
  body: { status, title, type: 'about:blank' },
  contentType: 'application/problem+json',
});

/** Answers `GET /adressen` and `GET /verblijfsobjecten/{id}` as BAG API v2 does, from the records. */
export function answerBag(request: FakeRequest, records: readonly RecordedAddress[]) {
  if (request.method !== 'GET') return problem(405, 'Methode niet toegestaan');
  if (request.path === '/adressen') {
    const postcode = request.query.get('postcode');
    const huisnummer = Number(request.query.get('huisnummer'));
    if (!postcode || !Number.isInteger(huisnummer)) {
      return problem(400, 'Ten minste één parameter moet worden opgegeven.');
    }
    const exact = request.query.get('exacteMatch') === 'true';
    const letter = request.query.get('huisletter') ?? undefined;
    const suffix = request.query.get('huisnummertoevoeging') ?? undefined;
    const adressen = records
      .map((record) => record.adres)
      .filter(
        (adres) =>
          adres.postcode === postcode &&
          adres.huisnummer === huisnummer &&
          (!exact || (adres.huisletter === letter && adres.huisnummertoevoeging === suffix)),
      );
    // An empty search is a 200 with no embedded addresses, as the registry answers it.
    return {
      status: 200,
      contentType: 'application/hal+json',
      body: {
        ...(adressen.length > 0 ? { _embedded: { adressen } } : {}),
        _links: { self: { href: `/adressen?${request.query.toString()}` } },
      },
    };
  }
  const unit = /^\/verblijfsobjecten\/(\d{16})$/.exec(request.path);
  if (unit) {
    const record = records.find((r) => r.adres.adresseerbaarObjectIdentificatie === unit[1]);
    if (!record) return problem(404, 'Opgevraagde resource bestaat niet.');
    const body: BagVerblijfsobjectAnswer = {
      verblijfsobject: {
        identificatie: unit[1]!,
        geometrie: { punt: { type: 'Point', coordinates: [...record.point, 0] } },
        gebruiksdoelen: record.gebruiksdoelen,
        status: 'Verblijfsobject in gebruik',
      },
    };
    return { status: 200, contentType: 'application/hal+json', body };
  }
  return problem(404, 'Opgevraagde resource bestaat niet.');
}

/** The address registry's fake on loopback, with the demo's records. */
export function startBagFake(): Promise<FakeRegistryServer> {
  return startFakeRegistryServer((request) => answerBag(request, bagFakeAddresses));
}
