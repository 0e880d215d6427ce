import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { Favorite } from '../src/model/favorite.entity.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
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
const minute = 60_000;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const meQuery = '{ me { id actingFor { accountId label } } }';
const groupsQuery = '{ productGroups { municipality { code } products { id } } }';
const productQuery = 'query ($id: ID!) { product(id: $id) { id } }';
const startMutation = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id productId plate startedByMe } } } }`;
const sessionsQuery = `query ($productId: ID) { sessions(productId: $productId) {
  runningCount running { id plate } } }`;
const addFavoriteMutation = `mutation ($input: AddFavoriteInput!) {
  addFavorite(input: $input) { id plate name } }`;
const favoritesQuery = 'query ($permitId: ID!) { favorites(permitId: $permitId) { plate } }';

describe.each(dialects)(
  'a login acting for someone works on their products on %s (docs/rules.md §6 acting for someone else)',
  (dialect) => {
    let database: TestDatabase;
    let api: RunningServer;
    let broker: RunningBroker;
    // Monday 23 November 2026, 10:00 in Amsterdam: paid time in the centre.
    const now = new Date('2026-11-23T09:00:00Z');
    const savedPublicUrl = process.env.PUBLIC_URL;

    let parentId: string;
    let carerId: string;
    let permitId: string;
    let carer: TestClient;
    let herself: TestClient;
    let letter: { productCode: string; pin: string };

    const signedIn = async (identity: string) => {
      const browser = new RedirectBrowser();
      const landed = await signIn(api.url, browser, 'oudstad', 'digid', identity);
      expect(landed.searchParams.get('fout')).toBeNull();
      return new TestClient(api.url, { cookie: browser.cookieHeader(api.url) });
    };
    const ask = async (client: TestClient, query: string, variables: Data = {}) => {
      const result = await client.request<Data>(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const codeOf = (result: { errors?: { extensions: { code: string } }[] }) =>
      result.errors?.[0]?.extensions.code;

    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      letter = (await seedDemo(database.orm.em.fork(), now))!.letters[0]!;
      api = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
      process.env.PUBLIC_URL = api.url;
      reloadConfig();
      broker = await startTestBroker(api.url);
      await configureBrokers(
        await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl'),
        broker.issuer,
      );

      // The father signs in once (his account is made from his BSN) and holds a visitor permit:
      // the town's demo visitor permit, coupled to his account.
      const parent = await signedIn('digid-dirk');
      parentId = (await ask(parent, meQuery)).me.id;
      const em = database.orm.em.fork();
      const permit = await em.findOneOrFail(Permit, {
        municipality: { code: 'oudstad' },
        productType: { code: 'visitor-permit' },
      });
      await em.nativeUpdate(Permit, { id: permit.id }, { holder: parentId });
      permitId = permit.id;

      carer = await signedIn('digid-carla-machtiging');
      const me = (await ask(carer, meQuery)).me;
      expect(me.actingFor).toMatchObject({ accountId: parentId, label: 'Dirk Smit' });
      carerId = me.id;
      herself = await signedIn('digid-carla');
      expect((await ask(herself, meQuery)).me).toMatchObject({ id: carerId, actingFor: null });
    });

    afterAll(async () => {
      await api?.close();
      await broker?.close();
      await database?.dispose();
      if (savedPublicUrl === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = savedPublicUrl;
      reloadConfig();
    });

    it("lists the holder's permit for the carer acting for him, and the product page opens (docs/rules.md §6 acting for someone else)", async () => {
      const groups = (await ask(carer, groupsQuery)).productGroups as Data[];
      expect(groups.flatMap((group) => group.products.map((p: Data) => p.id))).toEqual([permitId]);
      expect((await ask(carer, productQuery, { id: permitId })).product.id).toBe(permitId);
    });

    it("starts a session on the holder's permit; the session is his permit's, the ledger row and the session name the carer as who started it (docs/rules.md §6 acting for someone else)", async () => {
      const started = await ask(carer, startMutation, {
        input: {
          productId: permitId,
          plate: 'GB-303-K',
          end: new Date(now.getTime() + 60 * minute).toISOString(),
          idempotencyKey: `acting-for-${dialect}-start`,
        },
      });
      expect(started.startSession).toMatchObject({
        __typename: 'SessionAccepted',
        session: { productId: permitId, plate: 'GB303K', startedByMe: true },
      });
      const sessionId = started.startSession.session.id as string;
      const em = database.orm.em.fork();
      const session = await em.findOneOrFail(ParkingSession, sessionId);
      expect(session.permit.id).toBe(permitId);
      expect(session.startedBy?.id).toBe(carerId);
      const rows = await em.find(LedgerEntry, { permit: permitId, session: sessionId });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((row) => row.createdBy?.id)).toEqual(rows.map(() => carerId));

      const listed = (await ask(carer, sessionsQuery, { productId: null })).sessions;
      expect(listed.running.map((s: Data) => s.id)).toEqual([sessionId]);
    });

    it("keeps favorites the carer adds on the holder's permit (docs/rules.md §6 acting for someone else)", async () => {
      const added = await ask(carer, addFavoriteMutation, {
        input: { permitId, plate: 'GB-404-K', name: 'Thuiszorg' },
      });
      const favorite = await database.orm.em
        .fork()
        .findOneOrFail(Favorite, added.addFavorite.id, { populate: ['permit'] });
      expect(favorite.permit.id).toBe(permitId);
      const parent = await signedIn('digid-dirk');
      expect((await ask(parent, favoritesQuery, { permitId })).favorites).toEqual([
        { plate: 'GB404K' },
      ]);
    });

    it("keeps the product to start with on the holder's account, the language on the carer's (docs/rules.md §6 acting for someone else)", async () => {
      const settings = `mutation ($input: UpdateSettingsInput!) {
        updateSettings(input: $input) { id language startPermitId } }`;
      const changed = await ask(carer, settings, {
        input: { startPermitId: permitId, language: 'en' },
      });
      expect(changed.updateSettings).toMatchObject({ id: carerId, startPermitId: permitId });
      expect((await ask(carer, '{ me { startPermitId } }')).me.startPermitId).toBe(permitId);
      const parent = await signedIn('digid-dirk');
      expect((await ask(parent, '{ me { language startPermitId } }')).me).toEqual({
        language: 'nl',
        startPermitId: permitId,
      });
      expect((await ask(herself, '{ me { startPermitId } }')).me.startPermitId).toBeNull();
      await ask(carer, settings, { input: { language: 'nl' } });
    });

    it("adds a product by code and PIN to the holder's account, not the carer's (docs/rules.md §6 acting for someone else)", async () => {
      const added = await ask(
        carer,
        `mutation ($productCode: String!, $pin: String!) {
          addProductByCode(input: { productCode: $productCode, pin: $pin }) { id } }`,
        letter,
      );
      const permit = await database.orm.em
        .fork()
        .findOneOrFail(Permit, added.addProductByCode.id, { populate: ['holder'] });
      expect(permit.holder?.id).toBe(parentId);
      const groups = (await ask(carer, groupsQuery)).productGroups as Data[];
      expect(groups.flatMap((group) => group.products.map((p: Data) => p.id))).toContain(permit.id);
      expect((await ask(herself, groupsQuery)).productGroups).toEqual([]);
    });

    it("gives the carer's own login, not acting for him, nothing of his (docs/rules.md §6 acting for someone else)", async () => {
      expect((await ask(herself, groupsQuery)).productGroups).toEqual([]);
      expect(codeOf(await herself.request(productQuery, { id: permitId }))).toBe('NOT_FOUND');
      expect(codeOf(await herself.request(favoritesQuery, { permitId }))).toBe('NOT_FOUND');
      const start = await herself.request(startMutation, {
        input: {
          productId: permitId,
          plate: 'GB-505-K',
          idempotencyKey: `acting-for-${dialect}-herself`,
        },
      });
      expect(codeOf(start)).toBe('NOT_FOUND');
      expect((await ask(herself, sessionsQuery, { productId: null })).sessions.runningCount).toBe(
        0,
      );
    });
  },
);
