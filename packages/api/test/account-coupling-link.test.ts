import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import { AppError } from '../src/graphql/app-error.js';
import { Account } from '../src/model/account.entity.js';
import { emailLinkLifetime, publicAppUrl } from '../src/modules/auth/email-link.js';
import { hashSecret } from '../src/modules/auth/password-hash.js';
import { sendCouplingLink } from '../src/modules/coupling/coupling-link.service.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();
const couplingLink = `query ($token: String!) {
  couplingLink(token: $token) { productName municipalityName addressLabel email accountExists }
}`;
const accept = `mutation ($input: AcceptCouplingLinkInput!) {
  acceptCouplingLink(input: $input) { me { email role language } expiresAt }
}`;
const me = '{ me { email role } }';

let grantCounter = 0;
/** A product the municipality granted but nobody holds yet (the back office's job, later). */
async function grantPermit(
  orm: MikroORM,
  holderType: 'resident' | 'business',
  productCode = `PKT${++grantCounter}`,
): Promise<string> {
  const em = orm.em.fork();
  const productType = await em.findOneOrFail(
    ProductType,
    holderType === 'business'
      ? { code: 'flexible-business-permit' }
      : { code: 'resident-permit', municipality: { code: 'oudstad' } },
    { populate: ['municipality'] },
  );
  const zone = await em.findOneOrFail(Zone, { municipality: productType.municipality });
  const permit = em.create(Permit, {
    municipality: productType.municipality,
    productType,
    zone,
    holder: null,
    holderType,
    addressKey: `test-${productCode}`,
    addressLabel: `Teststraat ${grantCounter}, ${productType.municipality.name}`,
    validFrom: new Date('2026-01-01T00:00:00Z'),
    productCode,
    pinHash: await hashSecret('1234'),
  });
  await em.flush();
  return permit.id;
}

