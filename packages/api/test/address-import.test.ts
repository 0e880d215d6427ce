import { describe, expect, it } from 'vitest';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { Address } from '../src/model/address.entity.js';
import { AddressImport } from '../src/model/address-import.entity.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const importFields = `id fileName format status totalRows rowsDone rowsAdded rowsUpdated
  rowsUnchanged refusedCount refused { row code message } finishedAt`;
const start = `mutation ($input: AddressImportInput!) { startAddressImport(input: $input) { ${importFields} } }`;
const one = `query ($id: ID!) { addressImport(id: $id) { ${importFields} } }`;
const list = `{ addressImports { id status } }`;
const shapes = `{ zoneShapes { zoneId code ranges { postcodeFrom postcodeTo houseNumberFrom houseNumberTo parity } area addressCount } }`;
const setShape = `mutation ($zoneId: ID!, $shape: ZoneShapeInput!) { setZoneShape(zoneId: $zoneId, shape: $shape) {
  code ranges { postcodeFrom parity } area } }`;

const csv = [
  'postcode;huisnummer;huisletter;toevoeging;straat;woonplaats;nummeraanduiding_id;verblijfsobject_id;x;y;lat;lon;zone;eigen_parkeerplaats',
  // 1: new, placed in zone B by its point (RD).
  '2611 EA;3;;;Hippolytusbuurt;Delft;0503200000100001;0503010000100001;84600;447200;;;;nee',
  // 2: new, named zone, own parking.
  '2611EB;8;b;;Wijnhaven;Delft;;;;;;;d;ja',
  // 3: the seeded Oude Delft 1 gets its BAG ids; it keeps its key and zone.
  '2611BA;1;;;Oude Delft;Delft;0503200000100003;0503010000100003;;;;;;',
  // 4: bad postcode; 5: bad house number; 6: unknown zone; 7: duplicate of 1.
  '261EA;4;;;Hippolytusbuurt;Delft;;;;;;;;',
  '2611EA;0;;;Hippolytusbuurt;Delft;;;;;;;;',
  '2611EA;5;;;Hippolytusbuurt;Delft;;;;;;;Q;',
  '2611EA;3;;;Hippolytusbuurt;Delft;;;;;;;;',
  // 8: a column short; 9: a point in France (WGS84); 10: parking neither yes nor no.
  '2611EA;7;;;Hippolytusbuurt;Delft;;;;;;;',
  '2611EA;9;;;Hippolytusbuurt;Delft;;;;;48.85;2.35;;',
  '2611EA;11;;;Hippolytusbuurt;Delft;;;;;;;;misschien',
  // 11: "quoted; with separator" street and GPS position inside zone E (52.016, 4.357 ≈ RD 84.4k, 448.3k).
  '2611EC;2;;bis;"Achterom; west";Delft;;;;;52.0160;4.3570;;',
  '',
].join('\n');

const dialects = await testDialects();

describe.each(dialects)("importing a town's addresses, on %s (docs/rules.md §2)", (dialect) => {
  const api = useDemoApi(dialect);

  async function importFile(admin: Awaited<ReturnType<typeof loggedIn>>, input: Data) {
    const started = await admin.request<Data>(start, { input });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startAddressImport).toMatchObject({ status: 'queued', rowsDone: 0 });
    await runDueJobs(api.orm, { now: api.now });
    return (await admin.request<Data>(one, { id: started.data!.startAddressImport.id })).data!
      .addressImport;
  }

  it('reads a CSV in the background, takes the good rows and reports each refused row with its reason', async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const report = await importFile(delft, {
      fileName: 'adressen.csv',
      format: 'csv',
      content: csv,
    });
    expect(report).toMatchObject({
      status: 'done',
      totalRows: 11,
      rowsDone: 11,
      rowsAdded: 3,
      rowsUpdated: 1,
      rowsUnchanged: 0,
      refusedCount: 7,
    });
    expect(report.finishedAt).not.toBeNull();
    expect(report.refused.map((r: Data) => `${r.row} ${r.code}`)).toEqual([
      '4 ADDRESS_POSTCODE_INVALID',
      '5 ADDRESS_HOUSE_NUMBER_INVALID',
      '6 ADDRESS_IMPORT_ROW_ZONE_UNKNOWN',
      '7 ADDRESS_IMPORT_ROW_DUPLICATE',
      '8 ADDRESS_IMPORT_ROW_COLUMNS',
      '9 ADDRESS_IMPORT_ROW_POINT_INVALID',
      '10 ADDRESS_IMPORT_ROW_PARKING_INVALID',
    ]);
    expect(report.refused[2].message).toBe('De gemeente heeft geen zone Q.');
    expect(report.refused[3].message).toBe('Dit adres staat al op regel 1 van het bestand.');

    const em = api.em();
    const rows = await em.find(
      Address,
      { municipality: { code: 'delft' }, source: { $in: ['import', 'town'] } },
      { populate: ['zone'] },
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get('delft-hippolytusbuurt-3')).toMatchObject({
      label: 'Hippolytusbuurt 3, Delft',
      bagAddressId: '0503200000100001',
      pointX: 84_600,
      privateParking: false,
      source: 'import',
    });
    expect(byKey.get('delft-hippolytusbuurt-3')!.zone!.code).toBe('B');
    expect(byKey.get('delft-wijnhaven-8b')).toMatchObject({ privateParking: true, addition: 'B' });
    expect(byKey.get('delft-wijnhaven-8b')!.zone!.code).toBe('D');
    expect(byKey.get('delft-achterom-west-2bis')!.zone!.code).toBe('E');
    expect(byKey.get('delft-oude-delft-1')).toMatchObject({
      bagObjectId: '0503010000100003',
      source: 'town',
    });
    expect(byKey.get('delft-oude-delft-1')!.zone!.code).toBe('B');
    const audit = await em.find(AuditEntry, { action: 'address.import.start' });
    expect(audit.map((entry) => entry.subjectLabel)).toContain('adressen.csv');

    // Again: nothing changes (idempotent), the same rows are refused.
    const again = await importFile(delft, {
      fileName: 'adressen.csv',
      format: 'csv',
      content: csv,
    });
    expect(again).toMatchObject({
      rowsAdded: 0,
      rowsUpdated: 0,
      rowsUnchanged: 4,
      refusedCount: 7,
    });
    expect((await delft.request<Data>(list)).data!.addressImports[0]).toMatchObject({
      id: again.id,
      status: 'done',
    });
  });

  it('continues a run that stopped after a batch from where it stopped, in batches of 200', async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const rows = Array.from({ length: 450 }, (_, i) => `2613AD,${100 + i},Buitenhof,Delft`);
    const content = ['postcode,huisnummer,straat,woonplaats', ...rows].join('\n');
    const started = await delft.request<Data>(start, {
      input: { fileName: 'groot.csv', format: 'csv', content },
    });
    const id = started.data!.startAddressImport.id as string;
    expect(started.data!.startAddressImport).toMatchObject({ totalRows: 450, rowsDone: 0 });
    // As if a worker died after committing its first batch (here without its rows).
    await api.em().nativeUpdate(AddressImport, { id }, { status: 'running', rowsDone: 200 });
    const halfway = (await delft.request<Data>(one, { id })).data!.addressImport;
    expect(halfway).toMatchObject({ status: 'running', rowsDone: 200, totalRows: 450 });
    await runDueJobs(api.orm, { now: api.now });
    const done = (await delft.request<Data>(one, { id })).data!.addressImport;
    expect(done).toMatchObject({ status: 'done', rowsDone: 450, rowsAdded: 250 });
    // Uploading it again fills in what the dead run skipped and leaves the rest as it is.
    const again = await importFile(delft, { fileName: 'groot.csv', format: 'csv', content });
    expect(again).toMatchObject({ rowsAdded: 200, rowsUnchanged: 250, refusedCount: 0 });
  });

  it('reads BAG API v2 adressenuitgebreid pages (bagJson)', async () => {
    const oudstad = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const adres = (huisnummer: number, x: number) => ({
      openbareRuimteNaam: 'Zuid',
      huisnummer,
      postcode: '9999AC',
      woonplaatsNaam: 'Oudstad',
      nummeraanduidingIdentificatie: `99992000000000${10 + huisnummer}`,
      adresseerbaarObjectIdentificatie: `99990100000000${10 + huisnummer}`,
      adresseerbaarObjectGeometrie: { punt: { type: 'Point', coordinates: [x, 500_500, 0] } },
      gebruiksdoelen: ['woonfunctie'],
    });
    const pages = [
      { _embedded: { adressen: [adres(1, 200_500), adres(2, 250_000)] } },
      { _embedded: { adressen: [{ huisnummer: 3 }] } },
    ];
    const report = await importFile(oudstad, {
      fileName: 'bag.json',
      format: 'bagJson',
      content: JSON.stringify(pages),
    });
    expect(report).toMatchObject({ status: 'done', totalRows: 3, rowsAdded: 2, refusedCount: 1 });
    expect(report.refused[0]).toMatchObject({ row: 3, code: 'ADDRESS_POSTCODE_INVALID' });
    const em = api.em();
    const inside = await em.findOneOrFail(
      Address,
      { key: 'oudstad-zuid-1' },
      { populate: ['zone'] },
    );
    expect(inside.zone!.code).toBe('centrum');
    const outside = await em.findOneOrFail(Address, { key: 'oudstad-zuid-2' });
    expect(outside.zone).toBeNull();
  });

  it('refuses a file it cannot read at once, and shows a town only its own imports', async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const noHeader = await delft.request<Data>(start, {
      input: { fileName: 'x.csv', format: 'csv', content: 'postcode;nummer\n2611BA;1\n' },
    });
    expect(noHeader.errors?.[0]?.extensions?.code).toBe('ADDRESS_IMPORT_HEADER_MISSING');
    const notJson = await delft.request<Data>(start, {
      input: { fileName: 'x.json', format: 'bagJson', content: '{"adressen":' },
    });
    expect(notJson.errors?.[0]?.extensions?.code).toBe('ADDRESS_IMPORT_FILE_UNREADABLE');
    const mine = (await delft.request<Data>(list)).data!.addressImports;
    const oudstad = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const other = await oudstad.request<Data>(one, { id: mine[0].id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("sets a zone's shape, refusing every problem at once; imports place addresses by it (docs/rules.md §3)", async () => {
    const delft = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    const zones = (await delft.request<Data>(shapes)).data!.zoneShapes;
    const y = zones.find((zone: Data) => zone.code === 'Y');
    expect(y).toMatchObject({ ranges: [], area: null });
    expect(zones.find((zone: Data) => zone.code === 'H').ranges).toHaveLength(1);

    const wrong = await delft.request<Data>(setShape, {
      zoneId: y.zoneId,
      shape: {
        ranges: [
          { postcodeFrom: '2611ZZ', postcodeTo: '2611AA', houseNumberFrom: 1, houseNumberTo: 9 },
        ],
        area: '{"type":"Polygon","coordinates":[[[4.3,52.0],[4.4,52.0],[4.4,52.1]]]}',
      },
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('SETTINGS_INVALID');
    expect(
      (wrong.errors![0]!.extensions!.problems as Data[]).map((p) => `${p.code} ${p.path}`),
    ).toEqual([
      'ZONE_SHAPE_RANGE_REVERSED ranges[0].postcodeTo',
      'ZONE_SHAPE_NOT_RD area.coordinates[0]',
    ]);
    const unreadable = await delft.request<Data>(setShape, {
      zoneId: y.zoneId,
      shape: { ranges: [], area: 'POLYGON((1 2, 3 4))' },
    });
    expect(unreadable.errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ code: 'ZONE_SHAPE_AREA_UNREADABLE', path: 'area' }),
    ]);

    const area = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [90_000, 450_000],
            [91_000, 450_000],
            [91_000, 451_000],
            [90_000, 451_000],
          ],
        ],
      },
    };
    // The zone's id is `id`; the deprecated `zoneId` above still works (docs/graphql.md, Names).
    const byEither = setShape
      .replace('$zoneId: ID!', '$id: ID, $zoneId: ID')
      .replace('zoneId: $zoneId', 'id: $id, zoneId: $zoneId');
    const twoZones = await delft.request<Data>(byEither, {
      id: y.zoneId,
      zoneId: zones.find((zone: Data) => zone.code === 'H').zoneId,
      shape: { ranges: [] },
    });
    expect(twoZones.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const set = await delft.request<Data>(byEither, {
      id: y.zoneId,
      shape: {
        ranges: [
          {
            postcodeFrom: '2612AA',
            postcodeTo: '2612ZZ',
            houseNumberFrom: 1,
            houseNumberTo: 99,
            parity: 'odd',
          },
        ],
        area: JSON.stringify(area),
      },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setZoneShape).toMatchObject({
      code: 'Y',
      ranges: [{ postcodeFrom: '2612AA', parity: 'odd' }],
    });
    expect(JSON.parse(set.data!.setZoneShape.area)).toEqual(area.geometry);
    const em = api.em();
    expect(await em.count(AuditEntry, { action: 'zone.shape.set', subjectId: y.zoneId })).toBe(1);
    expect((await em.findOneOrFail(Zone, { id: y.zoneId })).shape?.ranges).toHaveLength(1);

    const report = await importFile(delft, {
      fileName: 'y.csv',
      format: 'csv',
      content:
        'postcode,huisnummer,straat,woonplaats,x,y\n2612AB,3,Vest,Delft,,\n2699AB,1,Veld,Delft,90500,450500\n',
    });
    expect(report).toMatchObject({ rowsAdded: 2, refusedCount: 0 });
    const placed = await em.find(
      Address,
      { key: { $in: ['delft-vest-3', 'delft-veld-1'] } },
      { populate: ['zone'] },
    );
    expect(placed.map((address) => address.zone?.code)).toEqual(['Y', 'Y']);

    const oudstad = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
    const foreign = await oudstad.request<Data>(setShape, {
      zoneId: y.zoneId,
      shape: { ranges: [], area: null },
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
