import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { visitorPermitEligibility } from '@parkeer/domain/eligibility/permit-application';
import { Account } from '../src/model/account.entity.js';
import { AuthSession } from '../src/model/auth-session.entity.js';
import { hashToken } from '../src/modules/auth/auth.service.js';
import { permitPot } from '../src/modules/ledger/ledger.js';
import { withPermitTransaction } from '../src/modules/ledger/permit-transaction.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { PermitPlate } from '../src/model/permit-plate.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { ProductType } from '../src/model/product-type.entity.js';
import { ParkingSession, type SessionStatus } from '../src/model/parking-session.entity.js';
import { Zone } from '../src/model/zone.entity.js';

/** One right-check as a scan car asks it. */
export interface CheckInput {
  readonly plate: string;
  readonly zone: string;
  readonly municipality: string;
}

export interface BenchData {
  readonly sessions: number;
  readonly permitPlates: number;
  /** A fixed mix of checks: running sessions, permits, switched-out plates, wrong zones, unknowns. */
  readonly checks: readonly CheckInput[];
}

const letters = 'BDFGHJKLNPRSTVXZ';
/** A distinct Dutch plate (sidecode 9, LL-DDD-L) for every i below four million. */
export const benchPlate = (i: number) =>
  letters[i % 16]! +
  letters[(i >> 4) % 16]! +
  String((i >> 8) % 1000).padStart(3, '0') +
  letters[Math.floor((i >> 8) / 1000) % 16]!;

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * Delft as a busy town looks to the right-check: a few hundred visitor permits with thousands of
 * sessions (mostly ended, some running, planned or deleted) and thousands of resident permits with
 * an active and sometimes a switched-out plate, spread over Delft's zones. Deterministic.
 */
export async function addBenchData(
  em: EntityManager,
  now: Date,
  size = { visitorPermits: 300, sessions: 6_000, residentPermits: 3_000 },
): Promise<BenchData> {
  const delft = await em.findOneOrFail(Municipality, { code: 'delft' });
  const zones = await em.find(Zone, { municipality: delft }, { orderBy: { code: 'asc' } });
  const visitorProduct = await em.findOneOrFail(ProductType, {
    municipality: delft,
    code: 'visitor-permit',
  });
  const residentProduct = em.create(ProductType, {
    municipality: delft,
    code: 'resident-permit',
    kind: 'residentPermit',
    name: { nl: 'Bewonersvergunning', en: 'Resident permit' },
    eligibility: {
      ...visitorPermitEligibility,
      productCode: 'resident-permit',
      holderTypes: ['resident'],
      maxPerAddress: null,
    },
  });
  await em.flush();

  const zoneOf = (i: number) => zones[i % zones.length]!;
  const permitRow = (i: number, product: ProductType, kind: string) => {
    const addressKey = `bench-${kind}-${i}`;
    return {
      id: randomUUID() as string,
      municipality: delft.id,
      productType: product.id,
      zone: zoneOf(i).id,
      holderType: 'resident' as const,
      addressKey,
      addressLabel: `Benchstraat ${i}, Delft`,
      validFrom: new Date(now.getTime() - 200 * day),
      productCode: `B${kind[0]}${i}`,
      pinHash: 'bench',
      balance: 0,
      addressSlot: product.onePerAddress ? addressKey : null,
      createdAt: now,
    };
  };
  const visitorPermits = Array.from({ length: size.visitorPermits }, (_, i) =>
    permitRow(i, visitorProduct, 'visitor'),
  );
  const residentPermits = Array.from({ length: size.residentPermits }, (_, i) =>
    permitRow(i, residentProduct, 'resident'),
  );
  await em.insertMany(Permit, [...visitorPermits, ...residentPermits]);

  // Sessions take plates 0..; a fifth of the plates come back for a second (older) session.
  const sessionRows = Array.from({ length: size.sessions }, (_, i) => {
    const kind: SessionStatus =
      i % 20 === 0 ? 'deleted' : i % 20 === 1 ? 'planned' : i % 4 === 2 ? 'running' : 'ended';
    const start =
      kind === 'running'
        ? now.getTime() - 30 * minute
        : kind === 'planned'
          ? now.getTime() + 60 * minute
          : now.getTime() - ((i % 60) + 1) * day;
    return {
      id: randomUUID() as string,
      permit: visitorPermits[i % visitorPermits.length]!.id,
      plate: benchPlate(i % Math.floor(size.sessions * 0.8)),
      country: 'NL',
      start: new Date(start),
      end: new Date(start + 4 * 60 * minute),
      reservation: 240,
      channel: 'web' as const,
      status: kind,
      createdAt: now,
    };
  });
  await em.insertMany(ParkingSession, sessionRows);

  // Resident plates come after the session plates; every third permit also has a former plate.
  const firstResidentPlate = size.sessions;
  const plateRows = residentPermits.flatMap((permit, i) => {
    const active = {
      id: randomUUID() as string,
      permit: permit.id,
      plate: benchPlate(firstResidentPlate + 2 * i),
      country: 'NL',
      activeSlot: permit.id as string | null,
    };
    const former = {
      ...active,
      id: randomUUID(),
      plate: benchPlate(firstResidentPlate + 2 * i + 1),
    };
    return i % 3 === 0 ? [active, { ...former, activeSlot: null }] : [active];
  });
  await em.insertMany(PermitPlate, plateRows);

  const zoneIndexOf = new Map(
    [...visitorPermits, ...residentPermits].map((permit) => [
      permit.id,
      zones.findIndex((zone) => zone.id === permit.zone),
    ]),
  );
  const at = (permitId: string, shift = 0) => ({
    zone: zones[(zoneIndexOf.get(permitId)! + shift) % zones.length]!.code,
    municipality: 'delft',
  });
  const formerPlates = plateRows.filter((row) => row.activeSlot === null);
  const checks: CheckInput[] = [];
  for (let i = 0; checks.length < 96; i++) {
    const running = sessionRows.filter((row) => row.status === 'running')[i]!;
    const resident = plateRows.filter((row) => row.activeSlot !== null)[i]!;
    checks.push({ plate: running.plate, ...at(running.permit) });
    checks.push({ plate: resident.plate, ...at(resident.permit) });
    const former = formerPlates[i]!;
    checks.push(
      i % 3 === 0
        ? { plate: former.plate, ...at(former.permit) }
        : i % 3 === 1
          ? { plate: running.plate, ...at(running.permit, 1) }
          : { plate: benchPlate(3_000_000 + i), ...at(resident.permit) },
    );
  }
  return { sessions: sessionRows.length, permitPlates: plateRows.length, checks };
}

