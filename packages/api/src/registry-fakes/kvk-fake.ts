import type { KvkAdres } from '../modules/business/kvk-client.js';
import { startFakeRegistryServer, type FakeRegistryServer } from './fake-registry-server.js';

/** One recorded establishment: the vestigingsprofiel's fields the fake answers with. */
interface RecordedEstablishment {
  readonly vestigingsnummer: string;
  readonly eersteHandelsnaam: string;
  readonly indHoofdvestiging: 'Ja' | 'Nee';
  readonly bezoekadres: Omit<KvkAdres, 'type'>;
}

const delftAddress = (
  straatnaam: string,
  huisnummer: number,
  postcode: string,
  extra: Partial<KvkAdres> = {},
): Omit<KvkAdres, 'type'> => ({
  indAfgeschermd: 'Nee',
  volledigAdres: `${straatnaam} ${huisnummer}${extra.huisletter ?? ''} ${postcode} Delft`,
  straatnaam,
  huisnummer,
  postcode,
  plaats: 'Delft',
  land: 'Nederland',
  ...extra,
});

/**
 * The demo's businesses as the KvK API would describe them (the test broker's eHerkenning
 * identities, docs/architecture.md §Registries): the bakery has establishments in two of Delft's
 * zones (H and D) and one outside every zone; the hairdresser one in zone TU; the guardianship
 * office one in Oudstad. Numbers are made up in the registry's formats (8 and 12 digits).
 */
export const kvkDemoBusinesses: Readonly<
  Record<string, { readonly naam: string; readonly vestigingen: readonly RecordedEstablishment[] }>
> = {
  '90000012': {
    naam: 'Bakkerij De Korenschoof B.V.',
    vestigingen: [
      {
        vestigingsnummer: '000090000121',
        eersteHandelsnaam: 'Bakkerij De Korenschoof',
        indHoofdvestiging: 'Ja',
        bezoekadres: delftAddress('Kerkstraat', 5, '2611GX'),
      },
      {
        vestigingsnummer: '000090000122',
        eersteHandelsnaam: 'De Korenschoof aan de Markt',
        indHoofdvestiging: 'Nee',
        bezoekadres: delftAddress('Markt', 7, '2611GS'),
      },
      {
        vestigingsnummer: '000090000123',
        eersteHandelsnaam: 'De Korenschoof Bakkerij-atelier',
        indHoofdvestiging: 'Nee',
        bezoekadres: delftAddress('Buitenhof', 40, '2613AD'),
      },
    ],
  },
  '90000024': {
    naam: 'Kapsalon Knip',
    vestigingen: [
      {
        vestigingsnummer: '000090000241',
        eersteHandelsnaam: 'Kapsalon Knip',
        indHoofdvestiging: 'Ja',
        bezoekadres: delftAddress('Mekelweg', 5, '2628CD'),
      },
    ],
  },
  '90000036': {
    naam: 'Bewindvoering Van Dam B.V.',
    vestigingen: [
      {
        vestigingsnummer: '000090000361',
        eersteHandelsnaam: 'Bewindvoering Van Dam',
        indHoofdvestiging: 'Ja',
        bezoekadres: {
          indAfgeschermd: 'Nee',
          volledigAdres: 'Noord 1 9999AB Oudstad',
          straatnaam: 'Noord',
          huisnummer: 1,
          postcode: '9999AB',
          plaats: 'Oudstad',
          land: 'Nederland',
        },
      },
    ],
  },
};

const notFound = (detail: string) => ({
  status: 404,
  body: { fout: [{ code: 'IPD0004', omschrijving: detail }] },
});

/**
 * The KvK API's fake: Basisprofiel's list of establishments and each Vestigingsprofiel, with the
 * `apikey` header required as the real API does (401 without it).
 */
export function startKvkFake(): Promise<FakeRegistryServer> {
  return startFakeRegistryServer((request) => {
    if (!request.headers.apikey) {
      return { status: 401, body: { fout: [{ code: 'IPD0001', omschrijving: 'apikey missing' }] } };
    }
    const list = /^\/v1\/basisprofielen\/(\d{8})\/vestigingen$/.exec(request.path);
    if (list) {
      const business = kvkDemoBusinesses[list[1]!];
      if (!business) return notFound('Geen gegevens gevonden.');
      return {
        status: 200,
        body: {
          kvkNummer: list[1],
          aantalCommercieleVestigingen: business.vestigingen.length,
          aantalNietCommercieleVestigingen: 0,
          totaalAantalVestigingen: business.vestigingen.length,
          vestigingen: business.vestigingen.map((vestiging) => ({
            vestigingsnummer: vestiging.vestigingsnummer,
            kvkNummer: list[1],
            eersteHandelsnaam: vestiging.eersteHandelsnaam,
            indHoofdvestiging: vestiging.indHoofdvestiging,
            indAdresAfgeschermd: 'Nee',
            indCommercieleVestiging: 'Ja',
            volledigAdres: vestiging.bezoekadres.volledigAdres,
          })),
        },
      };
    }
    const profile = /^\/v1\/vestigingsprofielen\/(\d{12})$/.exec(request.path);
    if (profile) {
      for (const [kvkNummer, business] of Object.entries(kvkDemoBusinesses)) {
        const vestiging = business.vestigingen.find((v) => v.vestigingsnummer === profile[1]);
        if (!vestiging) continue;
        return {
          status: 200,
          body: {
            vestigingsnummer: vestiging.vestigingsnummer,
            kvkNummer,
            indNonMailing: 'Nee',
            eersteHandelsnaam: vestiging.eersteHandelsnaam,
            indHoofdvestiging: vestiging.indHoofdvestiging,
            indCommercieleVestiging: 'Ja',
            handelsnamen: [{ naam: vestiging.eersteHandelsnaam, volgorde: 0 }],
            adressen: [
              { type: 'bezoekadres', ...vestiging.bezoekadres },
              { type: 'postadres', ...vestiging.bezoekadres },
            ],
          },
        };
      }
      return notFound('Geen gegevens gevonden.');
    }
    return notFound('Onbekend pad.');
  });
}
