import type { EntityManager } from '@mikro-orm/core';
import { visitorPermitEligibility } from '@parkeer/domain/eligibility/permit-application';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import argon2 from 'argon2';
import { Account } from '../src/model/account.entity.js';
import { hashOptions } from '../src/modules/auth/password-hash.js';
import { EnforcementTown } from '../src/model/enforcement-town.entity.js';
import { forgetEnforcementTowns } from '../src/modules/enforcement/enforcement-towns.js';
import { flushRightCheckLog } from '../src/modules/enforcement/right-check-log-writer.js';
import { RightCheckLog } from '../src/model/right-check-log.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { PermitPlate } from '../src/model/permit-plate.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { ParkingSession, type SessionStatus } from '../src/model/parking-session.entity.js';
import { Zone } from '../src/model/zone.entity.js';
import { OutageCompensation } from '../src/model/outage-compensation.entity.js';
import { applyRetention } from '../src/jobs/retention.js';
import { FineWaiver } from '../src/model/fine-waiver.entity.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { anonymisedPlate } from '../src/model/parking-session.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';
import { MikroORM } from '@mikro-orm/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ormOptions, type DatabaseSettings } from '../src/db/orm-config.js';
import { sqlDate } from '../src/db/sql-date.js';
import { createScratchPostgres } from '../src/db/scratch-postgres.js';

