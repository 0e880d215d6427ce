import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../admin/admin-scope.js';
import { Account } from '../../model/account.entity.js';
import { Municipality } from '../../model/municipality.entity.js';
import { AuditEntry } from '../../model/audit-entry.entity.js';
import { sameValue } from '@parkeer/shared/same-value';
import { logger } from '../../logging/logger.js';

export interface AuditedChange {
  /** What was done, e.g. 'zone.regime.set'. */
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly subjectLabel: string;
  /** The town it belongs to; null for the platform's own changes. */
  readonly municipalityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The audit subject of a permit application: labelled with the reference its letters print (the
 * first eight characters of its id), in its town.
 */
export function applicationSubject(application: {
  readonly id: string;
  readonly municipality: { readonly id: string };
}): Pick<AuditedChange, 'subjectType' | 'subjectId' | 'subjectLabel' | 'municipalityId'> {
  return {
    subjectType: 'permitApplication',
    subjectId: application.id,
    subjectLabel: application.id.slice(0, 8).toUpperCase(),
    municipalityId: application.municipality.id,
  };
}

/**
 * Writes the audit entry of a change into the same unit of work as the change, so both are
 * flushed (and committed) together. `before` and `after` are copied, so later edits of the
 * objects passed do not leak into the entry.
 *
 * A change that leaves the subject as it was (the same values, perhaps in another key order, as
 * PostgreSQL's jsonb returns stored settings) is no change: it writes no entry and gives null
 * (docs/rules.md §8).
 */
export function recordChange(
  em: EntityManager,
  actor: Actor,
  change: AuditedChange,
): AuditEntry | null {
  const before = snapshot(change.before);
  const after = snapshot(change.after);
  if (before !== null && after !== null && sameValue(before, after)) return null;
  return em.create(AuditEntry, {
    municipality: change.municipalityId
      ? em.getReference(Municipality, change.municipalityId)
      : null,
    actor: em.getReference(Account, actor.viewer!.accountId),
    at: actor.now,
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    subjectLabel: change.subjectLabel,
    before,
    after,
  });
}

function snapshot(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * The audit entry of an action on a permit by someone signed in with its registration number and
 * PIN (the phone line, the web login; docs/rules.md §8). The actor is the permit's holder; a
 * permit without an account has no one to name, so the action is logged only. Never a PIN.
 */
export async function recordForPermitHolder(
  em: EntityManager,
  now: Date,
  permit: {
    readonly id: string;
    readonly productCode: string;
    readonly holder?: { readonly id: string } | null;
    readonly municipality: { readonly id: string };
  },
  change: Pick<AuditedChange, 'action' | 'subjectType' | 'subjectId'> & {
    readonly channel: string;
    readonly after: Record<string, string>;
  },
): Promise<void> {
  const holderId = permit.holder?.id;
  if (!holderId) {
    const { action, subjectType, subjectId, channel } = change;
    logger.info({ action, subjectType, subjectId, permitId: permit.id, channel }, 'permit action');
    return;
  }
  em.create(AuditEntry, {
    municipality: em.getReference(Municipality, permit.municipality.id),
    actor: em.getReference(Account, holderId),
    at: now,
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    subjectLabel: permit.productCode,
    before: null,
    after: { ...change.after, channel: change.channel },
  });
  await em.flush();
}
