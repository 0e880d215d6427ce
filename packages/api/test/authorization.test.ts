import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo-seed.js';
import { createSchema } from '../src/schema.js';
import type { Role } from '../src/model/account.entity.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';
import { operations, type OperationKind } from './schema-operations.js';
import {
  machineKeyScopes,
  scopeOperations,
  type MachineKeyScope,
} from '../src/graphql/scope-gate.js';
import { Stream, wsClient } from './ws-client.js';

/**
 * Who may call each operation at all: the type-graphql gate (`@Authorized`). What a caller may
 * do with a particular product is the service's check, tested per feature. Every operation of
 * the schema must be listed here, so a new one cannot slip in without a decision.
 */
const holders: Role[] = ['resident', 'business'];
const anyone = 'public' as const;
const loggedInOnly = 'loggedIn' as const;
type Gate = typeof anyone | typeof loggedInOnly | Role[];

const gates: Record<string, Gate> = {
  // Reading what is public, and the ways in.
  about: anyone,
  me: anyone,
  login: anyone,
  createAccessToken: anyone,
  requestPasswordReset: anyone,
  resetPassword: anyone,
  passwordResetLink: anyone,
  couplingLink: anyone,
  acceptCouplingLink: anyone,
  delegationInvitation: anyone,
  // The link is the secret; logged in, only residents and businesses (service check, tested
  // in delegations.test.ts).
  acceptDelegation: anyone,
  logout: loggedInOnly,
  updateSettings: loggedInOnly,
  // A town's machine key has the role partner; its scopes decide further (scope-gate.ts, walked
  // below). A partner account without a key has no towns: the service refuses its checks.
  rightCheck: ['enforcement', 'partner'],
  rightCheckBatch: ['enforcement', 'partner'],
  recordFine: ['enforcement'],
  enforcementPlaces: ['enforcement', 'partner'],
  productGroups: holders,
  product: holders,
  addProductByCode: holders,
  quoteSession: holders,
  sessions: holders,
  session: holders,
  startSession: holders,
  changeSessionEnd: holders,
  stopSession: holders,
  deleteSession: holders,
  favorites: holders,
  addFavorite: holders,
  renameFavorite: holders,
  deleteFavorite: holders,
  recentPlates: holders,
  permitPlates: holders,
  switchPlate: holders,
  // The flexible business permit: the business, an admin of its town reads (flex.test.ts).
  flexPermit: ['business', 'municipalAdmin'],
  addFlexPlate: ['business'],
  renameFlexPlate: ['business'],
  removeFlexPlate: ['business'],
  registerFlexPlate: ['business'],
  stopFlexRegistration: ['business'],
  delegations: holders,
  inviteDelegation: holders,
  revokeDelegation: holders,
  topUpOffers: holders,
  startTopUp: holders,
  payment: holders,
  sessionHistory: holders,
  transactionHistory: holders,
  balanceUsage: holders,
  // A holder's own requests, on their own permit (tested in resident-requests.test.ts).
  permitRequests: holders,
  requestFineWaiver: holders,
  requestCareHours: holders,
  // The permit counter: the applicant's own applications and permits (counter-*.test.ts).
  permitOffers: holders,
  quotePermitApplication: holders,
  applyForPermit: holders,
  permitApplication: holders,
  myPermitApplications: holders,
  counterPermits: holders,
  // A business's own establishments (KvK); a login acting for a person is refused by the
  // service (business-establishments.test.ts).
  businessEstablishments: ['business'],
  counterPermit: holders,
  renewPermit: holders,
  requestPlateChange: holders,
  endPermit: holders,
  // Moving house (docs/rules.md §2 moving): a resident's own move only.
  movePreview: ['resident'],
  reportMove: ['resident'],
  requestMoveRefund: ['resident'],
  // Subscriptions (over graphql-ws): gated once when they start.
  sessionEvents: holders,
  balanceEvents: holders,
  // The back office: an admin sees its own town only (tested in oversight.test.ts).
  zoneOccupancy: ['municipalAdmin'],
  zoneOccupancyChanged: ['municipalAdmin'],
  zoneOccupancyToday: ['municipalAdmin'],
  auditLog: ['municipalAdmin'],
  // Requests of the admin's own town (tested in admin-requests.test.ts).
  careGrants: ['municipalAdmin'],
  grantCareHours: ['municipalAdmin'],
  fineWaivers: ['municipalAdmin'],
  recordFineWaiverRequest: ['municipalAdmin'],
  decideFineWaiver: ['municipalAdmin'],
  careHoursRequests: ['municipalAdmin'],
  decideCareHoursRequest: ['municipalAdmin'],
  outageCompensations: ['municipalAdmin'],
  compensateOutage: ['municipalAdmin'],
  // Permits of the admin's own town (tested in admin-permits.test.ts).
  adminPermits: ['municipalAdmin'],
  adminPermit: ['municipalAdmin'],
  blockPermit: ['municipalAdmin'],
  unblockPermit: ['municipalAdmin'],
  revokePermit: ['municipalAdmin'],
  changePermitPlate: ['municipalAdmin'],
  issuePermit: ['municipalAdmin'],
  findAddress: ['municipalAdmin', ...holders],
  sessionStartsToday: ['municipalAdmin'],
  adminZones: ['municipalAdmin'],
  adminZone: ['municipalAdmin'],
  createZone: ['municipalAdmin'],
  updateZone: ['municipalAdmin'],
  setZoneRegime: ['municipalAdmin'],
  zoneShapes: ['municipalAdmin'],
  setZoneShape: ['municipalAdmin'],
  startAddressImport: ['municipalAdmin'],
  addressImports: ['municipalAdmin'],
  addressImport: ['municipalAdmin'],
  setZoneEmissionRule: ['municipalAdmin'],
  adminProductTypes: ['municipalAdmin'],
  adminProductType: ['municipalAdmin'],
  updateProductSettings: ['municipalAdmin'],
  adminTariffs: ['municipalAdmin'],
  scheduleTariff: ['municipalAdmin'],
  cancelTariff: ['municipalAdmin'],
  municipalitySettings: ['municipalAdmin'],
  setRetention: ['municipalAdmin'],
  setAdministrationFee: ['municipalAdmin'],
  setResidenceCheck: ['municipalAdmin'],
  setObjectionPeriod: ['municipalAdmin'],
  setRegistrationLoginTopUps: ['municipalAdmin'],
  // The back office of the permit counter (tested in counter-review.test.ts).
  permitApplications: ['municipalAdmin'],
  adminPermitApplication: ['municipalAdmin'],
  decidePermitApplication: ['municipalAdmin'],
  // Quotas and waiting lists (tested in quota-waiting-list.test.ts).
  adminQuotas: ['municipalAdmin'],
  setQuota: ['municipalAdmin'],
  waitingList: ['municipalAdmin'],
  moveWaitingListEntry: ['municipalAdmin'],
  removeWaitingListEntry: ['municipalAdmin'],
  offerWaitingListEntry: ['municipalAdmin'],
  payPermitOffer: holders,
  // The platform's own administrator creates towns and sees none of their data.
  municipalities: ['platformAdmin'],
  createMunicipality: ['platformAdmin'],
  // The work queue's dead letter (tested in jobs.test.ts).
  deadLetteredJobs: ['platformAdmin'],
  retryDeadLetteredJob: ['platformAdmin'],
  // Decision letters: a permit's holder and its town's admins read them; admins mail one again.
  permitLetters: [...holders, 'municipalAdmin'],
  resendLetter: ['municipalAdmin'],
  // A visitor permit's registration number + PIN (registration-login.test.ts): signing in is
  // public, what such a login shows of itself too; the PIN is changed by its holder or that login.
  registrationLogin: anyone,
  loginWithRegistration: anyone,
  changePin: holders,
  // A new PIN by letter (new-pin-letter.test.ts): the holder's account for its own permit, anyone
  // by registration number on the sign-in page (same answer for every number), the town's admins.
  requestNewPinLetter: holders,
  requestNewPinByRegistration: anyone,
  requestNewPinLetterForPermit: ['municipalAdmin'],
  // DigiD and eHerkenning (tested in identity-login.test.ts): the login page's list is public,
  // the town's brokers its admin's, the links every account's own.
  signInOptions: anyone,
  identityProviders: ['municipalAdmin'],
  setIdentityProvider: ['municipalAdmin'],
  identityLinks: loggedInOnly,
  unlinkIdentity: loggedInOnly,
  // The municipal desk: its employees and the town's admins, each in their own town; the PIN
  // and the grant are the service's checks (desk.test.ts).
  deskFindPermit: ['municipalDesk', 'municipalAdmin'],
  deskStartSession: ['municipalDesk', 'municipalAdmin'],
  deskChangeSessionEnd: ['municipalDesk', 'municipalAdmin'],
  deskStopSession: ['municipalDesk', 'municipalAdmin'],
  deskEndCall: ['municipalDesk', 'municipalAdmin'],
  // A town's machine keys, by its own admins only (partner-keys.test.ts).
  partnerKeys: ['municipalAdmin'],
  createPartnerKey: ['municipalAdmin'],
  rotatePartnerKey: ['municipalAdmin'],
  revokePartnerKey: ['municipalAdmin'],
  setPartnerKeyBudget: ['municipalAdmin'],
  // The back office's header names the town of an admin or a desk employee.
  adminMunicipality: ['municipalAdmin', 'municipalDesk'],
  // Apps acting for a resident: the holder consents and revokes (the consent's binding to the
  // browser is the service's check, app-access.test.ts); the platform admin registers apps.
  appAuthorization: ['resident', 'business'],
  decideAppAuthorization: ['resident', 'business'],
  connectedApps: ['resident', 'business'],
  revokeConnectedApp: ['resident', 'business'],
  partnerApps: ['platformAdmin'],
  registerPartnerApp: ['platformAdmin'],
  setPartnerAppDisabled: ['platformAdmin'],
  // An app's webhooks (docs/partners/webhooks.md): set and watched by the platform admin.
  webhookSubscription: ['platformAdmin'],
  saveWebhookSubscription: ['platformAdmin'],
  rotateWebhookSecret: ['platformAdmin'],
  redeliverWebhook: ['platformAdmin'],
};