/** A resident who starts and stops visitor sessions in the benchmark, with a bearer token. */
export interface BenchResident {
  readonly permitId: string;
  readonly token: string;
}

/**
 * Residents with a Delft visitor permit each and a balance that does not run out during a run:
 * one per load connection, as many households use the platform at once.
 */
export async function addSessionResidents(
  em: EntityManager,
  now: Date,
  count: number,
  /** Numbers already given to residents, so a second call makes new ones. */
  first = 0,
): Promise<BenchResident[]> {
  const delft = await em.findOneOrFail(Municipality, { code: 'delft' });
  const zone = await em.findOneOrFail(Zone, { municipality: delft, code: 'B' });
  const visitorProduct = await em.findOneOrFail(ProductType, {
    municipality: delft,
    code: 'visitor-permit',
  });
  const residents: BenchResident[] = [];
  for (let i = first; i < first + count; i++) {
    const account = em.create(Account, { email: `bench-${i}@bench.parkeer.nl`, role: 'resident' });
    const permit = em.create(Permit, {
      municipality: delft,
      productType: visitorProduct,
      zone,
      holder: account,
      holderType: 'resident',
      addressKey: `bench-household-${i}`,
      addressLabel: `Benchstraat ${i}, Delft`,
      validFrom: new Date(now.getTime() - day),
      productCode: `BENCH${i}`,
      pinHash: 'unused',
      addressSlot: `bench-household-${i}`,
    });
    // Bearer logins written with the rest in one flush (AuthService.issue flushes each).
    const token = randomUUID();
    em.create(AuthSession, {
      tokenHash: hashToken(token),
      account,
      kind: 'bearer',
      expiresAt: new Date(now.getTime() + 365 * day),
      lastSeenAt: now,
    });
    residents.push({ permitId: permit.id, token });
  }
  await em.flush();
  // Balances only move through the ledger, a permit at a time.
  for (const { permitId } of residents) {
    await withPermitTransaction(em, permitId, now, (unit) =>
      unit.ledger.post(permitPot, { kind: 'topUp', amount: 10_000_000, at: now }),
    );
  }
  return residents;
}
