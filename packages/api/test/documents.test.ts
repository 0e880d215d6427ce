import { beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from '../src/jobs/retention.js';
import { Account } from '../src/model/account.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { limitPolicies } from '../src/modules/rate-limit/limit-policies.js';
import { attachUploads } from '../src/modules/letter/upload-attach.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import { useDemoApi } from './demo-api.js';
import { recordLetter, sessionCookie, storeApplication } from './letters-fixtures.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const hour = 60 * 60_000;
const pdfBytes = Buffer.from('%PDF-1.4\n% a small test file\n%%EOF\n');
const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpegBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

describe.each(dialects)('documents on %s (docs/rules.md §1, letters)', (dialect) => {
  const api = useDemoApi(dialect);
  const cookies: Record<string, string> = {};
  let letterId = '';
  let refusalId = '';
  const ids: Record<string, string> = {};

  const get = (id: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/documents/${id}`, { headers });
  const as = (who: string) => ({ cookie: cookies[who]! });
  const upload = (
    who: string | null,
    body: Buffer,
    type: string,
    extra: Record<string, string> = {},
  ) =>
    fetch(`${api.url}/documents`, {
      method: 'POST',
      headers: {
        'content-type': type,
        'x-file-name': 'huurcontract.pdf',
        ...(who ? as(who) : {}),
        ...extra,
      },
      body,
    });

  beforeAll(async () => {
    for (const email of [
      'anna@demo.parkeer.nl',
      'bram@demo.parkeer.nl',
      'carla@demo.parkeer.nl',
      'bakkerij@demo.parkeer.nl',
      'beheer@delft.demo.parkeer.nl',
      'beheer@oudstad.demo.parkeer.nl',
      'handhaving@demo.parkeer.nl',
    ]) {
      cookies[email.split('@')[0]! + (email.includes('oudstad') ? '-oudstad' : '')] =
        await sessionCookie(api.url, email);
      ids[email] = (await api.em().findOneOrFail(Account, { email })).id;
    }
    const em = api.em();
    const delft = await em.findOneOrFail(Municipality, { code: 'delft' });
    const annasPermit = await api.permitOf('anna@demo.parkeer.nl');
    letterId = (
      await recordLetter(em, { municipalityId: delft.id, permitId: annasPermit, at: api.now })
    ).id;
    // Bram applied, the bakery filled it in for him; the official refused it.
    const application = await storeApplication(
      em,
      annasPermit,
      ids['bram@demo.parkeer.nl']!,
      ids['bakkerij@demo.parkeer.nl']!,
      api.now,
    );
    refusalId = (
      await recordLetter(api.em(), {
        kind: 'refused',
        municipalityId: delft.id,
        applicationId: application.id,
        at: api.now,
      })
    ).id;
  });

  it("serves a letter to its permit's holder: the PDF, its name, never cached", async () => {
    const response = await get(letterId, as('anna'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="besluit-verleend-A7K2-9QXM.pdf"; filename*=UTF-8''besluit-verleend-A7K2-9QXM.pdf`,
    );
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
  });

  it('serves it to an admin of its town; to anyone else it does not exist (404 JSON)', async () => {
    expect((await get(letterId, as('beheer'))).status).toBe(200);
    for (const who of ['bram', 'carla', 'bakkerij', 'beheer-oudstad', 'handhaving']) {
      const response = await get(letterId, as(who));
      expect(response.status, who).toBe(404);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    }
    expect((await get(letterId)).status).toBe(404);
    expect((await get('00000000-0000-4000-8000-000000000000', as('anna'))).status).toBe(404);
    expect((await get('not-a-uuid', as('anna'))).status).toBe(404);
  });

  it('answers a letter not printed yet as missing, with when to ask again', async () => {
    const em = api.em();
    const pending = em.create(PermitDocument, {
      municipality: (await em.findOneOrFail(Municipality, { code: 'delft' })).id,
      permit: await api.permitOf('anna@demo.parkeer.nl'),
      kind: 'letter',
      letterKind: 'granted',
      fileName: 'besluit-verleend-X.pdf',
      contentType: 'application/pdf',
      content: null,
      createdAt: api.now,
    });
    await em.flush();
    const response = await get(pending.id, as('anna'));
    expect(response.status).toBe(404);
    expect(response.headers.get('retry-after')).toBe('5');
    // Someone who may not read it is not told it exists.
    expect((await get(pending.id, as('bram'))).headers.get('retry-after')).toBeNull();
  });

  it("serves an application's letter to its applicant, not to who filled it in with a login of their own (docs/rules.md §6 acting for someone else)", async () => {
    expect((await get(refusalId, as('bram'))).status).toBe(200);
    // A login acting for Bram reads it (counter-identity.test.ts); the actor's own login does not.
    expect((await get(refusalId, as('bakkerij'))).status).toBe(404);
    expect((await get(refusalId, as('beheer'))).status).toBe(200);
    expect((await get(refusalId, as('anna'))).status).toBe(404);
    expect((await get(refusalId, as('beheer-oudstad'))).status).toBe(404);
  });

  it('takes a bearer token like the rest of the API', async () => {
    const issued = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
        variables: { email: 'anna@demo.parkeer.nl', password: demoPassword },
      }),
    });
    const { data } = (await issued.json()) as { data: { createAccessToken: { token: string } } };
    const bearer = { authorization: `Bearer ${data.createAccessToken.token}` };
    expect((await get(letterId, bearer)).status).toBe(200);
    expect((await get(refusalId, bearer)).status).toBe(404);
  });

  it('stores an upload of a signed-in holder, answers its id, and gives it back only to them', async () => {
    const response = await upload('anna', pdfBytes, 'application/pdf');
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const stored = await api.em().findOneOrFail(PermitDocument, { id });
    expect(stored).toMatchObject({
      kind: 'upload',
      fileName: 'huurcontract.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
      permit: null,
      application: null,
      municipality: null,
    });
    const back = await get(id, as('anna'));
    expect(back.status).toBe(200);
    // Someone's upload is only ever saved, and cannot run anything in our origin.
    expect(back.headers.get('content-disposition')).toMatch(
      /^attachment; filename="huurcontract\.pdf"/,
    );
    expect(back.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await back.arrayBuffer()).equals(pdfBytes)).toBe(true);
    // Not attached yet: no town's admin sees it, nor anyone else.
    expect((await get(id, as('beheer'))).status).toBe(404);
    expect((await get(id, as('bram'))).status).toBe(404);

    for (const [bytes, type] of [
      [pngBytes, 'image/png'],
      [jpegBytes, 'image/jpeg'],
    ] as const) {
      const image = await upload('bram', bytes, type, { 'x-file-name': 'foto.heic' });
      expect(image.status, type).toBe(201);
      const { id: imageId } = (await image.json()) as { id: string };
      const row = await api.em().findOneOrFail(PermitDocument, { id: imageId });
      expect(row.fileName).toBe(type === 'image/png' ? 'foto.png' : 'foto.jpg');
    }
  });

  it('makes the file name harmless: no path, no control characters, the real extension', async () => {
    const name = encodeURIComponent('../../etc/pass\u0000wd<script>.exe');
    const response = await upload('anna', pdfBytes, 'application/pdf', { 'x-file-name': name });
    const { id } = (await response.json()) as { id: string };
    expect((await api.em().findOneOrFail(PermitDocument, { id })).fileName).toBe(
      'passwdscript.pdf',
    );
    const unicode = await upload('anna', pdfBytes, 'application/pdf', {
      'x-file-name': encodeURIComponent('loonstrook Zoë.pdf'),
    });
    const { id: unicodeId } = (await unicode.json()) as { id: string };
    const download = await get(unicodeId, as('anna'));
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="loonstrook Zoe.pdf"; filename*=UTF-8''loonstrook%20Zo%C3%AB.pdf`,
    );
  });

  it('refuses types other than PDF, JPEG and PNG, and bytes that are not what the type says', async () => {
    const before = await api.em().count(PermitDocument, { kind: 'upload' });
    const refusals = [
      await upload('anna', Buffer.from('hello'), 'text/plain'),
      await upload('anna', Buffer.from('<svg/>'), 'image/svg+xml'),
      // A PNG sent as a PDF, an HTML page sent as a JPEG.
      await upload('anna', pngBytes, 'application/pdf'),
      await upload('anna', Buffer.from('<html><script>'), 'image/jpeg'),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(415);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('DOCUMENT_TYPE_NOT_ACCEPTED');
    }
    const empty = await upload('anna', Buffer.alloc(0), 'application/pdf');
    expect(empty.status).toBe(400);
    expect(await api.em().count(PermitDocument, { kind: 'upload' })).toBe(before);
  });

  it('refuses a file over 5 MB with 413 and stores nothing', async () => {
    const before = await api.em().count(PermitDocument, { kind: 'upload' });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    pdfBytes.copy(big);
    const response = await upload('bram', big, 'application/pdf');
    expect(response.status).toBe(413);
    const body = (await response.json()) as {
      errors: { extensions: { code: string; params: { limit: string } } }[];
    };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      params: { limit: '5 MB' },
    });
    expect(await api.em().count(PermitDocument, { kind: 'upload' })).toBe(before);
  });

  it('takes uploads from signed-in holders only', async () => {
    expect((await upload(null, pdfBytes, 'application/pdf')).status).toBe(401);
    for (const who of ['beheer', 'handhaving']) {
      expect((await upload(who, pdfBytes, 'application/pdf')).status, who).toBe(403);
    }
  });

  it('limits uploads per account: 429 with Retry-After after the hour’s allowance', async () => {
    const allowance = limitPolicies.documentUpload.account.points;
    for (let i = 0; i < allowance; i++) {
      expect((await upload('carla', pngBytes, 'image/png')).status).toBe(201);
    }
    const refused = await upload('carla', pngBytes, 'image/png');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    // Another account of the same client still may.
    expect((await upload('bakkerij', pngBytes, 'image/png')).status).toBe(201);
  });

  it('attaches only the uploader’s own unattached uploads to an application, which its town’s admin then reads', async () => {
    const uploaded = async (who: string) =>
      ((await (await upload(who, pdfBytes, 'application/pdf')).json()) as { id: string }).id;
    const mine = await uploaded('bram');
    const annas = await uploaded('anna');
    const annasPermit = await api.permitOf('anna@demo.parkeer.nl');
    const application = await storeApplication(
      api.em(),
      annasPermit,
      ids['bram@demo.parkeer.nl']!,
      ids['bram@demo.parkeer.nl']!,
      api.now,
    );
    const result = await api.em().transactional((tx) =>
      attachUploads(tx, {
        documentIds: [mine, annas, 'not-an-id'],
        uploadedById: ids['bram@demo.parkeer.nl']!,
        applicationId: application.id,
        municipalityId: application.municipality.id,
        requirements: { [mine]: 'leaseContract' },
      }),
    );
    expect(result.attached.map((d) => d.id)).toEqual([mine]);
    expect(result.missing.sort()).toEqual([annas, 'not-an-id'].sort());
    const attached = await api.em().findOneOrFail(PermitDocument, { id: mine });
    expect(attached.requirement).toBe('leaseContract');
    expect((await get(mine, as('beheer'))).status).toBe(200);
    expect((await get(mine, as('beheer-oudstad'))).status).toBe(404);
    expect((await get(annas, as('beheer'))).status).toBe(404);
    // Once attached it is not attached again elsewhere.
    const again = await api.em().transactional((tx) =>
      attachUploads(tx, {
        documentIds: [mine],
        uploadedById: ids['bram@demo.parkeer.nl']!,
        applicationId: application.id,
        municipalityId: application.municipality.id,
      }),
    );
    expect(again.missing).toEqual([mine]);
  });

  it('removes uploads no application took after 24 hours, and keeps the rest (docs/rules.md §8)', async () => {
    const em = api.em();
    const annasPermit = await api.permitOf('anna@demo.parkeer.nl');
    const application = await storeApplication(
      em,
      annasPermit,
      ids['anna@demo.parkeer.nl']!,
      ids['anna@demo.parkeer.nl']!,
      api.now,
    );
    const file = (hoursAgo: number, attached: boolean) =>
      em.create(PermitDocument, {
        kind: 'upload',
        municipality: attached ? application.municipality : null,
        application: attached ? application : null,
        fileName: 'contract.pdf',
        contentType: 'application/pdf',
        content: pdfBytes,
        size: pdfBytes.length,
        createdBy: ids['anna@demo.parkeer.nl']!,
        createdAt: new Date(api.now.getTime() - hoursAgo * hour),
      });
    const orphan = file(25, false);
    const recent = file(23, false);
    const attached = file(72, true);
    await em.flush();
    const { removedOrphanUploads } = await applyRetention(api.em(), api.now);
    expect(removedOrphanUploads).toBeGreaterThanOrEqual(1);
    const left = await api
      .em()
      .find(PermitDocument, { id: { $in: [orphan.id, recent.id, attached.id] } });
    expect(left.map((d) => d.id).sort()).toEqual([recent.id, attached.id].sort());
    // Letters are never an upload's business.
    expect(await api.em().count(PermitDocument, { id: { $in: [letterId, refusalId] } })).toBe(2);
  });
});