describe.each(dialects)('coupling a product by e-mail link on %s (docs/rules.md §6)', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let now = new Date('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.orm.em.fork(), now);
    await database.orm.em
      .fork()
      .nativeUpdate(Account, { email: 'bram@demo.parkeer.nl' }, { language: 'en' });
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  /** What the back office will do: send the link in its own unit of work, then flush. */
  const sendLink = async (permitId: string, email: string) => {
    const em = database.orm.em.fork();
    const permit = await em.findOneOrFail(Permit, { id: permitId });
    await sendCouplingLink(em, permit, email, now);
    await em.flush();
    const mail = (
      await database.orm.em
        .fork()
        .find(
          MailOutbox,
          { recipient: email.trim().toLowerCase() },
          { orderBy: { createdAt: 'desc' } },
        )
    )[0]!;
    const link = new RegExp(`${publicAppUrl()}/product-koppelen\\?token=([\\w%-]+)`).exec(
      mail.text,
    );
    expect(link, 'a coupling link in the mail').not.toBeNull();
    return { mail, token: decodeURIComponent(link![1]!) };
  };
  const holderOf = async (permitId: string) =>
    (await database.orm.em.fork().findOneOrFail(Permit, { id: permitId }, { populate: ['holder'] }))
      .holder?.email ?? null;
  const code = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0]?.extensions.code;

  it('makes a new account with the password set twice, couples the product and logs in', async () => {
    const seeded = await database.orm.em
      .fork()
      .findOneOrFail(Permit, { addressLabel: 'Phoenixstraat 9, Delft' });
    const { mail, token } = await sendLink(seeded.id, ' Nieuw.Bewoner@Example.nl ');
    expect(mail.subject).toBe('Uw product staat klaar: Bezoekersvergunning');
    expect(mail.text).toContain('Phoenixstraat 9, Delft');
    expect(mail.text).toContain('u kiest een wachtwoord');

    const info = await new TestClient(server.url).request(couplingLink, { token });
    expect(info.data).toEqual({
      couplingLink: {
        productName: 'Bezoekersvergunning',
        municipalityName: 'Gemeente Delft (demo)',
        addressLabel: 'Phoenixstraat 9, Delft',
        email: 'nieuw.bewoner@example.nl',
        accountExists: false,
      },
    });
    const english = new TestClient(server.url, { 'accept-language': 'en' });
    expect((await english.request(couplingLink, { token })).data).toMatchObject({
      couplingLink: { productName: 'Visitor permit' },
    });

    const client = new TestClient(server.url, { 'accept-language': 'en' });
    const input = { token, password: 'Mijn-eigen-sleutel-1' };
    expect(code(await client.request(accept, { input }))).toBe('PASSWORD_MISMATCH');
    expect(
      code(
        await client.request(accept, { input: { ...input, passwordRepeat: 'Anders-dan-1234' } }),
      ),
    ).toBe('PASSWORD_MISMATCH');
    const weak = { token, password: 'nieuw.bewoner-1', passwordRepeat: 'nieuw.bewoner-1' };
    expect(code(await client.request(accept, { input: weak }))).toBe('PASSWORD_CONTAINS_EMAIL');
    expect(await holderOf(seeded.id)).toBeNull();

    const result = await client.request(accept, {
      input: { ...input, passwordRepeat: input.password },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      acceptCouplingLink: {
        me: { email: 'nieuw.bewoner@example.nl', role: 'resident', language: 'en' },
      },
    });
    expect(client.lastSetCookie).toMatch(/^parkeer_session=[\w-]{40,};.*HttpOnly/);
    expect((await client.request(me)).data).toEqual({
      me: { email: 'nieuw.bewoner@example.nl', role: 'resident' },
    });
    expect(await holderOf(seeded.id)).toBe('nieuw.bewoner@example.nl');

    // The link is used up, also for looking at it.
    expect(
      code(await client.request(accept, { input: { ...input, passwordRepeat: input.password } })),
    ).toBe('LINK_ALREADY_USED');
    expect(code(await client.request(couplingLink, { token }))).toBe('LINK_ALREADY_USED');
  });

  it('asks an existing account for its own password and needs no repeat', async () => {
    const permitId = await grantPermit(database.orm, 'resident');
    const { mail, token } = await sendLink(permitId, 'bram@demo.parkeer.nl');
    expect(mail.subject).toBe('Your product is ready: Resident permit');
    expect(mail.text).toContain('Log in with the password of your account');
    const info = await new TestClient(server.url).request(couplingLink, { token });
    expect(info.data).toMatchObject({ couplingLink: { accountExists: true } });

    const client = new TestClient(server.url);
    const wrong = await client.request(accept, {
      input: { token, password: 'Niet-zijn-wachtwoord-1' },
    });
    expect(code(wrong)).toBe('LOGIN_FAILED');
    expect(client.lastSetCookie).toBeNull();
    expect(await holderOf(permitId)).toBeNull();

    const result = await client.request(accept, { input: { token, password: demoPassword } });
    expect(result.data).toMatchObject({
      acceptCouplingLink: { me: { email: 'bram@demo.parkeer.nl', role: 'resident' } },
    });
    expect(await holderOf(permitId)).toBe('bram@demo.parkeer.nl');
    expect(await database.orm.em.fork().count(Account, { email: 'bram@demo.parkeer.nl' })).toBe(1);
  });

  it('lets an account made without a password set one twice', async () => {
    const em = database.orm.em.fork();
    em.create(Account, { email: 'zonder@example.nl', role: 'resident', passwordHash: null });
    await em.flush();
    const permitId = await grantPermit(database.orm, 'resident');
    const { mail, token } = await sendLink(permitId, 'zonder@example.nl');
    expect(mail.text).toContain('u kiest een wachtwoord');
    const info = await new TestClient(server.url).request(couplingLink, { token });
    expect(info.data).toMatchObject({ couplingLink: { accountExists: false } });
    const client = new TestClient(server.url);
    const password = 'Eindelijk-een-sleutel-7';
    expect(code(await client.request(accept, { input: { token, password } }))).toBe(
      'PASSWORD_MISMATCH',
    );
    const result = await client.request(accept, {
      input: { token, password, passwordRepeat: password },
    });
    expect(result.data).toMatchObject({
      acceptCouplingLink: { me: { email: 'zonder@example.nl', role: 'resident' } },
    });
    expect(await database.orm.em.fork().count(Account, { email: 'zonder@example.nl' })).toBe(1);
    expect(await holderOf(permitId)).toBe('zonder@example.nl');
  });

  it('makes a business account for a business product', async () => {
    const permitId = await grantPermit(database.orm, 'business');
    const { token } = await sendLink(permitId, 'winkel@example.nl');
    const result = await new TestClient(server.url).request(accept, {
      input: { token, password: 'Open-om-negen-9', passwordRepeat: 'Open-om-negen-9' },
    });
    expect(result.data).toMatchObject({
      acceptCouplingLink: { me: { email: 'winkel@example.nl', role: 'business' } },
    });
  });

  it('couples a product only once, whichever of two links is used second', async () => {
    const permitId = await grantPermit(database.orm, 'resident');
    const first = await sendLink(permitId, 'eerste@example.nl');
    const second = await sendLink(permitId, 'tweede@example.nl');
    const password = 'Sterk-genoeg-42';
    const ok = await new TestClient(server.url).request(accept, {
      input: { token: first.token, password, passwordRepeat: password },
    });
    expect(ok.errors).toBeUndefined();
    const late = await new TestClient(server.url).request(accept, {
      input: { token: second.token, password, passwordRepeat: password },
    });
    expect(code(late)).toBe('PRODUCT_ALREADY_COUPLED');
    expect(
      code(await new TestClient(server.url).request(couplingLink, { token: second.token })),
    ).toBe('PRODUCT_ALREADY_COUPLED');
    // Nothing of the refused attempt stays: no account for the second address.
    expect(await database.orm.em.fork().count(Account, { email: 'tweede@example.nl' })).toBe(0);
    expect(await holderOf(permitId)).toBe('eerste@example.nl');

    const em = database.orm.em.fork();
    const coupled = await em.findOneOrFail(Permit, { id: permitId });
    await expect(sendCouplingLink(em, coupled, 'derde@example.nl', now)).rejects.toEqual(
      new AppError('PRODUCT_ALREADY_COUPLED'),
    );
  });

  it('refuses to hand a product to an enforcement account', async () => {
    const permitId = await grantPermit(database.orm, 'resident');
    const { token } = await sendLink(permitId, 'handhaving@demo.parkeer.nl');
    const result = await new TestClient(server.url).request(accept, {
      input: { token, password: demoPassword },
    });
    expect(code(result)).toBe('FORBIDDEN');
    expect(await holderOf(permitId)).toBeNull();
  });

  it('refuses an expired link by the server clock, and an unknown one', async () => {
    const permitId = await grantPermit(database.orm, 'resident');
    const { token } = await sendLink(permitId, 'traag@example.nl');
    now = new Date(now.getTime() + emailLinkLifetime.coupling);
    const password = 'Sterk-genoeg-42';
    const client = new TestClient(server.url);
    expect(code(await client.request(couplingLink, { token }))).toBe('LINK_EXPIRED');
    expect(
      code(await client.request(accept, { input: { token, password, passwordRepeat: password } })),
    ).toBe('LINK_EXPIRED');
    expect(code(await client.request(couplingLink, { token: 'onzin' }))).toBe('LINK_INVALID');
    expect(await holderOf(permitId)).toBeNull();
  });
});
