import { startFakeRegistryServer, type FakeRegistryServer } from './fake-registry-server.js';

/**
 * Recorded answers in the shape of RDW open data (SODA JSON, datasets m9d7-ebf2 and 8ys7-d773;
 * every value a string, an unknown plate an empty array), trimmed to the fields that matter and
 * a few that show the shape. The vehicles are invented; their plates are the demo's and the
 * tests' (docs/architecture.md §Registries lists them).
 */
interface RecordedVehicle {
  readonly vehicle: Readonly<Record<string, string>>;
  readonly fuels: ReadonlyArray<Readonly<Record<string, string>>>;
}

const car = (
  kenteken: string,
  fields: Record<string, string>,
  fuels: ReadonlyArray<Record<string, string>>,
): [string, RecordedVehicle] => [
  kenteken,
  {
    vehicle: {
      kenteken,
      voertuigsoort: 'Personenauto',
      inrichting: 'hatchback',
      europese_voertuigcategorie: 'M1',
      aantal_zitplaatsen: '5',
      wam_verzekerd: 'Ja',
      ...fields,
    },
    fuels: fuels.map((fuel, index) => ({
      kenteken,
      brandstof_volgnummer: String(index + 1),
      ...fuel,
    })),
  },
];

const petrolEuro6 = {
  brandstof_omschrijving: 'Benzine',
  emissiecode_omschrijving: '6',
  uitlaatemissieniveau: 'EURO 6 AP',
};

export const recordedVehicles: ReadonlyMap<string, RecordedVehicle> = new Map([
  // The demo residents' cars (seed and tests).
  car(
    'GB123K',
    {
      merk: 'VOLKSWAGEN',
      handelsbenaming: 'GOLF',
      eerste_kleur: 'GRIJS',
      massa_ledig_voertuig: '1205',
      toegestane_maximum_massa_voertuig: '1760',
      lengte: '428',
      datum_eerste_toelating: '20190412',
    },
    [petrolEuro6],
  ),
  car(
    'XX999X',
    {
      merk: 'TOYOTA',
      handelsbenaming: 'YARIS',
      massa_ledig_voertuig: '1015',
      toegestane_maximum_massa_voertuig: '1490',
      lengte: '394',
      datum_eerste_toelating: '20120305',
    },
    [
      {
        brandstof_omschrijving: 'Benzine',
        emissiecode_omschrijving: '5',
        uitlaatemissieniveau: 'EURO 5',
      },
    ],
  ),
  car(
    '12ABC3',
    {
      merk: 'PEUGEOT',
      handelsbenaming: '308',
      inrichting: 'stationwagen',
      massa_ledig_voertuig: '1290',
      toegestane_maximum_massa_voertuig: '1930',
      lengte: '458',
      datum_eerste_toelating: '20170921',
    },
    [
      {
        brandstof_omschrijving: 'Diesel',
        emissiecode_omschrijving: '6',
        uitlaatemissieniveau: 'EURO 6 W',
      },
    ],
  ),
  // A van (N1, within 3500 kg and 6 m).
  car(
    'VF381N',
    {
      voertuigsoort: 'Bedrijfsauto',
      merk: 'FORD',
      handelsbenaming: 'TRANSIT CUSTOM',
      inrichting: 'gesloten opbouw',
      europese_voertuigcategorie: 'N1',
      aantal_zitplaatsen: '3',
      massa_ledig_voertuig: '1907',
      toegestane_maximum_massa_voertuig: '3000',
      lengte: '527',
      datum_eerste_toelating: '20200115',
    },
    [
      {
        brandstof_omschrijving: 'Diesel',
        emissiecode_omschrijving: '6',
        uitlaatemissieniveau: 'EURO 6 AG',
      },
    ],
  ),
  // A camper: recreational, whatever its mass.
  car(
    'KW123P',
    {
      merk: 'FIAT',
      handelsbenaming: 'DUCATO',
      inrichting: 'kampeerwagen',
      aantal_zitplaatsen: '4',
      massa_ledig_voertuig: '2890',
      toegestane_maximum_massa_voertuig: '3500',
      lengte: '699',
      datum_eerste_toelating: '20180603',
    },
    [
      {
        brandstof_omschrijving: 'Diesel',
        emissiecode_omschrijving: '6',
        uitlaatemissieniveau: 'EURO 6 B',
      },
    ],
  ),
  // A truck above 3500 kg: a large vehicle.
  car(
    'BX12LT',
    {
      voertuigsoort: 'Bedrijfsauto',
      merk: 'DAF',
      handelsbenaming: 'LF 210',
      inrichting: 'gesloten opbouw',
      europese_voertuigcategorie: 'N2',
      aantal_zitplaatsen: '2',
      massa_ledig_voertuig: '5120',
      toegestane_maximum_massa_voertuig: '11990',
      lengte: '812',
      datum_eerste_toelating: '20160830',
    },
    [
      {
        brandstof_omschrijving: 'Diesel',
        emissiecode_omschrijving: '6',
        uitlaatemissieniveau: 'EURO VI',
      },
    ],
  ),
  // A trailer: no fuel rows.
  [
    'WV123T',
    {
      vehicle: {
        kenteken: 'WV123T',
        voertuigsoort: 'Aanhangwagen',
        merk: 'HAPERT',
        inrichting: 'open laadvloer',
        europese_voertuigcategorie: 'O1',
        massa_ledig_voertuig: '190',
        toegestane_maximum_massa_voertuig: '750',
        lengte: '351',
        datum_eerste_toelating: '20210419',
      },
      fuels: [],
    },
  ],
  // A diesel of Euro 4: refused where a zone admits diesel from Euro 6.
  car(
    'DN404D',
    {
      merk: 'OPEL',
      handelsbenaming: 'ASTRA',
      inrichting: 'stationwagen',
      massa_ledig_voertuig: '1275',
      toegestane_maximum_massa_voertuig: '1830',
      lengte: '451',
      datum_eerste_toelating: '20060210',
    },
    [
      {
        brandstof_omschrijving: 'Diesel',
        emissiecode_omschrijving: '4',
        uitlaatemissieniveau: 'EURO 4',
      },
    ],
  ),
  // An electric car: no exhaust, no emission class.
  car(
    'GX001E',
    {
      merk: 'TESLA',
      handelsbenaming: 'MODEL 3',
      inrichting: 'sedan',
      massa_ledig_voertuig: '1745',
      toegestane_maximum_massa_voertuig: '2232',
      lengte: '469',
      datum_eerste_toelating: '20220701',
    },
    [{ brandstof_omschrijving: 'Elektriciteit' }],
  ),
]);

