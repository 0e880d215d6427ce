import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseSettings, Dialect } from '../src/db/orm-config.js';
import { seedDemo, type DemoProduct } from '../src/seed/demo-seed.js';
import { LedgerEntry } from '../src/model/ledger-entry.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { createLivePubSub, type LivePubSub } from '../src/graphql/pubsub.js';
import { createServer, type RunningServer } from '../src/server.js';
import { openTestDatabase, type TestDatabase } from './test-databases.js';

/** Monday 23 November 2026, 10:00 in Amsterdam: inside paid hours of both demo towns. */
export const demoMonday = new Date('2026-11-23T09:00:00Z');

/** The demo towns on a fresh database of one dialect, served by an API whose clock tests set. */
export interface DemoApi {
  readonly orm: MikroORM;
  /** Base URL of the server. */
  readonly url: string;
  /** Allocation letters of the products not yet coupled. */
  readonly letters: readonly DemoProduct[];
  /** The server's clock: a test moves it by assigning. */
  now: Date;
  /** The server's pub/sub (in memory): tests wait on its listeners. */
  readonly pubSub: LivePubSub;
  em(): EntityManager;
  /** The id of the permit `email` holds (a visitor permit unless another product code). */
  permitOf(email: string, productCode?: string): Promise<string>;
  balanceOf(permitId: string): Promise<number>;
  /** The sum of the permit's own ledger rows, which must equal its cached balance. */
  ledgerSum(permitId: string): Promise<number>;
}

/**
 * Opens the database, seeds the demo and starts the API before the tests of the enclosing
 * `describe`, and closes both after them.
 */
export function useDemoApi(
  dialect: Dialect,
  options: { start?: Date } & Pick<DatabaseSettings, 'onQuery'> = {},
): DemoApi {
  let database: TestDatabase | undefined;
  let server: RunningServer | undefined;
  let letters: readonly DemoProduct[] = [];
  const api: DemoApi = {
    get orm() {
      return database!.orm;
    },
    get url() {
      return server!.url;
    },
    get letters() {
      return letters;
    },
    now: options.start ?? demoMonday,
    pubSub: createLivePubSub(),
    em: () => database!.orm.em.fork(),
    permitOf: async (email, productCode = 'visitor-permit') =>
      (
        await api
          .em()
          .findOneOrFail(
            Permit,
            { holder: { email }, productType: { code: productCode } },
            { fields: ['id'] },
          )
      ).id,
    balanceOf: async (permitId) => (await api.em().findOneOrFail(Permit, { id: permitId })).balance,
    ledgerSum: async (permitId) =>
      (await api.em().find(LedgerEntry, { permit: permitId, pot: 'permit' })).reduce(
        (sum, entry) => sum + entry.amount,
        0,
      ),
  };
  beforeAll(async () => {
    database = await openTestDatabase(dialect, { onQuery: options.onQuery });
    letters = (await seedDemo(database.orm.em.fork(), api.now))?.letters ?? [];
    server = await createServer({
      port: 0,
      orm: database.orm,
      webDist: null,
      clock: () => api.now,
      pubSub: api.pubSub,
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });
  return api;
}