const accounts: Record<Role, string> = {
  resident: 'anna@demo.parkeer.nl',
  business: 'bakkerij@demo.parkeer.nl',
  municipalAdmin: 'beheer@delft.demo.parkeer.nl',
  municipalDesk: 'balie@delft.demo.parkeer.nl',
  platformAdmin: 'platform@demo.parkeer.nl',
  enforcement: 'handhaving@demo.parkeer.nl',
  partner: 'partner@demo.parkeer.nl',
};

const dialects = await testDialects();

describe.each(dialects)('authorization of every operation, per role, on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let schema: GraphQLSchema;
  const clients = new Map<Role, TestClient>();
  const now = new Date('2026-11-23T09:00:00Z');

  /**
   * A query or mutation over HTTP; a subscription over graphql-ws, with the same login. A
   * subscription's gate answers at once; one let through may stay open and quiet, which
   * `quietAfter` ms (when given) take as an answer without errors.
   */
  const run = async (
    kind: OperationKind,
    document: string,
    client: TestClient,
    quietAfter?: number,
    bearer?: string,
  ) => {
    if (kind !== 'subscription') return client.request(document);
    const cookie = client.lastSetCookie?.split(';')[0];
    const ws = wsClient(server.url, bearer ? { bearer } : cookie ? { cookie } : {});
    const stream = new Stream(ws, document, {});
    try {
      const first = stream.nth(0, quietAfter).catch((error: unknown) => {
        if (quietAfter !== undefined && stream.isOpen) return {};
        throw error;
      });
      return (await first) as {
        data?: Record<string, unknown> | null;
        errors?: { extensions: { code: string } }[];
      };
    } finally {
      await stream.close();
      await ws.dispose();
    }
  };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.orm.em.fork(), now);
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
    schema = await createSchema();
    for (const [role, email] of Object.entries(accounts) as [Role, string][]) {
      clients.set(role, await loggedIn(server.url, email));
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('decides the gate of every operation in the schema, and of nothing else', () => {
    expect(
      operations(schema)
        .map((op) => op.name)
        .sort(),
    ).toEqual(Object.keys(gates).sort());
  });

  it('answers UNAUTHENTICATED without a login and FORBIDDEN to every role not let in', async () => {
    for (const { name, kind, document } of operations(schema)) {
      const gate = gates[name]!;
      if (gate === anyone) continue;
      const anonymous = await run(kind, document, new TestClient(server.url));
      expect(anonymous.errors?.[0]?.extensions.code, `${name} anonymous`).toBe('UNAUTHENTICATED');
      if (gate === loggedInOnly) continue;
      for (const [role, client] of clients) {
        if (gate.includes(role)) continue;
        const result = await run(kind, document, client);
        expect(result.errors?.[0]?.extensions.code, `${name} as ${role}`).toBe('FORBIDDEN');
        expect(result.data?.[name as never] ?? null, `${name} as ${role}`).toBeNull();
      }
    }
    // Every operation for every role: over 30 s on a loaded machine.
  }, 60_000);

  it('lets every allowed role through the gate', async () => {
    for (const { name, kind, document } of operations(schema)) {
      const gate = gates[name]!;
      const allowed: (Role | null)[] =
        gate === anyone
          ? [null, ...clients.keys()]
          : gate === loggedInOnly
            ? [...clients.keys()]
            : gate;
      for (const role of allowed) {
        // Logging out would end the shared login of this test: use a login of its own.
        const client =
          role === null
            ? new TestClient(server.url)
            : name === 'logout'
              ? await loggedIn(server.url, accounts[role])
              : clients.get(role)!;
        const result = await run(kind, document, client, 1000);
        const code = result.errors?.[0]?.extensions.code;
        expect(['UNAUTHENTICATED', 'FORBIDDEN'], `${name} as ${role ?? 'anonymous'}`).not.toContain(
          code,
        );
      }
    }
    // Logins hash passwords (argon2) on purpose: slow by design.
  }, 60_000);

  it("lets a town's machine key call only what its scopes list; anything else is FORBIDDEN", async () => {
    const admin = clients.get('municipalAdmin')!;
    const keyWith = async (scopes: readonly MachineKeyScope[]) => {
      const made = await admin.request<{ createPartnerKey: { secret: string } }>(
        `mutation ($input: CreatePartnerKeyInput!) { createPartnerKey(input: $input) { secret } }`,
        { input: { partnerName: 'Walk', label: scopes.join(' '), scopes } },
      );
      return { scopes, secret: made.data!.createPartnerKey.secret };
    };
    const keys = [
      ...(await Promise.all(machineKeyScopes.map((scope) => keyWith([scope])))),
      await keyWith(machineKeyScopes),
    ];
    const lets = (scopes: readonly MachineKeyScope[], kind: OperationKind, name: string) =>
      name === 'me' ||
      name === 'logout' ||
      scopes.some((scope) =>
        (scopeOperations[scope] as Partial<Record<OperationKind, readonly string[]>>)[
          kind
        ]?.includes(name),
      );
    let allowedSomewhere = 0;
    for (const { name, kind, document } of operations(schema)) {
      for (const { scopes, secret } of keys) {
        const client = new TestClient(server.url, { authorization: `Bearer ${secret}` });
        const allowed = lets(scopes, kind, name);
        const result = await run(kind, document, client, allowed ? 1000 : undefined, secret);
        const code = result.errors?.[0]?.extensions.code;
        const who = `${name} with a key for ${scopes.join(', ')}`;
        if (allowed) {
          allowedSomewhere += 1;
          expect(['UNAUTHENTICATED', 'FORBIDDEN'], who).not.toContain(code);
        } else {
          expect(code, who).toBe('FORBIDDEN');
        }
      }
    }
    expect(allowedSomewhere).toBeGreaterThan(keys.length * 2);
    // A key per scope and one with all of them, through every operation of the schema.
  }, 150_000);
});