/** Plates the register does not know: it answers them with an empty array. */
export const unknownPlates: ReadonlySet<string> = new Set(['ZZ000Z']);

/**
 * Any other plate is an ordinary petrol car, so the plates a demo visitor or a test types are
 * known without recording each; only `unknownPlates` are not in the register.
 */
function answerFor(plate: string): RecordedVehicle | null {
  if (plate === '' || unknownPlates.has(plate)) return null;
  return (
    recordedVehicles.get(plate) ??
    car(
      plate,
      {
        merk: 'RENAULT',
        handelsbenaming: 'CLIO',
        massa_ledig_voertuig: '1090',
        toegestane_maximum_massa_voertuig: '1620',
        lengte: '405',
        datum_eerste_toelating: '20200601',
      },
      [petrolEuro6],
    )[1]
  );
}

const datasetPath = /^\/resource\/([a-z0-9]{4}-[a-z0-9]{4})\.json$/;

/** The fake RDW: the two datasets by `kenteken`; other datasets and paths answer 404. */
export function startRdwFake(): Promise<FakeRegistryServer> {
  return startFakeRegistryServer((request) => {
    const dataset = datasetPath.exec(request.path)?.[1];
    if (request.method !== 'GET' || (dataset !== 'm9d7-ebf2' && dataset !== '8ys7-d773')) {
      return { status: 404, body: { code: 'not_found', error: true, message: 'Not found' } };
    }
    const plate = (request.query.get('kenteken') ?? '').toUpperCase();
    const recorded = answerFor(plate);
    if (!recorded) return { status: 200, body: [] };
    return { status: 200, body: dataset === 'm9d7-ebf2' ? [recorded.vehicle] : recorded.fuels };
  });
}
