import type { EntityManager } from '@mikro-orm/core';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import type { LivePubSub } from '../../graphql/pubsub.js';
import { machineKeyScopes, type MachineKeyScope } from '../../graphql/scope-gate.js';
import { isUuid } from '../../db/uuid.js';
import { Account } from '../../model/account.entity.js';
import { Municipality } from '../../model/municipality.entity.js';
import { PartnerKey } from '../../model/partner-key.entity.js';
import { PartnerKeyUsage } from '../../model/partner-key-usage.entity.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { announcePartnerKeyChange } from './partner-key-changes.js';
import { newPartnerKeySecret } from './partner-key-secret.js';
import { flushPartnerKeyUsage } from './partner-key-usage.js';

/** A rotation's overlap: the old secret works this many hours longer (docs/security.md). */
export const overlapHours = { min: 0, max: 168 } as const;
/** A key's own budgets per minute: a typo guard, far above any scan car's need. */
export const budgetRange = {
  requestsPerMinute: { min: 1, max: 100_000 },
  costPerMinute: { min: 1, max: 10_000_000 },
} as const;
const maxText = 100;

export interface PartnerKeyInput {
  readonly partnerName: string;
  readonly label: string;
  readonly scopes: readonly string[];
  readonly requestsPerMinute?: number | null;
  readonly costPerMinute?: number | null;
}

export interface PartnerKeyBudget {
  readonly requestsPerMinute?: number | null;
  readonly costPerMinute?: number | null;
}

/** A key as the back office lists it: its use counted on this instance's last flush and before. */
export interface ListedPartnerKey {
  readonly key: PartnerKey;
  readonly requestsToday: number;
  readonly requestsLast7Days: number;
}

/** A key with its whole secret: answered once, on creation or rotation, and never again. */
export interface IssuedPartnerKey extends ListedPartnerKey {
  readonly secret: string;
}

const dayMs = 24 * 60 * 60_000;

function textProblems(value: string, path: string): InputProblem[] {
  const text = value.trim();
  if (text === '') return [{ code: 'SETTING_REQUIRED', path }];
  if (text.length > maxText) return [{ code: 'SETTING_TOO_LONG', path, params: { max: maxText } }];
  return [];
}

function budgetProblems(budget: PartnerKeyBudget): InputProblem[] {
  return (['requestsPerMinute', 'costPerMinute'] as const).flatMap((path): InputProblem[] => {
    const value = budget[path];
    const { min, max } = budgetRange[path];
    return value == null || (Number.isInteger(value) && value >= min && value <= max)
      ? []
      : [{ code: 'SETTING_OUT_OF_RANGE', path, params: { min, max } }];
  });
}

const isMachineKeyScope = (scope: string): scope is MachineKeyScope =>
  (machineKeyScopes as readonly string[]).includes(scope);

