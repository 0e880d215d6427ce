import { beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../src/model/account.entity.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { IdentityLink } from '../src/model/identity-link.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { loginAccounts } from '../src/modules/identity/identity-accounts.js';
import { identifierHash } from '../src/modules/identity/identity-hash.js';
import { sealIdentifier, unsealIdentifier } from '../src/modules/identity/identity-seal.js';
import { brpFake } from '../src/registry-fakes/brp-fake.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const quoteQuery = `query ($input: PermitApplicationInput!) { quotePermitApplication(input: $input) {
  __typename
  ... on PermitApplicationQuote { needsReview unansweredRegistries }
  ... on PermitApplicationRefused { rule message reasons { rule message } } } }`;

describe('the sealed BSN (docs/security.md §Identity)', () => {
  it('opens only with its own key, and each seal of one BSN differs', () => {
    const first = sealIdentifier('999993653');
    const second = sealIdentifier('999993653');
    expect(first).not.toBe(second);
    expect(first).not.toContain('999993653');
    expect(unsealIdentifier(first)).toBe('999993653');
    const altered = Buffer.from(first, 'base64');
    altered[altered.length - 1]! ^= 1;
    expect(unsealIdentifier(altered.toString('base64'))).toBeNull();
  });
});

describe.each(dialects)(
  'the population register (BRP) on %s (docs/rules.md §2 registered address)',
  (dialect) => {
    const fakes = useRegistryFakes();
    const api = useDemoApi(dialect);
    let anna: TestClient;
    let bram: TestClient;

    const quote = async (client: TestClient, addressKey: string) => {
      const result = await client.request<Data>(quoteQuery, {
        input: { productTypeCode: 'resident-permit', addressKey, plates: [{ plate: 'GB-123-K' }] },
      });
      expect(result.errors).toBeUndefined();
      return result.data!.quotePermitApplication;
    };

    beforeAll(async () => {
      const em = api.em();
      // The town's admin turns the check on (audited).
      const admin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      const set = await admin.request<Data>(
        'mutation { setResidenceCheck(residenceCheck: register) { code residenceCheck } }',
      );
      expect(set.data?.setResidenceCheck).toEqual({ code: 'oudstad', residenceCheck: 'register' });
      const audit = await em.find(AuditEntry, { action: 'municipality.residenceCheck.set' });
      expect(audit.map((entry) => entry.after)).toEqual([{ residenceCheck: 'register' }]);
      // The demo's password account of Anna, linked to her DigiD as a login would link it.
      await em.transactional(async (tx) => {
        await loginAccounts(
          tx,
          { kind: 'digid', identifier: '999993653', name: 'Anna de Vries', represented: null },
          api.now,
          (await tx.findOneOrFail(Account, { email: 'anna@demo.parkeer.nl' })).id,
        );
      });
      anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    });

    it('a DigiD login keeps the BSN sealed beside its hash, for the represented person too (DigiD Machtigen)', async () => {
      const em = api.em();
      const accounts = await em.transactional((tx) =>
        loginAccounts(
          tx,
          {
            kind: 'digid',
            identifier: '999991772',
            name: 'Carla Smit',
            represented: { kind: 'bsn', identifier: '999992223', name: 'Dirk Smit' },
          },
          api.now,
          null,
        ),
      );
      for (const [account, bsn] of [
        [accounts.actor, '999991772'],
        [accounts.actingFor!, '999992223'],
      ] as const) {
        const link = await api
          .em()
          .findOneOrFail(IdentityLink, { account: account.id }, { populate: ['subjectSealed'] });
        expect(link.subjectHash).toBe(identifierHash('bsn', bsn));
        expect(link.subjectSealed).not.toContain(bsn);
        expect(unsealIdentifier(link.subjectSealed!)).toBe(bsn);
      }
      // Never part of the API: the GraphQL schema has no field for it.
      const introspection = await anna.request<Data>(
        '{ __type(name: "IdentityLink") { fields { name } } }',
      );
      expect(JSON.stringify(introspection.data ?? {})).not.toMatch(/sealed/i);
    });

    it('a resident is granted for the address the register has them at, and asked the register by BSN with its key (docs/rules.md §2 registered address)', async () => {
      const before = fakes.brp.received.length;
      expect(await quote(anna, 'oudstad-noord-1')).toMatchObject({
        __typename: 'PermitApplicationQuote',
        needsReview: false,
        unansweredRegistries: [],
      });
      const asked = fakes.brp.received.slice(before);
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({
        method: 'POST',
        path: '/personen',
        body: {
          type: 'RaadpleegMetBurgerservicenummer',
          burgerservicenummer: ['999993653'],
          fields: ['burgerservicenummer', 'verblijfplaats'],
        },
      });
      expect(asked[0]!.headers['x-api-key']).toBe('test-key');
    });

    it('another address than the registered one is refused, the rule named (docs/rules.md §2 registered address)', async () => {
      const refused = await quote(anna, 'oudstad-markt-3');
      expect(refused.__typename).toBe('PermitApplicationRefused');
      expect(refused.rule).toBe('ELIGIBILITY_NOT_REGISTERED_AT_ADDRESS');
      expect(refused.message).toMatch(/Basisregistratie Personen/);
    });

    it('after a move in the register, the new address is hers and the old one no longer (docs/rules.md §2 registered address)', async () => {
      brpFake(fakes.brp).move('999993653', 'oudstad-markt-3', '2026-11-01');
      try {
        expect((await quote(anna, 'oudstad-markt-3')).__typename).toBe('PermitApplicationQuote');
        expect((await quote(anna, 'oudstad-noord-1')).rule).toBe(
          'ELIGIBILITY_NOT_REGISTERED_AT_ADDRESS',
        );
        brpFake(fakes.brp).move('999993653', null, '2026-11-02');
        expect((await quote(anna, 'oudstad-noord-1')).rule).toBe(
          'ELIGIBILITY_NOT_REGISTERED_AT_ADDRESS',
        );
      } finally {
        brpFake(fakes.brp).reset();
      }
    });

    it('a register that is down or silent sends the application to an official, never to a yes (docs/rules.md §2 registered address)', async () => {
      for (const mode of ['down', 'silent'] as const) {
        fakes.brp.mode = mode;
        try {
          expect(await quote(anna, 'oudstad-markt-3')).toMatchObject({
            __typename: 'PermitApplicationQuote',
            needsReview: true,
            unansweredRegistries: ['brp'],
          });
        } finally {
          fakes.brp.mode = 'up';
        }
      }
    });

    it('a resident without DigiD (password only) is checked by an official; a town without the check takes the address as given (docs/rules.md §2 registered address)', async () => {
      expect(await quote(bram, 'oudstad-noord-1')).toMatchObject({
        needsReview: true,
        unansweredRegistries: ['brp'],
      });
      const em = api.em();
      const oudstad = await em.findOneOrFail(Municipality, { code: 'oudstad' });
      oudstad.residenceCheck = 'none';
      await em.flush();
      try {
        const before = fakes.brp.received.length;
        expect(await quote(bram, 'oudstad-noord-1')).toMatchObject({ needsReview: false });
        expect(await quote(anna, 'oudstad-markt-3')).toMatchObject({ needsReview: false });
        expect(fakes.brp.received.length).toBe(before);
      } finally {
        oudstad.residenceCheck = 'register';
        await em.flush();
      }
    });
  },
);
