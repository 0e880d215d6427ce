import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { Account } from '../src/model/account.entity.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { PermitApplication } from '../src/model/permit-application.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { seedDemo } from '../src/seed/demo-seed.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import {
  configureBrokers,
  signIn,
  startTestBroker,
  type RunningBroker,
} from './identity-broker.js';
import { loggedIn } from './login.js';
import { RedirectBrowser } from './oidc-browser.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The test broker's citizen service numbers: none may be stored anywhere (docs/rules.md §6). */
const testBsns = ['999993653', '999990019', '999991772', '999992223', '999995078', '999990111'];

const applicationFields = `id kind status productTypeCode plates permitId paymentStatus
  letters { id kind ready downloadUrl }`;
const applyMutation = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { rule reasons { rule } } } }`;
const applicationQuery = `query ($id: ID!) { permitApplication(id: $id) { ${applicationFields} } }`;
const permitsQuery = `{ counterPermits { permitId productTypeCode kind status plates activePlate
  letters { id kind } } }`;
const meQuery = `{ me { id email role displayName kvkNumber signIn { method assurance }
  actingFor { accountId label } } }`;
const offersQuery = `query ($addressKey: String) { permitOffers(addressKey: $addressKey) {
  productTypeCode kind available pricePerTermCents administrationFeeCents refusals { rule } } }`;
const plateMutation = `mutation ($input: RequestPlateChangeInput!) { requestPlateChange(input: $input) {
  __typename
  ... on PermitApplicationSubmitted { checkoutUrl application { ${applicationFields} } }
  ... on PermitApplicationRefused { rule } } }`;
const endMutation = `mutation ($input: EndPermitInput!) { endPermit(input: $input) {
  __typename } }`;
const rightCheckQuery = `query ($input: RightCheckInput!) {
  rightCheck(input: $input) { valid kind validUntil } }`;

describe.each(dialects)(
  'the permit counter signed in with DigiD, DigiD Machtigen and eHerkenning on %s (docs/rules.md §1, §6)',
  (dialect) => {
    let database: TestDatabase;
    let api: RunningServer;
    let broker: RunningBroker;
    let officer: TestClient;
    // Monday 23 November 2026, 10:00 in Amsterdam.
    const now = new Date('2026-11-23T09:00:00Z');
    const savedPublicUrl = process.env.PUBLIC_URL;
    let key = 0;
    const nextKey = () => `counter-identity-${dialect}-${++key}`;

    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      await seedDemo(database.orm.em.fork(), now);
      api = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
      process.env.PUBLIC_URL = api.url;
      reloadConfig();
      broker = await startTestBroker(api.url);
      for (const admin of ['beheer@delft.demo.parkeer.nl', 'beheer@oudstad.demo.parkeer.nl']) {
        await configureBrokers(await loggedIn(api.url, admin), broker.issuer, {
          // A business may act for a person it is the guardian (bewindvoerder) of.
          eherkenning: {
            claims: {
              identifier: 'kvk',
              name: 'company_name',
              representedBsn: 'bewindvoering.bsn',
              representedName: 'bewindvoering.name',
              assurance: 'acr',
            },
          },
        });
      }
      officer = await loggedIn(api.url, 'handhaving@demo.parkeer.nl');
    });

    afterAll(async () => {
      await api?.close();
      await broker?.close();
      await database?.dispose();
      if (savedPublicUrl === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = savedPublicUrl;
      reloadConfig();
    });

    const cookies = new Map<TestClient, string>();
    /** A client with the cookie a browser got from a DigiD or eHerkenning login. */
    const signedIn = async (town: string, kind: 'digid' | 'eherkenning', identity: string) => {
      const browser = new RedirectBrowser();
      const landed = await signIn(api.url, browser, town, kind, identity);
      expect(landed.searchParams.get('fout')).toBeNull();
      const cookie = browser.cookieHeader(api.url);
      const client = new TestClient(api.url, { cookie });
      cookies.set(client, cookie);
      return client;
    };
    const ask = async (client: TestClient, query: string, variables: Data = {}) => {
      const result = await client.request<Data>(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const apply = async (client: TestClient, application: Data) =>
      (
        await ask(client, applyMutation, {
          input: { application, idempotencyKey: nextKey() },
        })
      ).applyForPermit;
    const pay = async (checkoutUrl: string) => {
      const response = await fetch(api.url + new URL(checkoutUrl).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'paid' }).toString(),
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
    };
    const rightCheck = async (plate: string, zone: string, municipality: string) =>
      (await ask(officer, rightCheckQuery, { input: { plate, zone, municipality } })).rightCheck;
    const download = (client: TestClient, path: string) =>
      fetch(api.url + new URL(path, api.url).pathname, {
        headers: { cookie: cookies.get(client)! },
      });

    it('a resident signs in with Test-DigiD, applies for a resident permit, pays, and the right-check is green for the plate at once (docs/rules.md §1 paid application, §6 DigiD)', async () => {
      const anna = await signedIn('oudstad', 'digid', 'digid-anna');
      const me = (await ask(anna, meQuery)).me;
      expect(me).toMatchObject({
        email: null,
        role: 'resident',
        displayName: 'Anna de Vries',
        signIn: { method: 'digid', assurance: 'midden' },
        actingFor: null,
      });
      expect(await rightCheck('GB-201-K', 'centrum', 'oudstad')).toMatchObject({ valid: false });
      const submitted = await apply(anna, {
        productTypeCode: 'resident-permit',
        addressKey: 'oudstad-noord-1',
        plates: [{ plate: 'GB-201-K' }],
        contactEmail: 'anna.devries@example.nl',
      });
      expect(submitted.__typename).toBe('PermitApplicationSubmitted');
      expect(submitted.application).toMatchObject({ status: 'awaitingPayment', permitId: null });
      await pay(submitted.checkoutUrl);

      const granted = (await ask(anna, applicationQuery, { id: submitted.application.id }))
        .permitApplication;
      expect(granted).toMatchObject({ status: 'granted', paymentStatus: 'paid' });
      expect(await rightCheck('GB-201-K', 'centrum', 'oudstad')).toEqual({
        valid: true,
        kind: 'permit',
        validUntil: '2026-12-31T23:00:00.000Z',
      });
      // The same login sees it among its permits, with its letter to download.
      const permits = (await ask(anna, permitsQuery)).counterPermits as Data[];
      expect(permits).toEqual([
        expect.objectContaining({
          permitId: granted.permitId,
          productTypeCode: 'resident-permit',
          status: 'active',
          activePlate: 'GB-201-K',
          letters: [expect.objectContaining({ kind: 'granted' })],
        }),
      ]);
      expect((await ask(anna, meQuery)).me.id).toBe(me.id);
      const letter = await download(anna, granted.letters[0].downloadUrl);
      expect(letter.status).toBe(200);
      expect(letter.headers.get('content-type')).toBe('application/pdf');
      const permit = await database.orm.em
        .fork()
        .findOneOrFail(Permit, granted.permitId, { populate: ['holder'] });
      expect(permit.holder!.id).toBe(me.id);
    });

    it('DigiD Machtigen: a carer applies for her father; the permit is his, the application and the audit log name her, and only his own login or hers acting for him sees it (docs/rules.md §6 acting for someone else)', async () => {
      const carer = await signedIn('oudstad', 'digid', 'digid-carla-machtiging');
      const viewer = (await ask(carer, meQuery)).me;
      expect(viewer.actingFor).toMatchObject({ label: 'Dirk Smit' });
      const parentId = viewer.actingFor.accountId as string;
      const carerId = viewer.id as string;

      const submitted = await apply(carer, {
        productTypeCode: 'resident-permit',
        addressKey: 'oudstad-markt-3',
        plates: [{ plate: 'GB-202-K' }],
        contactEmail: 'carla.smit@example.nl',
      });
      expect(submitted.__typename).toBe('PermitApplicationSubmitted');
      const id = submitted.application.id as string;
      await pay(submitted.checkoutUrl);

      const em = database.orm.em.fork();
      const application = await em.findOneOrFail(PermitApplication, id);
      expect(application.applicant.id).toBe(parentId);
      expect(application.actor.id).toBe(carerId);
      expect(application.status).toBe('granted');
      const permit = await em.findOneOrFail(Permit, application.permit!.id);
      expect(permit.holder!.id).toBe(parentId);
      const audit = await em.find(AuditEntry, { subjectId: id, action: 'permitApplication.grant' });
      expect(audit.map((entry) => entry.actor.id)).toEqual([carerId]);
      expect(await rightCheck('GB-202-K', 'centrum', 'oudstad')).toMatchObject({ valid: true });

      // The carer's login acting for him: his permits, his application and its letters.
      expect(
        ((await ask(carer, permitsQuery)).counterPermits as Data[]).map((p) => p.permitId),
      ).toEqual([permit.id]);
      const seen = (await ask(carer, applicationQuery, { id })).permitApplication;
      expect(seen.letters).toEqual([expect.objectContaining({ kind: 'granted', ready: true })]);
      expect((await download(carer, seen.letters[0].downloadUrl)).status).toBe(200);
      expect(
        (await ask(carer, '{ myPermitApplications { id } }')).myPermitApplications.map(
          (a: Data) => a.id,
        ),
      ).toEqual([id]);
      const letters = await ask(carer, `{ permitLetters(permitId: "${permit.id}") { kind } }`);
      expect(letters.permitLetters).toEqual([{ kind: 'granted' }]);

      // The father signing in himself later: the same account, the permit is there.
      const parent = await signedIn('oudstad', 'digid', 'digid-dirk');
      expect((await ask(parent, meQuery)).me).toMatchObject({ id: parentId, actingFor: null });
      expect(
        ((await ask(parent, permitsQuery)).counterPermits as Data[]).map((p) => p.permitId),
      ).toEqual([permit.id]);
      expect((await ask(parent, applicationQuery, { id })).permitApplication.status).toBe(
        'granted',
      );
      expect((await download(parent, seen.letters[0].downloadUrl)).status).toBe(200);

      // The carer signing in for herself: her own account, which holds none of it.
      const herself = await signedIn('oudstad', 'digid', 'digid-carla');
      expect((await ask(herself, meQuery)).me).toMatchObject({ id: carerId, actingFor: null });
      expect((await ask(herself, permitsQuery)).counterPermits).toEqual([]);
      expect((await ask(herself, '{ myPermitApplications { id } }')).myPermitApplications).toEqual(
        [],
      );
      const hidden = await herself.request(applicationQuery, { id });
      expect(hidden.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const notHers = await herself.request(`{ permitLetters(permitId: "${permit.id}") { kind } }`);
      expect(notHers.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect((await download(herself, seen.letters[0].downloadUrl)).status).toBe(404);
    });

    it('a business signs in with eHerkenning EH2, sees the products Delft sells it at the counter, applies and pays, and the permit is the business account’s; EH1 never gets that far (docs/rules.md §1 counter offers, §6 eHerkenning)', async () => {
      const business = await signedIn('delft', 'eherkenning', 'eh-bakkerij');
      const me = (await ask(business, meQuery)).me;
      expect(me).toMatchObject({ role: 'business', kvkNumber: '90000012', email: null });
      const offers = (await ask(business, offersQuery, { addressKey: 'delft-markt-7' }))
        .permitOffers as Data[];
      expect(offers.find((offer) => offer.productTypeCode === 'flexible-business-permit')).toEqual({
        productTypeCode: 'flexible-business-permit',
        kind: 'flexibleBusinessPermit',
        available: true,
        pricePerTermCents: 15000,
        administrationFeeCents: 590,
        refusals: [],
      });
      const submitted = await apply(business, {
        productTypeCode: 'flexible-business-permit',
        addressKey: 'delft-markt-7',
        plates: [],
        contactEmail: 'info@korenschoof.example.nl',
      });
      expect(submitted.__typename).toBe('PermitApplicationSubmitted');
      await pay(submitted.checkoutUrl);
      const granted = (await ask(business, applicationQuery, { id: submitted.application.id }))
        .permitApplication;
      expect(granted).toMatchObject({ status: 'granted', paymentStatus: 'paid' });
      const permit = await database.orm.em.fork().findOneOrFail(Permit, granted.permitId);
      expect(permit.holder!.id).toBe(me.id);
      expect(permit.holderType).toBe('business');
      expect(((await ask(business, permitsQuery)).counterPermits as Data[])[0]).toMatchObject({
        permitId: permit.id,
        kind: 'flexibleBusinessPermit',
        status: 'active',
      });

      // EH1 is below what any town may accept: no login, so no counter.
      const browser = new RedirectBrowser();
      const landed = await signIn(api.url, browser, 'delft', 'eherkenning', 'eh-kapper-eh1');
      expect(landed.searchParams.get('fout')).toBe('IDENTITY_ASSURANCE_TOO_LOW');
      const refused = await new TestClient(api.url, {
        cookie: browser.cookieHeader(api.url),
      }).request(offersQuery, { addressKey: 'delft-markt-7' });
      expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(await database.orm.em.fork().count(Account, { kvkNumber: '90000024' })).toBe(0);
    });

    it("a business's eHerkenning login acting for a person (bewindvoering) applies for that person's resident permit, judged as a resident's (docs/rules.md §6 acting for someone else)", async () => {
      const guardian = await signedIn('oudstad', 'eherkenning', 'eh-bewindvoerder');
      const me = (await ask(guardian, meQuery)).me;
      expect(me).toMatchObject({ role: 'business', actingFor: { label: 'Gerrit de Wit' } });
      const offers = (await ask(guardian, offersQuery, { addressKey: 'oudstad-markt-3' }))
        .permitOffers as Data[];
      expect(offers.find((offer) => offer.productTypeCode === 'resident-permit')).toMatchObject({
        available: true,
        refusals: [],
      });
      const submitted = await apply(guardian, {
        productTypeCode: 'resident-permit',
        addressKey: 'oudstad-markt-3',
        plates: [{ plate: 'GB-205-K' }],
        contactEmail: 'post@bewindvoering.example.nl',
      });
      expect(submitted.__typename).toBe('PermitApplicationSubmitted');
      await pay(submitted.checkoutUrl);
      const em = database.orm.em.fork();
      const application = await em.findOneOrFail(PermitApplication, submitted.application.id, {
        populate: ['applicant', 'permit'],
      });
      expect(application).toMatchObject({ status: 'granted', holderType: 'resident' });
      expect(application.applicant.id).toBe(me.actingFor.accountId);
      expect(application.applicant.role).toBe('resident');
      expect(application.actor.id).toBe(me.id);
      expect(application.permit!.holderType).toBe('resident');
      expect(await rightCheck('GB-205-K', 'centrum', 'oudstad')).toMatchObject({ valid: true });
    });

    it('an account DigiD made has no e-mail address: an application without a contact address is refused, with one the letters are mailed to it (docs/rules.md §1 Letters)', async () => {
      const bram = await signedIn('oudstad', 'digid', 'digid-bram');
      expect((await ask(bram, meQuery)).me.email).toBeNull();
      const form = {
        productTypeCode: 'resident-permit',
        addressKey: 'oudstad-noord-1',
        plates: [{ plate: 'GB-203-K' }],
      };
      const before = await database.orm.em.fork().count(PermitApplication, {});
      const refused = await apply(bram, form);
      expect(refused).toMatchObject({
        __typename: 'PermitApplicationRefused',
        rule: 'COUNTER_CONTACT_EMAIL_REQUIRED',
      });
      expect(await database.orm.em.fork().count(PermitApplication, {})).toBe(before);

      const submitted = await apply(bram, { ...form, contactEmail: 'Bram.Jansen@Example.nl' });
      await pay(submitted.checkoutUrl);
      const em = database.orm.em.fork();
      const granted = await em.findOneOrFail(PermitApplication, submitted.application.id);
      expect(granted.status).toBe('granted');
      const mails = await em.find(MailOutbox, { recipient: 'bram.jansen@example.nl' });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.attachments).toHaveLength(1);

      // A later change of the permit (a plate change, with its fee) is mailed there too.
      const change = (
        await ask(bram, plateMutation, {
          input: {
            permitId: granted.permit!.id,
            plate: { plate: 'GB-204-K' },
            idempotencyKey: nextKey(),
          },
        })
      ).requestPlateChange;
      expect(change.__typename).toBe('PermitApplicationSubmitted');
      await pay(change.checkoutUrl);
      expect(await rightCheck('GB-204-K', 'centrum', 'oudstad')).toMatchObject({ valid: true });
      expect(await rightCheck('GB-203-K', 'centrum', 'oudstad')).toMatchObject({ valid: false });
      expect(await em.fork().count(MailOutbox, { recipient: 'bram.jansen@example.nl' })).toBe(2);
    });

    it("mails the ended letter of a DigiD account's permit to the contact address its applications gave, and again when the back office resends it (docs/rules.md §1 Letters)", async () => {
      const em = database.orm.em.fork();
      const { permit } = await em.findOneOrFail(PermitApplication, {
        contactEmail: 'bram.jansen@example.nl',
        kind: 'new',
      });
      const bram = await signedIn('oudstad', 'digid', 'digid-bram');
      const ended = (
        await ask(bram, endMutation, {
          input: { permitId: permit!.id, idempotencyKey: nextKey() },
        })
      ).endPermit;
      expect(ended.__typename).toBe('PermitEnded');
      const letter = await em.fork().findOneOrFail(PermitDocument, {
        permit: permit!.id,
        letterKind: 'ended',
      });
      const mailsToBram = () =>
        em.fork().count(MailOutbox, { recipient: 'bram.jansen@example.nl' });
      // The granted, changed and ended letters.
      expect(await mailsToBram()).toBe(3);

      const admin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      await ask(admin, 'mutation ($id: ID!) { resendLetter(documentId: $id) { id } }', {
        id: letter.id,
      });
      expect(await mailsToBram()).toBe(4);
    });

    it('stores no citizen service number anywhere after all this (docs/rules.md §6 DigiD)', async () => {
      const connection = database.orm.em.fork().getConnection();
      const tables =
        dialect === 'sqlite'
          ? (
              await connection.execute<{ name: string }[]>(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
              )
            ).map((row: { name: string }) => row.name)
          : (
              await connection.execute<{ table_name: string }[]>(
                "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
              )
            ).map((row: { table_name: string }) => row.table_name);
      expect(tables).toContain('permit_application');
      for (const table of tables) {
        const text = JSON.stringify(await connection.execute(`select * from "${table}"`));
        for (const bsn of testBsns) expect(text, `${table} holds ${bsn}`).not.toContain(bsn);
      }
    });
  },
);