const dialects = await testDialects();
const login = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { me { email } }
}`;
const answerFields =
  'valid kind permitKind validUntil checkedAt plate zone checkId mayFine outage { start end }';
const rightCheck = `query ($input: RightCheckInput!) {
  rightCheck(input: $input) { ${answerFields} }
}`;
const rightCheckBatch = `query ($input: RightCheckBatchInput!) {
  rightCheckBatch(input: $input) {
    __typename
    ... on RightCheckResult { ${answerFields} }
    ... on RightCheckRefused { index code message params }
  }
}`;

interface Answer {
  valid: boolean;
  kind: string | null;
  permitKind?: string | null;
  validUntil: string | null;
  checkedAt: string;
  plate: string;
  zone?: string;
  checkId?: string;
  mayFine?: boolean;
  outage?: { start: string; end: string } | null;
}
type Question = {
  plate: string;
  zone?: string;
  municipality: string;
  at?: string;
  country?: string;
  latitude?: number;
  longitude?: number;
};
type BatchItem =
  | ({ __typename: 'RightCheckResult' } & Answer)
  | {
      __typename: 'RightCheckRefused';
      index: number;
      code: string;
      message: string;
      params: Record<string, unknown> | null;
    };
/** The answer without what differs per check by design: its log entry. */
const withoutCheckId = ({ checkId, ...rest }: Answer) => {
  expect(checkId).toMatch(/^[0-9a-f-]{36}$/);
  return rest;
};

const minutes = (n: number) => n * 60_000;

describe.each(dialects)('enforcement right-check on %s (docs/rules.md §9)', (dialect) => {
  const now = new Date('2026-11-23T09:00:00Z');
  const later = (n: number) => new Date(now.getTime() + minutes(n));
  // A check is about now (or the last hours): later moments are checked by moving the clock.
  let clock = now;
  const atMoment = async <T>(moment: Date, work: () => Promise<T>): Promise<T> => {
    clock = moment;
    try {
      return await work();
    } finally {
      clock = now;
    }
  };
  let database: TestDatabase;
  let server: RunningServer;
  let officer: TestClient;

  const clientOf = async (email: string) => {
    const client = new TestClient(server.url);
    const result = await client.request(login, { email, password: demoPassword });
    expect(result.errors).toBeUndefined();
    return client;
  };
  const check = async (input: Question, client: TestClient = officer) =>
    client.request<{ rightCheck: Answer }>(rightCheck, { input });
  const answer = async (...args: Parameters<typeof check>) => {
    const result = await check(...args);
    expect(result.errors).toBeUndefined();
    return withoutCheckId(result.data!.rightCheck);
  };
  const batch = async (items: Question[], client: TestClient = officer) =>
    client.request<{ rightCheckBatch: BatchItem[] }>(rightCheckBatch, { input: { items } });
  const logCount = async () => {
    await flushRightCheckLog(database.orm.em);
    return em().count(RightCheckLog, {});
  };
  const em = () => database.orm.em.fork();
  // The statements of one request, to count the batch's queries.
  const statements: string[] = [];
  let counting = false;

  beforeAll(async () => {
    database = await openTestDatabase(dialect, {
      onQuery: (sql) => {
        if (counting && sql.startsWith('[query]')) statements.push(sql);
      },
    });
    await seedDemo(em(), now);
    await arrangeRights(em(), now);
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => clock });
    // A scan car's bearer token: it does not lapse while the tests move the clock by weeks.
    const issued = await new TestClient(server.url).request<{
      createAccessToken: { token: string };
    }>(
      'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
      { email: 'handhaving@demo.parkeer.nl', password: demoPassword },
    );
    officer = new TestClient(server.url, {
      authorization: `Bearer ${issued.data!.createAccessToken.token}`,
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('finds a running visitor session in its zone, valid until its end', async () => {
    expect(await answer({ plate: 'gb-123-k', zone: 'B', municipality: 'delft' })).toEqual({
      valid: true,
      kind: 'visitorSession',
      permitKind: null,
      validUntil: later(120).toISOString(),
      checkedAt: now.toISOString(),
      plate: 'GB-123-K',
      zone: 'B',
      mayFine: false,
      outage: null,
    });
  });

  it('does not accept a session in another zone, or a zone of another municipality', async () => {
    expect(await answer({ plate: 'GB123K', zone: 'C', municipality: 'delft' })).toMatchObject({
      valid: false,
      kind: null,
      permitKind: null,
      validUntil: null,
    });
    const other = await check({ plate: 'GB123K', zone: 'B', municipality: 'oudstad' });
    expect(other.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('does not accept a planned session before it starts, but does once it runs', async () => {
    const planned = { plate: '1ABC23', zone: 'B', municipality: 'delft' };
    expect((await answer(planned)).valid).toBe(false);
    expect(await atMoment(later(90), () => answer(planned))).toMatchObject({
      valid: true,
      kind: 'visitorSession',
      validUntil: later(180).toISOString(),
    });
  });

  it('does not accept an ended, stopped or deleted session, but knows when a stopped one ran', async () => {
    for (const plate of ['KL12MN', 'AB12CD', 'ZT34PR']) {
      expect((await answer({ plate, zone: 'B', municipality: 'delft' })).valid, plate).toBe(false);
    }
    expect(
      await answer({
        plate: 'AB12CD',
        zone: 'B',
        municipality: 'delft',
        at: later(-30).toISOString(),
      }),
    ).toMatchObject({ valid: true, kind: 'visitorSession' });
    expect(
      (
        await answer({
          plate: 'ZT34PR',
          zone: 'B',
          municipality: 'delft',
          at: later(-30).toISOString(),
        })
      ).valid,
    ).toBe(false);
  });

  it("accepts the resident permit's active plate, open-ended, and refuses its switched-out plate", async () => {
    expect(await answer({ plate: 'XX-999-X', zone: 'centrum', municipality: 'oudstad' })).toEqual({
      valid: true,
      kind: 'permit',
      permitKind: 'residentPermit',
      validUntil: null,
      checkedAt: now.toISOString(),
      plate: 'XX-999-X',
      zone: 'centrum',
      mayFine: false,
      outage: null,
    });
    expect(await answer({ plate: '12ABC3', zone: 'centrum', municipality: 'oudstad' })).toEqual({
      valid: false,
      kind: null,
      permitKind: null,
      validUntil: null,
      checkedAt: now.toISOString(),
      plate: '12-ABC-3',
      zone: 'centrum',
      mayFine: true,
      outage: null,
    });
  });

  it('prefers a permit over a visitor session of the same plate', async () => {
    // XX999X also has a visitor session in centrum that ends in an hour (arranged below).
    expect(
      await answer({ plate: 'XX999X', zone: 'centrum', municipality: 'oudstad' }),
    ).toMatchObject({ kind: 'permit', validUntil: null });
  });

  it('accepts an exemption until it ends, and not after; a revoked one never', async () => {
    const exempt = { plate: 'GH45JK', zone: 'B', municipality: 'delft' };
    expect(await answer(exempt)).toMatchObject({
      valid: true,
      kind: 'exemption',
      validUntil: later(60 * 24 * 30).toISOString(),
    });
    expect((await atMoment(later(60 * 24 * 31), () => answer(exempt))).valid).toBe(false);
    expect((await answer({ ...exempt, zone: 'C' })).valid).toBe(false);
    expect((await answer({ ...exempt, plate: 'RV12VR' })).valid).toBe(false);
  });

  it('reads a foreign plate by its country only', async () => {
    expect(
      await answer({ plate: 'B-AB 123', country: 'de', zone: 'B', municipality: 'delft' }),
    ).toMatchObject({ valid: true, kind: 'visitorSession', plate: 'BAB123' });
    expect(
      (await answer({ plate: 'BAB123', country: 'BE', zone: 'B', municipality: 'delft' })).valid,
    ).toBe(false);
    const asDutch = await check({ plate: 'BAB123', zone: 'B', municipality: 'delft' });
    expect(asDutch.errors?.[0]?.extensions.code).toBe('PLATE_NOT_DUTCH');
  });

  it('checks only now or the past 12 hours, so plates cannot be traced through time', async () => {
    const exempt = { plate: 'GH45JK', zone: 'B', municipality: 'delft' };
    expect((await answer({ ...exempt, at: later(-12 * 60).toISOString() })).valid).toBe(true);
    for (const at of [later(-12 * 60 - 1), later(10), later(60 * 24)]) {
      const result = await check({ ...exempt, at: at.toISOString() });
      expect(result.errors?.[0]?.extensions.code, at.toISOString()).toBe(
        'RIGHT_CHECK_TIME_OUT_OF_RANGE',
      );
    }
  });

  it('does not accept a session of a blocked or revoked product', async () => {
    const plate = { plate: 'AB12CD', zone: 'B', municipality: 'delft' };
    const running = await answer({ ...plate, at: later(-30).toISOString() });
    expect(running.valid).toBe(true);
    const fork = em();
    const session = await fork.findOneOrFail(
      ParkingSession,
      { plate: 'AB12CD' },
      { populate: ['permit'] },
    );
    const { permit } = session;
    permit.status = 'blocked';
    await fork.flush();
    try {
      expect((await answer({ ...plate, at: later(-30).toISOString() })).valid).toBe(false);
    } finally {
      permit.status = 'active';
      await fork.flush();
    }
  });

  it('answers an unknown plate with invalid', async () => {
    expect(await answer({ plate: 'ZZ-99-ZZ', zone: 'B', municipality: 'delft' })).toEqual({
      valid: false,
      kind: null,
      permitKind: null,
      validUntil: null,
      checkedAt: now.toISOString(),
      plate: 'ZZ-99-ZZ',
      zone: 'B',
      mayFine: true,
      outage: null,
    });
  });

  it("refuses a malformed plate with the plate rules' code, and an unknown zone with NOT_FOUND", async () => {
    const codeOf = async (input: Parameters<typeof check>[0]) =>
      (await check(input)).errors?.[0]?.extensions.code;
    expect(await codeOf({ plate: 'AB!12', zone: 'B', municipality: 'delft' })).toBe(
      'PLATE_INVALID_CHARACTERS',
    );
    expect(await codeOf({ plate: ' ', zone: 'B', municipality: 'delft' })).toBe('PLATE_EMPTY');
    expect(await codeOf({ plate: 'AB12CD', country: 'XX', zone: 'B', municipality: 'delft' })).toBe(
      'PLATE_INVALID_COUNTRY',
    );
    expect(await codeOf({ plate: 'AB12CD', zone: 'Q', municipality: 'delft' })).toBe('NOT_FOUND');
    expect(await codeOf({ plate: 'AB12CD', zone: 'B', municipality: 'nergens' })).toBe('NOT_FOUND');
  });

  it('is for enforcement only: residents and admins are FORBIDDEN, nobody is UNAUTHENTICATED', async () => {
    const input = { plate: 'GB123K', zone: 'B', municipality: 'delft' };
    for (const email of ['anna@demo.parkeer.nl', 'beheer@delft.demo.parkeer.nl']) {
      const denied = await check(input, await clientOf(email));
      expect(denied.errors?.[0]?.extensions.code, email).toBe('FORBIDDEN');
      expect(denied.data, email).toBeNull();
    }
    const anonymous = await check(input, new TestClient(server.url));
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  // Issue 13: any enforcement account could check every town's zones.
  it("checks only the officer's own towns: another town's zone is refused, not answered", async () => {
    const officerOf = async (email: string, towns: string[]) => {
      const fork = em();
      const account = fork.create(Account, {
        email,
        role: 'enforcement',
        passwordHash: await argon2.hash(demoPassword, hashOptions()),
      });
      for (const code of towns) {
        fork.create(EnforcementTown, {
          account,
          municipality: await fork.findOneOrFail(Municipality, { code }),
        });
      }
      await fork.flush();
      return { client: await clientOf(email), id: account.id };
    };
    const delft = await officerOf('handhaving@delft.example.nl', ['delft']);
    const region = await officerOf('handhaving@regio.example.nl', ['delft', 'oudstad']);
    const none = await officerOf('handhaving@nergens.example.nl', []);
    const inDelft = { plate: 'GB-123-K', zone: 'B', municipality: 'delft' };
    const inOudstad = { plate: 'XX-999-X', zone: 'centrum', municipality: 'oudstad' };
    const logged = async () => {
      await flushRightCheckLog(database.orm.em);
      return em().count(RightCheckLog, {});
    };
    const before = await logged();

    expect(await answer(inDelft, delft.client)).toMatchObject({
      valid: true,
      kind: 'visitorSession',
    });
    const elsewhere = await check(inOudstad, delft.client);
    expect(elsewhere.errors?.[0]?.extensions.code).toBe('ENFORCEMENT_TOWN_NOT_ASSIGNED');
    expect(elsewhere.errors?.[0]?.extensions.messages.en).toContain('oudstad');
    expect(elsewhere.data).toBeNull();
    expect((await check(inDelft, none.client)).errors?.[0]?.extensions.code).toBe(
      'ENFORCEMENT_TOWN_NOT_ASSIGNED',
    );
    expect(await answer(inDelft, region.client)).toMatchObject({ valid: true });
    expect(await answer(inOudstad, region.client)).toMatchObject({ valid: true, kind: 'permit' });
    // Refused checks are not checks: only the three answered ones are logged.
    expect(await logged()).toBe(before + 3);

    // A town given to an account counts once its cached towns are forgotten.
    const fork = em();
    fork.create(EnforcementTown, {
      account: fork.getReference(Account, delft.id),
      municipality: await fork.findOneOrFail(Municipality, { code: 'oudstad' }),
    });
    await fork.flush();
    forgetEnforcementTowns(database.orm.em, delft.id);
    expect(await answer(inOudstad, delft.client)).toMatchObject({ valid: true });
  });

  describe('the batch check for scan cars (docs/rules.md §9, batch)', () => {
    const mix: Question[] = [
      { plate: 'gb-123-k', zone: 'B', municipality: 'delft' },
      { plate: '1ABC23', zone: 'B', municipality: 'delft' },
      { plate: 'AB12CD', zone: 'B', municipality: 'delft', at: later(-30).toISOString() },
      { plate: 'XX999X', zone: 'centrum', municipality: 'oudstad' },
      { plate: '12ABC3', zone: 'centrum', municipality: 'oudstad' },
      { plate: 'GH45JK', zone: 'B', municipality: 'delft' },
      { plate: 'GH45JK', zone: 'C', municipality: 'delft' },
      { plate: 'B-AB 123', country: 'DE', zone: 'B', municipality: 'delft' },
      { plate: 'ZZ99ZZ', zone: 'B', municipality: 'delft' },
    ];

    it('answers each item exactly as the single check does, in order, and logs each once', async () => {
      const singles = [];
      for (const question of mix) singles.push(await answer(question));
      const before = await logCount();
      const result = await batch(mix);
      expect(result.errors).toBeUndefined();
      const answers = result.data!.rightCheckBatch;
      expect(await logCount()).toBe(before + mix.length);
      expect(answers.map((item) => item.__typename)).toEqual(mix.map(() => 'RightCheckResult'));
      expect(
        answers.map((item) => withoutCheckId(item as Answer & { __typename: string })),
      ).toEqual(singles.map((single) => ({ __typename: 'RightCheckResult', ...single })));
      // Each answer has its own log entry to record a fine against.
      const ids = answers.map((item) => (item as Answer).checkId);
      expect(new Set(ids).size).toBe(mix.length);
    });

    it('refuses a bad item in its place with its code and message, and answers the rest', async () => {
      const before = await logCount();
      const result = await batch([
        { plate: 'AB!12', zone: 'B', municipality: 'delft' },
        { plate: 'GB123K', zone: 'B', municipality: 'delft' },
        { plate: 'GB123K', zone: 'Q', municipality: 'delft' },
        { plate: 'GB123K', municipality: 'delft' },
        { plate: 'GB123K', zone: 'B', municipality: 'delft', at: later(-13 * 60).toISOString() },
        { plate: 'BAB123', zone: 'B', municipality: 'delft' },
      ]);
      expect(result.errors).toBeUndefined();
      const answers = result.data!.rightCheckBatch;
      expect(answers[1]).toMatchObject({ __typename: 'RightCheckResult', valid: true });
      const refusals = answers.filter((item) => item.__typename === 'RightCheckRefused');
      expect(refusals.map((item) => [item.index, item.code])).toEqual([
        [0, 'PLATE_INVALID_CHARACTERS'],
        [2, 'NOT_FOUND'],
        [3, 'RIGHT_CHECK_PLACE_MISSING'],
        [4, 'RIGHT_CHECK_TIME_OUT_OF_RANGE'],
        [5, 'PLATE_NOT_DUTCH'],
      ]);
      expect(refusals[3]).toMatchObject({ params: { hours: 12 } });
      expect(refusals[3]!.message).toContain('12 uur');
      // Refused items are not checks: only the answered one is logged.
      expect(await logCount()).toBe(before + 1);
    });

    it("refuses another town's item in its place for an officer of one town", async () => {
      const fork = em();
      const account = fork.create(Account, {
        email: 'scanauto@delft.example.nl',
        role: 'enforcement',
        passwordHash: await argon2.hash(demoPassword, hashOptions()),
      });
      fork.create(EnforcementTown, {
        account,
        municipality: await fork.findOneOrFail(Municipality, { code: 'delft' }),
      });
      await fork.flush();
      const result = await batch(
        [
          { plate: 'XX999X', zone: 'centrum', municipality: 'oudstad' },
          { plate: 'GB123K', zone: 'B', municipality: 'delft' },
        ],
        await clientOf('scanauto@delft.example.nl'),
      );
      expect(result.data!.rightCheckBatch).toMatchObject([
        {
          __typename: 'RightCheckRefused',
          index: 0,
          code: 'ENFORCEMENT_TOWN_NOT_ASSIGNED',
          params: { municipality: 'oudstad' },
        },
        { __typename: 'RightCheckResult', valid: true, kind: 'visitorSession' },
      ]);
    });

    it('answers a mix of every kind of right, none, an outage and refused items exactly as one by one', async () => {
      const kinds: Question[] = [
        { plate: 'GB123K', zone: 'B', municipality: 'delft' }, // visitor session
        { plate: 'XX999X', zone: 'centrum', municipality: 'oudstad' }, // resident permit
        { plate: 'BD12BD', zone: 'B', municipality: 'delft' }, // business permit
        { plate: 'GH45JK', zone: 'B', municipality: 'delft' }, // exemption
        { plate: 'ZZ99ZZ', zone: 'B', municipality: 'delft' }, // none
        { plate: 'ZZ99ZZ', zone: 'D', municipality: 'delft' }, // outage window
        { plate: 'RV12VR', zone: 'B', municipality: 'delft' }, // revoked exemption
        { plate: 'AB!12', zone: 'B', municipality: 'delft' }, // refused: plate
        { plate: 'GB123K', zone: 'Q', municipality: 'delft' }, // refused: zone
        { plate: 'BD12BD', zone: 'B', municipality: 'delft', at: later(-13 * 60).toISOString() },
        { plate: 'GB123K', zone: 'B', municipality: 'delft', latitude: 52.0116, longitude: 4.3571 },
        { plate: 'GB123K', municipality: 'delft', latitude: 52.0105, longitude: 4.359 }, // in B
        { plate: 'GB123K', municipality: 'delft', latitude: 52.006, longitude: 4.345 },
      ];
      const singles = [];
      for (const question of kinds) {
        const result = await check(question);
        singles.push(
          result.errors
            ? { refused: result.errors[0]!.extensions.code }
            : { ...withoutCheckId(result.data!.rightCheck), __typename: 'RightCheckResult' },
        );
      }
      const answers = (await batch(kinds)).data!.rightCheckBatch;
      expect(
        answers.map((item) =>
          item.__typename === 'RightCheckRefused'
            ? { refused: item.code }
            : withoutCheckId(item as Answer & { __typename: string }),
        ),
      ).toEqual(singles);
      expect(answers.slice(0, 7).map((item) => 'kind' in item && item.kind)).toEqual([
        'visitorSession',
        'permit',
        'permit',
        'exemption',
        null,
        null,
        null,
      ]);
      // The officer reads which permit: a resident's or a business's (the kinds of right).
      expect(answers.slice(0, 4).map((item) => 'kind' in item && item.permitKind)).toEqual([
        null,
        'residentPermit',
        'businessPermit',
        null,
      ]);
      expect(answers[5]).toMatchObject({
        mayFine: false,
        outage: { end: later(60).toISOString() },
      });
      expect(
        singles.slice(7).map((single) => ('refused' in single ? single.refused : single.zone)),
      ).toEqual([
        'PLATE_INVALID_CHARACTERS',
        'NOT_FOUND',
        'RIGHT_CHECK_TIME_OUT_OF_RANGE',
        'RIGHT_CHECK_PLACE_MISSING',
        'B',
        'RIGHT_CHECK_POSITION_OUTSIDE_ZONES',
      ]);
    });

    it('reads a batch in a fixed number of queries: as many for 100 plates as for 5', async () => {
      const plates = ['GB123K', 'BD12BD', 'GH45JK', 'ZZ99ZZ', 'AB12CD'];
      const items = (count: number) =>
        Array.from({ length: count }, (_, index) => ({
          plate: plates[index % plates.length]!,
          zone: index % 3 === 0 ? 'D' : 'B',
          municipality: index % 7 === 0 ? 'oudstad' : 'delft',
        }));
      const statementsOf = async (count: number) => {
        await logCount();
        statements.length = 0;
        counting = true;
        const result = await batch(items(count));
        await flushRightCheckLog(database.orm.em);
        counting = false;
        expect(result.errors).toBeUndefined();
        expect(result.data!.rightCheckBatch).toHaveLength(count);
        return [...statements];
      };
      // The batch's own reads and the log's INSERT, whatever its size; not one query per plate.
      const batchStatements = (list: string[]) =>
        list.filter((sql) =>
          /parking_session|outage_compensation|insert into .?right_check_log/.test(sql),
        );
      await statementsOf(5);
      const five = await statementsOf(5);
      const hundred = await statementsOf(100);
      expect(batchStatements(five)).toHaveLength(3);
      expect(batchStatements(hundred)).toHaveLength(3);
      // Anything else is the request's (the officer's towns and the zones, cached for some seconds
      // from when they were read, maybe by an earlier test, so either may be read again here).
      expect(hundred.length).toBeLessThanOrEqual(5);
      expect(hundred.filter((sql) => /insert into .?right_check_log/.test(sql))).toHaveLength(1);
      expect(hundred.filter((sql) => sql.includes('outage_compensation'))).toHaveLength(1);
    });

    it('takes 100 items, and refuses 101 as a whole with RIGHT_CHECK_BATCH_TOO_LARGE', async () => {
      const item = { plate: 'GH45JK', zone: 'B', municipality: 'delft' };
      const full = await batch(Array.from({ length: 100 }, () => item));
      expect(full.errors).toBeUndefined();
      expect(
        full.data!.rightCheckBatch.filter((answer) => 'valid' in answer && answer.valid),
      ).toHaveLength(100);
      const before = await logCount();
      const over = await batch(Array.from({ length: 101 }, () => item));
      expect(over.errors?.[0]?.extensions.code).toBe('RIGHT_CHECK_BATCH_TOO_LARGE');
      expect(over.errors?.[0]?.extensions.messages.en).toContain('100');
      expect(over.data).toBeNull();
      expect(await logCount()).toBe(before);
    });

    it('is for enforcement only: residents and admins are FORBIDDEN, nobody is UNAUTHENTICATED', async () => {
      const items = [{ plate: 'GB123K', zone: 'B', municipality: 'delft' }];
      for (const email of ['anna@demo.parkeer.nl', 'beheer@delft.demo.parkeer.nl']) {
        const denied = await batch(items, await clientOf(email));
        expect(denied.errors?.[0]?.extensions.code, email).toBe('FORBIDDEN');
        expect(denied.data, email).toBeNull();
      }
      const anonymous = await batch(items, new TestClient(server.url));
      expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  it("lists the officer's own towns and their zones, with which have an area", async () => {
    const places = `{ enforcementPlaces { code name zones { code hasArea } } }`;
    type Places = {
      enforcementPlaces: { code: string; zones: { code: string; hasArea: boolean }[] }[];
    };
    const all = (await officer.request<Places>(places)).data!.enforcementPlaces;
    expect(all.map((town) => town.code)).toEqual(['delft', 'oudstad']);
    const delft = all[0]!.zones;
    expect(delft.find((zone) => zone.code === 'B')).toEqual({ code: 'B', hasArea: true });
    // Zone H is placed by address ranges only: a position cannot pick it.
    expect(delft.find((zone) => zone.code === 'H')).toEqual({ code: 'H', hasArea: false });
    const delftOnly = await clientOf('scanauto@delft.example.nl');
    expect(
      (await delftOnly.request<Places>(places)).data!.enforcementPlaces.map((town) => town.code),
    ).toEqual(['delft']);
    const resident = await (await clientOf('anna@demo.parkeer.nl')).request(places);
    expect(resident.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  describe("a place by the device's position (docs/rules.md §9, place)", () => {
    // RD (84 409, 447 403): inside the demo's zone B of Delft.
    const inB = { latitude: 52.0105, longitude: 4.359 };
    // RD (83 441, 446 916): in no zone's area.
    const outside = { latitude: 52.006, longitude: 4.345 };

    it("checks in the zone whose area holds the position, as by the zone's code", async () => {
      const byPosition = await answer({ plate: 'GB123K', municipality: 'delft', ...inB });
      expect(byPosition).toEqual(
        await answer({ plate: 'GB123K', municipality: 'delft', zone: 'B' }),
      );
      expect(byPosition).toMatchObject({ zone: 'B', valid: true });
    });

    it('refuses a position outside every area, and a zone and position given together', async () => {
      const away = await check({ plate: 'GB123K', municipality: 'delft', ...outside });
      expect(away.errors?.[0]?.extensions.code).toBe('RIGHT_CHECK_POSITION_OUTSIDE_ZONES');
      const both = await check({ plate: 'GB123K', municipality: 'delft', zone: 'B', ...inB });
      expect(both.errors?.[0]?.extensions.code).toBe('RIGHT_CHECK_PLACE_MISSING');
      const half = await check({ plate: 'GB123K', municipality: 'delft', latitude: 52 });
      expect(half.errors?.[0]?.extensions.code).toBe('RIGHT_CHECK_PLACE_MISSING');
    });
  });

  describe('outages (docs/rules.md §9, outages)', () => {
    // Arranged below: zone D of Delft could not register sessions from an hour ago for two hours.
    const inD = { plate: 'ZZ99ZZ', zone: 'D', municipality: 'delft' };

    it('answers "outage, do not fine" for a moment inside the window in that zone', async () => {
      expect(await answer(inD)).toMatchObject({
        valid: false,
        kind: null,
        mayFine: false,
        outage: { start: later(-60).toISOString(), end: later(60).toISOString() },
      });
    });

    it('does not cover a moment before the window, nor another zone', async () => {
      expect(await answer({ ...inD, at: later(-61).toISOString() })).toMatchObject({
        valid: false,
        mayFine: true,
        outage: null,
      });
      expect(await answer({ ...inD, zone: 'B' })).toMatchObject({ mayFine: true, outage: null });
      // The window's end is not in it.
      expect(await atMoment(later(60), () => answer(inD))).toMatchObject({ outage: null });
    });

    it('answers the outage in the batch as in the single check', async () => {
      const result = await batch([inD, { ...inD, zone: 'B' }]);
      expect(result.data!.rightCheckBatch).toMatchObject([
        { valid: false, mayFine: false, outage: { start: later(-60).toISOString() } },
        { valid: false, mayFine: true, outage: null },
      ]);
    });
  });

  it('answers with no personal data: the result type has only the allowed fields', async () => {
    const result = await officer.request<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "RightCheckResult") { fields { name } } }',
    );
    expect(result.data!.__type.fields.map((field) => field.name).sort()).toEqual([
      'checkId',
      'checkedAt',
      'kind',
      'mayFine',
      'outage',
      'permitKind',
      'plate',
      'valid',
      'validUntil',
      'zone',
    ]);
  });

  it('logs checks that arrive at once, each exactly once', async () => {
    // Read as soon as the answers are in: a check is answered only once its row is committed.
    const count = () => em().count(RightCheckLog, {});
    const before = await count();
    await Promise.all(
      Array.from({ length: 60 }, () =>
        answer({ plate: 'AB12CD', zone: 'B', municipality: 'delft' }),
      ),
    );
    expect(await count()).toBe(before + 60);
  });

  it('logs every check once, with officer, moments, zone and answer but without the plate', async () => {
    const logs = () => em().find(RightCheckLog, {});
    const before = new Set((await logs()).map((log) => log.id));
    const at = later(-30);
    await answer({ plate: 'AB12CD', zone: 'B', municipality: 'delft', at: at.toISOString() });
    await answer({ plate: 'ZZ99ZZ', zone: 'C', municipality: 'delft' });
    // Refused questions are not checks: nothing is logged for them.
    await check({ plate: 'AB!12', zone: 'B', municipality: 'delft' });
    await check({ plate: 'AB12CD', zone: 'B', municipality: 'delft' }, new TestClient(server.url));

    const after = await logs();
    const added = after.filter((log) => !before.has(log.id));
    expect(added).toHaveLength(2);
    const officerAccount = await em().findOneOrFail(Account, {
      email: 'handhaving@demo.parkeer.nl',
    });
    const zoneOf = async (code: string) =>
      (await em().findOneOrFail(Zone, { code, municipality: { code: 'delft' } })).id;
    added.sort((a, b) => a.checkedFor.getTime() - b.checkedFor.getTime());
    const recent = added.map((log) => ({
      checkedBy: log.checkedBy?.id,
      checkedAt: log.checkedAt.toISOString(),
      checkedFor: log.checkedFor.toISOString(),
      zone: log.zone.id,
      valid: log.valid,
      rightKind: log.rightKind ?? null,
    }));
    expect(recent).toEqual([
      {
        checkedBy: officerAccount.id,
        checkedAt: now.toISOString(),
        checkedFor: at.toISOString(),
        zone: await zoneOf('B'),
        valid: true,
        rightKind: 'visitorSession',
      },
      {
        checkedBy: officerAccount.id,
        checkedAt: now.toISOString(),
        checkedFor: now.toISOString(),
        zone: await zoneOf('C'),
        valid: false,
        rightKind: null,
      },
    ]);
    // Not in any column, under any name: the raw rows hold no plate.
    const raw: Record<string, unknown>[] = await em()
      .getConnection()
      .execute('select * from right_check_log');
    expect(raw.length).toBe(after.length);
    for (const row of raw) {
      expect(Object.keys(row).some((column) => /plate/i.test(column))).toBe(false);
      expect(Object.values(row).map(String)).not.toContain('AB12CD');
    }
  });
  // Last in this block: the retention runs here anonymise the sessions other tests check.
  describe('fines (docs/rules.md §9, fines)', () => {
    const recordFine = `mutation ($input: RecordFineInput!) {
      recordFine(input: $input) { checkId reference keptUntil sessionsKept }
    }`;
    const fine = (
      input: { checkId: string; reference: string; plate: string },
      client: TestClient = officer,
    ) =>
      client.request<{
        recordFine: { checkId: string; reference: string; keptUntil: string; sessionsKept: number };
      }>(recordFine, { input });
    const checkIdOf = async (question: Question, client: TestClient = officer) => {
      const result = await check(question, client);
      expect(result.errors).toBeUndefined();
      return result.data!.rightCheck.checkId!;
    };
    // The objection period runs through whole days of Delft's calendar (docs/rules.md §9 fines):
    // 42 days from the day after 23 November 2026 is through 4 January 2027, 60 through 22 January.
    const endOf42Days = new Date('2027-01-04T23:00:00Z');
    const endOf60Days = new Date('2027-01-22T23:00:00Z');
    const plateOf = async (plate: string) =>
      (
        await em()
          .getConnection()
          .execute<{ plate: string; kept_until: unknown }[]>(
            `select s.plate, s.kept_until from parking_session s where s.id = ?`,
            [await sessionIdOf(plate)],
          )
      )[0]!.plate;
    const ids = new Map<string, string>();
    const sessionIdOf = async (plate: string) => {
      if (!ids.has(plate)) {
        ids.set(plate, (await em().findOneOrFail(ParkingSession, { plate })).id);
      }
      return ids.get(plate)!;
    };

    it("records a fine against the officer's own check that found no right", async () => {
      // KL12MN's session in B ended an hour ago; the officer finds no right now and fines.
      await sessionIdOf('KL12MN');
      await sessionIdOf('AB12CD');
      const checkId = await checkIdOf({ plate: 'KL12MN', zone: 'B', municipality: 'delft' });
      const result = await fine({ checkId, reference: 'CJIB-2026-0001', plate: 'kl-12-mn' });
      expect(result.errors).toBeUndefined();
      // Delft's objection period: the default of 42 days.
      expect(result.data!.recordFine).toEqual({
        checkId,
        reference: 'CJIB-2026-0001',
        keptUntil: endOf42Days.toISOString(),
        sessionsKept: 1,
      });
      // The same fine again is the same answer; another number on the same check is refused.
      expect((await fine({ checkId, reference: 'CJIB-2026-0001', plate: 'KL12MN' })).data).toEqual(
        result.data,
      );
      const other = await fine({ checkId, reference: 'CJIB-2026-0002', plate: 'KL12MN' });
      expect(other.errors?.[0]?.extensions.code).toBe('FINE_ALREADY_RECORDED');
      const log = await em().findOneOrFail(RightCheckLog, { id: checkId });
      expect(log.fineReference).toBe('CJIB-2026-0001');
    });

    it('lets a goodwill waiver request for that fine point to the check', async () => {
      const anna = await clientOf('anna@demo.parkeer.nl');
      const permit = await em().findOneOrFail(Permit, {
        holder: { email: 'anna@demo.parkeer.nl' },
        productType: { kind: 'visitorPermit' },
      });
      const filed = await anna.request<{ requestFineWaiver: { id: string } }>(
        `mutation ($input: RequestFineWaiverInput!) { requestFineWaiver(input: $input) { id } }`,
        {
          input: {
            permitId: permit.id,
            fineReference: 'CJIB-2026-0001',
            fineDate: '2026-11-23',
            plate: 'KL12MN',
            reason: 'Mijn bezoek kon zich niet aanmelden.',
            idempotencyKey: randomUUID(),
          },
        },
      );
      expect(filed.errors).toBeUndefined();
      const waiver = await em().findOneOrFail(FineWaiver, { id: filed.data!.requestFineWaiver.id });
      const check = await em().findOneOrFail(RightCheckLog, { fineReference: 'CJIB-2026-0001' });
      expect(waiver.fineCheck?.id).toBe(check.id);

      // The official deciding it sees the check: when, where, the answer and any outage over it.
      const admin = await clientOf('beheer@delft.demo.parkeer.nl');
      const waivers = async () =>
        (
          await admin.request<{
            fineWaivers: { edges: { node: { fineReference: string; fineCheck: unknown } }[] };
          }>(`{ fineWaivers { edges { node { fineReference fineCheck {
            reference checkedAt checkedFor zoneCode zoneName valid rightKind mayFine
            outage { start end recordedAt } } } } } }`)
        ).data!.fineWaivers.edges.map((edge) => edge.node);
      const zoneB = await em().findOneOrFail(Zone, { municipality: { code: 'delft' }, code: 'B' });
      const seen = {
        reference: 'CJIB-2026-0001',
        checkedAt: now.toISOString(),
        checkedFor: now.toISOString(),
        zoneCode: 'B',
        zoneName: zoneB.name,
        valid: false,
        rightKind: null,
        mayFine: true,
        outage: null,
      };
      const nodes = await waivers();
      expect(nodes.find((node) => node.fineReference === 'CJIB-2026-0001')?.fineCheck).toEqual(
        seen,
      );
      // A request about a fine no officer recorded here points to nothing.
      for (const node of nodes.filter((node) => node.fineReference !== 'CJIB-2026-0001')) {
        expect(node.fineCheck).toBeNull();
      }

      // An outage recorded after the check covers its moment: the officer's answer stays what it
      // was (may fine), and the official sees that the visitor could not sign on.
      const fork = em();
      const outage = fork.create(OutageCompensation, {
        zone: zoneB,
        windowStart: later(-5),
        windowEnd: later(5),
        reason: 'Storing, later gemeld',
        createdBy: await fork.findOneOrFail(Account, { email: 'beheer@delft.demo.parkeer.nl' }),
        createdAt: later(30),
      });
      await fork.flush();
      try {
        expect(
          (await waivers()).find((node) => node.fineReference === 'CJIB-2026-0001')?.fineCheck,
        ).toEqual({
          ...seen,
          outage: {
            start: later(-5).toISOString(),
            end: later(5).toISOString(),
            recordedAt: later(30).toISOString(),
          },
        });
      } finally {
        await em().nativeDelete(OutageCompensation, { id: outage.id });
      }
    });

    it("refuses a fine on a valid check, in an outage, on a bad number, or on another officer's check", async () => {
      const valid = await checkIdOf({ plate: 'GB123K', zone: 'B', municipality: 'delft' });
      const codeOf = async (
        input: { checkId: string; reference: string; plate: string },
        client?: TestClient,
      ) => (await fine(input, client)).errors?.[0]?.extensions.code;
      expect(await codeOf({ checkId: valid, reference: 'F1', plate: 'GB123K' })).toBe(
        'FINE_ON_VALID_CHECK',
      );
      const inOutage = await checkIdOf({ plate: 'ZZ99ZZ', zone: 'D', municipality: 'delft' });
      expect(await codeOf({ checkId: inOutage, reference: 'F2', plate: 'ZZ99ZZ' })).toBe(
        'FINE_ON_VALID_CHECK',
      );
      const open = await checkIdOf({ plate: 'ZZ99ZZ', zone: 'B', municipality: 'delft' });
      expect(await codeOf({ checkId: open, reference: 'F 3!', plate: 'ZZ99ZZ' })).toBe(
        'FINE_REFERENCE_INVALID',
      );
      expect(await codeOf({ checkId: randomUUID(), reference: 'F4', plate: 'ZZ99ZZ' })).toBe(
        'NOT_FOUND',
      );
      const regional = await clientOf('handhaving@regio.example.nl');
      expect(await codeOf({ checkId: open, reference: 'F5', plate: 'ZZ99ZZ' }, regional)).toBe(
        'NOT_FOUND',
      );
      for (const email of ['anna@demo.parkeer.nl', 'beheer@delft.demo.parkeer.nl']) {
        const client = await clientOf(email);
        expect(await codeOf({ checkId: open, reference: 'F6', plate: 'ZZ99ZZ' }, client)).toBe(
          'FORBIDDEN',
        );
      }
      expect(
        await codeOf(
          { checkId: open, reference: 'F7', plate: 'ZZ99ZZ' },
          new TestClient(server.url),
        ),
      ).toBe('UNAUTHENTICATED');
    });

    it("lets only the town's admin set its objection period, in whole days from 7 to 365, audited; later fines keep that long", async () => {
      const setPeriod = `mutation ($days: Int!) {
        setObjectionPeriod(objectionPeriodDays: $days) { code objectionPeriodDays }
      }`;
      type Set = { setObjectionPeriod: { code: string; objectionPeriodDays: number } };
      const admin = await clientOf('beheer@delft.demo.parkeer.nl');
      const settings = '{ municipalitySettings { objectionPeriodDays } }';
      expect((await admin.request(settings)).data).toEqual({
        municipalitySettings: { objectionPeriodDays: 42 },
      });
      const set = await admin.request<Set>(setPeriod, { days: 60 });
      expect(set.data!.setObjectionPeriod).toEqual({ code: 'delft', objectionPeriodDays: 60 });
      const town = await em().findOneOrFail(Municipality, { code: 'delft' });
      expect(town.objectionPeriodDays).toBe(60);
      const audit = await em().find(AuditEntry, { action: 'municipality.objectionPeriod.set' });
      expect(audit.map(({ subjectId, before, after }) => ({ subjectId, before, after }))).toEqual([
        {
          subjectId: town.id,
          before: { objectionPeriodDays: 42 },
          after: { objectionPeriodDays: 60 },
        },
      ]);

      for (const days of [6, 366]) {
        const refused = await admin.request<Set>(setPeriod, { days });
        const error = refused.errors?.[0];
        expect(error?.extensions.code, String(days)).toBe('SETTINGS_INVALID');
        expect(error?.extensions.problems).toMatchObject([
          {
            code: 'SETTING_OUT_OF_RANGE',
            path: 'objectionPeriodDays',
            params: { min: 7, max: 365 },
          },
        ]);
      }
      const fraction = await admin.request<Set>(setPeriod, { days: 42.5 });
      expect(fraction.errors).toHaveLength(1);
      expect(fraction.data ?? null).toBeNull();
      for (const email of ['handhaving@demo.parkeer.nl', 'anna@demo.parkeer.nl']) {
        const denied = await (await clientOf(email)).request<Set>(setPeriod, { days: 7 });
        expect(denied.errors?.[0]?.extensions.code, email).toBe('FORBIDDEN');
      }
      const anonymous = await new TestClient(server.url).request<Set>(setPeriod, { days: 7 });
      expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect((await em().findOneOrFail(Municipality, { code: 'delft' })).objectionPeriodDays).toBe(
        60,
      );

      // A fine recorded now keeps its data for the new period; the earlier fine keeps its date.
      const checkId = await checkIdOf({ plate: 'TN12TN', zone: 'B', municipality: 'delft' });
      const fined = await fine({ checkId, reference: 'CJIB-2026-0060', plate: 'TN12TN' });
      expect(fined.data!.recordFine.keptUntil).toBe(endOf60Days.toISOString());
      const earlier = await em().findOneOrFail(RightCheckLog, { fineReference: 'CJIB-2026-0001' });
      expect(earlier.keptUntil).toEqual(endOf42Days);
      expect((await admin.request<Set>(setPeriod, { days: 42 })).errors).toBeUndefined();
    });

    it("keeps the fined session's plate past Delft's 48 hours until the objection period ends; a session without a fine is anonymised", async () => {
      const retain = (moment: Date) => em().transactional((tx) => applyRetention(tx, moment));
      await retain(new Date(now.getTime() + 49 * 60 * 60_000));
      expect(await plateOf('KL12MN')).toBe('KL12MN');
      // AB12CD's session (stopped ten minutes ago, no fine) follows the normal 48 hours.
      expect(await plateOf('AB12CD')).toBe(anonymisedPlate);
      await retain(new Date(endOf42Days.getTime() - 60_000));
      expect(await plateOf('KL12MN')).toBe('KL12MN');
      await retain(endOf42Days);
      expect(await plateOf('KL12MN')).toBe(anonymisedPlate);
    });
  });
});

/** The migration that adds enforcement towns, per dialect. */
const townsMigration = { sqlite: 'Migration20261206195709', postgresql: 'Migration20261206195714' };

describe.each(dialects)('enforcement towns on a database from before them, on %s', (dialect) => {
  it('gives each existing enforcement account every existing town, and nobody else any', async () => {
    const file = join(tmpdir(), `parkeer-towns-${randomBytes(6).toString('hex')}.db`);
    const scratch = dialect === 'postgresql' ? await createScratchPostgres() : null;
    const settings: DatabaseSettings = scratch
      ? { databaseUrl: scratch.url }
      : { sqliteFile: file };
    const orm = await MikroORM.init(ormOptions(settings));
    try {
      const executed = async () => (await orm.migrator.getExecutedMigrations()).map((m) => m.name);
      const pending = (await orm.migrator.getPendingMigrations()).map((m) => m.name);
      const before = pending[pending.indexOf(townsMigration[dialect]) - 1]!;
      await orm.migrator.up({ to: before });
      expect(await executed()).not.toContain(townsMigration[dialect]);
      // Rows in the shape of that time, in plain SQL: the entities have the columns of later
      // migrations too.
      const connection = orm.em.getConnection();
      const createdAt = sqlDate(orm.em, new Date());
      const retention = JSON.stringify({ kind: 'hoursAfterEnd', hours: 48 });
      for (const [code, name] of [
        ['delft', 'Delft'],
        ['oudstad', 'Oudstad'],
      ]) {
        await connection.execute(
          `insert into municipality (id, code, name, time_zone, retention, created_at)
            values (?, ?, ?, 'Europe/Amsterdam', ?, ?)`,
          [randomUUID(), code, name, retention, createdAt],
        );
      }
      const addAccount = async (email: string, role: 'enforcement' | 'resident') => {
        const id = randomUUID();
        await connection.execute(
          `insert into account (id, email, role, language, high_contrast, created_at)
            values (?, ?, ?, 'nl', false, ?)`,
          [id, email, role, createdAt],
        );
        return { id };
      };
      const officer = await addAccount('scan@example.nl', 'enforcement');
      await addAccount('bewoner@example.nl', 'resident');

      await orm.migrator.up();
      const towns = await orm.em.fork().find(EnforcementTown, {}, { populate: ['municipality'] });
      expect(towns.map((town) => [town.account.id, town.municipality.code]).sort()).toEqual([
        [officer.id, 'delft'],
        [officer.id, 'oudstad'],
      ]);
      for (const town of towns) {
        expect(town.id).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(Number.isNaN(town.createdAt.getTime())).toBe(false);
      }
    } finally {
      await orm.close(true);
      await scratch?.drop();
      rmSync(file, { force: true });
    }
  });
});

/**
 * The rights the tests check, written directly (the session mutations are not the subject here):
 * visitor sessions on Anna's Delft permit (zone B) and Carla's Oudstad permit (centrum), and a
 * Delft exemption, a business permit. The seed already gives Carla a resident permit for XX999X (active) and 12ABC3.
 */
async function arrangeRights(em: EntityManager, now: Date): Promise<void> {
  const at = (minutesFromNow: number) => new Date(now.getTime() + minutes(minutesFromNow));
  const visitorPermitOf = (email: string) =>
    em.findOneOrFail(Permit, { holder: { email }, productType: { kind: 'visitorPermit' } });
  const anna = await visitorPermitOf('anna@demo.parkeer.nl');
  const carla = await visitorPermitOf('carla@demo.parkeer.nl');
  const session = (
    permit: Permit,
    plate: string,
    status: SessionStatus,
    start: number,
    end: number,
    extra: { stoppedAt?: Date; country?: string } = {},
  ) =>
    em.create(ParkingSession, {
      permit,
      plate,
      start: at(start),
      end: at(end),
      reservation: end - start,
      channel: 'web',
      status,
      ...extra,
    });
  session(anna, 'GB123K', 'running', -30, 120);
  session(anna, '1ABC23', 'planned', 60, 180);
  session(anna, 'KL12MN', 'ended', -180, -60);
  session(anna, 'AB12CD', 'ended', -60, 120, { stoppedAt: at(-10) });
  session(anna, 'ZT34PR', 'deleted', -60, 60);
  session(anna, 'BAB123', 'running', -30, 60, { country: 'DE' });
  session(carla, 'XX999X', 'running', -30, 60);

  const delft = await em.findOneOrFail(Municipality, { code: 'delft' });
  const zoneB = await em.findOneOrFail(Zone, { municipality: delft, code: 'B' });
  const exemption = em.create(ProductType, {
    municipality: delft,
    code: 'exemption',
    kind: 'exemption',
    name: { nl: 'Ontheffing', en: 'Exemption' },
    eligibility: { ...visitorPermitEligibility, productCode: 'exemption', maxPerAddress: null },
  });
  const exemptionFor = (plate: string, productCode: string, status: Permit['status']) => {
    const permit = em.create(Permit, {
      municipality: delft,
      productType: exemption,
      zone: zoneB,
      holder: null,
      holderType: 'business',
      addressKey: `delft-exemption-${plate}`,
      addressLabel: 'Markt 1, Delft',
      validFrom: at(-60 * 24),
      validUntil: at(60 * 24 * 30),
      status,
      productCode,
      pinHash: 'not-used',
    });
    em.create(PermitPlate, { permit, plate, activeSlot: permit.id });
  };
  exemptionFor('GH45JK', 'EX100001', 'active');
  exemptionFor('RV12VR', 'EX100002', 'revoked');
  // A business permit in zone B for BD12BD, until a month from now.
  const business = em.create(Permit, {
    municipality: delft,
    productType: await em.findOneOrFail(ProductType, {
      municipality: delft,
      kind: 'businessPermit',
    }),
    zone: zoneB,
    holder: null,
    holderType: 'business',
    addressKey: 'delft-business-BD12BD',
    addressLabel: 'Markt 2, Delft',
    validFrom: at(-60 * 24),
    validUntil: at(60 * 24 * 30),
    status: 'active',
    productCode: 'BP100001',
    pinHash: 'not-used',
  });
  em.create(PermitPlate, { permit: business, plate: 'BD12BD', activeSlot: business.id });

  em.create(OutageCompensation, {
    zone: await em.findOneOrFail(Zone, { municipality: delft, code: 'D' }),
    windowStart: at(-60),
    windowEnd: at(60),
    reason: 'Storing bij de parkeerprovider',
    createdBy: await em.findOneOrFail(Account, { email: 'beheer@delft.demo.parkeer.nl' }),
  });
  await em.flush();
}