/** What the audit log keeps of a key: never a secret or its hash. */
const auditedKey = (key: PartnerKey) => ({
  partnerName: key.partnerName,
  label: key.label,
  scopes: key.scopes,
  requestsPerMinute: key.requestsPerMinute ?? null,
  costPerMinute: key.costPerMinute ?? null,
  previousSecretExpiresAt: key.previousSecretExpiresAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

/**
 * A town admin's machine keys (docs/security.md, "Machine keys"): made, rotated and revoked for
 * the admin's own town only, every change in the town's audit log. A key of another town is
 * NOT_FOUND, like one that does not exist.
 */
export class PartnerKeyService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
    private readonly pubSub: LivePubSub,
  ) {}

  async list(): Promise<ListedPartnerKey[]> {
    const townId = adminTown(this.actor);
    // This instance's counts and last-used times first, so a key just used shows it.
    await flushPartnerKeyUsage(this.em);
    const keys = await this.em.find(
      PartnerKey,
      { municipality: townId },
      { orderBy: { createdAt: 'desc', id: 'asc' } },
    );
    return this.withUsage(keys, townId);
  }

  /** Keys with their requests today and over the last 7 days (the town's calendar days). */
  private async withUsage(keys: PartnerKey[], townId: string): Promise<ListedPartnerKey[]> {
    if (keys.length === 0) return [];
    const town = await this.em.findOneOrFail(Municipality, { id: townId });
    const today = localDateOf(this.actor.now, town.timeZone);
    const weekStart = new Date(Date.parse(`${today}T00:00:00Z`) - 6 * dayMs)
      .toISOString()
      .slice(0, 10);
    const usage = await this.em.find(PartnerKeyUsage, {
      partnerKey: { $in: keys.map((key) => key.id) },
      day: { $gte: weekStart, $lte: today },
    });
    return keys.map((key) => {
      const own = usage.filter((row) => row.partnerKey.id === key.id);
      return {
        key,
        requestsToday: own.find((row) => row.day === today)?.requests ?? 0,
        requestsLast7Days: own.reduce((sum, row) => sum + row.requests, 0),
      };
    });
  }

  async create(input: PartnerKeyInput): Promise<IssuedPartnerKey> {
    const townId = adminTown(this.actor);
    const scopes = [...new Set(input.scopes)];
    refuseProblems([
      ...textProblems(input.partnerName, 'partnerName'),
      ...textProblems(input.label, 'label'),
      ...(scopes.length === 0 || !scopes.every(isMachineKeyScope)
        ? [{ code: 'PARTNER_KEY_SCOPES_INVALID' as const, path: 'scopes' }]
        : []),
      ...budgetProblems(input),
    ]);
    const key = this.em.create(PartnerKey, {
      municipality: this.em.getReference(Municipality, townId),
      partnerName: input.partnerName.trim(),
      label: input.label.trim(),
      scopes,
      secretHash: '',
      requestsPerMinute: input.requestsPerMinute ?? null,
      costPerMinute: input.costPerMinute ?? null,
      createdBy: this.em.getReference(Account, this.actor.viewer!.accountId),
      createdAt: this.actor.now,
    });
    const { key: secret, secretHash } = newPartnerKeySecret(key.id);
    key.secretHash = secretHash;
    recordChange(this.em, this.actor, {
      action: 'partnerKey.created',
      ...this.subject(key, townId),
      before: null,
      after: auditedKey(key),
    });
    await this.em.flush();
    return { key, secret, requestsToday: 0, requestsLast7Days: 0 };
  }

  /**
   * A new secret; the current one keeps working for `hours` more (0: it stops at once), so the
   * partner can change its configuration without a gap. A secret replaced before is dropped.
   */
  async rotate(id: string, hours: number): Promise<IssuedPartnerKey> {
    const key = await this.ownKey(id);
    refuseProblems(
      Number.isInteger(hours) && hours >= overlapHours.min && hours <= overlapHours.max
        ? []
        : [{ code: 'SETTING_OUT_OF_RANGE', path: 'overlapHours', params: { ...overlapHours } }],
    );
    if (key.revokedAt) throw new AppError('PARTNER_KEY_REVOKED');
    const before = auditedKey(key);
    const { key: secret, secretHash } = newPartnerKeySecret(key.id);
    key.previousSecretHash = hours > 0 ? key.secretHash : null;
    key.previousSecretExpiresAt =
      hours > 0 ? new Date(this.actor.now.getTime() + hours * 60 * 60_000) : null;
    key.secretHash = secretHash;
    key.rotatedAt = this.actor.now;
    recordChange(this.em, this.actor, {
      action: 'partnerKey.rotated',
      ...this.subject(key, key.municipality.id),
      before,
      after: { ...auditedKey(key), rotatedAt: this.actor.now.toISOString() },
    });
    await this.em.flush();
    announcePartnerKeyChange(this.pubSub, key.id);
    return { ...(await this.withUsage([key], key.municipality.id))[0]!, secret };
  }

  /** Ends the key and any overlapping secret at once, on every instance. Again: no change. */
  async revoke(id: string): Promise<ListedPartnerKey> {
    const key = await this.ownKey(id);
    if (key.revokedAt) return (await this.withUsage([key], key.municipality.id))[0]!;
    const before = auditedKey(key);
    key.revokedAt = this.actor.now;
    key.previousSecretHash = null;
    key.previousSecretExpiresAt = null;
    recordChange(this.em, this.actor, {
      action: 'partnerKey.revoked',
      ...this.subject(key, key.municipality.id),
      before,
      after: auditedKey(key),
    });
    await this.em.flush();
    announcePartnerKeyChange(this.pubSub, key.id);
    return (await this.withUsage([key], key.municipality.id))[0]!;
  }

  /** The key's own budgets per minute; null: the configured default. */
  async setBudget(id: string, budget: PartnerKeyBudget): Promise<ListedPartnerKey> {
    const key = await this.ownKey(id);
    refuseProblems(budgetProblems(budget));
    const before = auditedKey(key);
    key.requestsPerMinute = budget.requestsPerMinute ?? null;
    key.costPerMinute = budget.costPerMinute ?? null;
    recordChange(this.em, this.actor, {
      action: 'partnerKey.budget.set',
      ...this.subject(key, key.municipality.id),
      before,
      after: auditedKey(key),
    });
    await this.em.flush();
    announcePartnerKeyChange(this.pubSub, key.id);
    return (await this.withUsage([key], key.municipality.id))[0]!;
  }

  private subject(key: PartnerKey, townId: string) {
    return {
      subjectType: 'partnerKey',
      subjectId: key.id,
      subjectLabel: `${key.partnerName} · ${key.label}`,
      municipalityId: townId,
    };
  }

  private async ownKey(id: string): Promise<PartnerKey> {
    const townId = adminTown(this.actor);
    await flushPartnerKeyUsage(this.em);
    const key = isUuid(id) ? await this.em.findOne(PartnerKey, { id, municipality: townId }) : null;
    if (!key) throw new AppError('NOT_FOUND');
    return key;
  }
}
