import type { EntityManager } from '@mikro-orm/core';
import { retentionPeriodMs } from '@parkeer/domain/settings/town-settings-validation';
import { sqlDate } from '../db/sql-date.js';
import { AuthSession } from '../model/auth-session.entity.js';
import { EmailToken } from '../model/email-token.entity.js';
import { WebhookDelivery } from '../model/webhook-delivery.entity.js';
import { MailOutbox } from '../model/mail-outbox.entity.js';
import { ScheduledJob } from '../model/scheduled-job.entity.js';
import { RightCheckLog } from '../model/right-check-log.entity.js';
import { Municipality } from '../model/municipality.entity.js';
import { PermitDocument } from '../model/permit-document.entity.js';
import { RateLimitCounter } from '../model/rate-limit-counter.entity.js';
import { removeExpiredClaims } from '../modules/idempotency/claim-retention.js';
import { anonymisedCountry, anonymisedPlate } from '../model/parking-session.entity.js';
import { OAuthRecord } from '../model/oauth-record.entity.js';

const hourMs = 60 * 60_000;
/** Check logs (no plates) are kept this long for oversight, then removed. */
export const checkLogRetentionMs = 13 * 7 * 24 * hourMs;
/**
 * Mail that went out, and one-off work that finished, is kept this long (support questions:
 * "did the mail go?"), then removed: a sent mail holds an address and a link.
 */
export const finishedWorkRetentionMs = 30 * 24 * hourMs;
/**
 * An upload no application took within this long is removed: the applicant gave up, and the file
 * (a contract, a statement) is personal data kept for nothing.
 */
export const orphanUploadRetentionMs = 24 * hourMs;
/** Used or expired e-mail links and lapsed logins linger this long (support questions). */
const expiredSecretsGraceMs = 24 * hourMs;

/** Rows a statement touched: its returned rows, or the driver's count (SQLite's deletes). */
const touched = (result: unknown): number =>
  Array.isArray(result)
    ? result.length
    : Number((result as { affectedRows?: number; changes?: number } | null)?.affectedRows ?? 0);

export interface RetentionResult {
  readonly anonymisedSessions: number;
  readonly removedSecrets: number;
  readonly removedCheckLogs: number;
  readonly removedClaims: number;
  readonly removedFinishedWork: number;
  readonly removedOrphanUploads: number;
}

/**
 * The retention schedule (docs/rules.md §8): plates of ended sessions are anonymised once the
 * municipality's period after parking has passed (13 weeks, or 48 hours), or, near a fine, its
 * objection period (docs/rules.md §9); e-mail links, logins
 * and rate-limit counters that can no longer be used are removed; old check logs and idempotency
 * keys' answers (a day) are removed; sent mail and finished one-off work after 30 days; uploads
 * no application took after a day.
 * Running and planned sessions are never touched.
 */
export async function applyRetention(em: EntityManager, now: Date): Promise<RetentionResult> {
  const connection = em.getConnection();
  const stored = (value: Date) => sqlDate(em, value);
  let anonymisedSessions = 0;
  for (const municipality of await em.find(Municipality, {}, { fields: ['retention'] })) {
    const { retention } = municipality;
    const periodMs = retentionPeriodMs(retention);
    const rows = await connection.execute(
      `update parking_session set plate = ?, country = ?
      where status in ('ended', 'deleted') and plate <> ?
        and coalesce(stopped_at, "end") <= ?
        and (kept_until is null or kept_until <= ?)
        and permit_id in (select id from permit where municipality_id = ?)
      returning id`,
      [
        anonymisedPlate,
        anonymisedCountry,
        anonymisedPlate,
        stored(new Date(now.getTime() - periodMs)),
        // docs/rules.md §9 fines: a fine keeps its sessions' plates for the objection period.
        stored(now),
        municipality.id,
      ],
      'all',
      // Inside the job's transaction: SQLite has one connection, which that transaction holds.
      em.getTransactionContext(),
    );
    anonymisedSessions += touched(rows);
  }
  const graceCutoff = new Date(now.getTime() - expiredSecretsGraceMs);
  const removedSecrets =
    (await em.nativeDelete(EmailToken, { expiresAt: { $lte: graceCutoff } })) +
    (await em.nativeDelete(AuthSession, { expiresAt: { $lte: graceCutoff } })) +
    (await em.nativeDelete(RateLimitCounter, { expire: { $lte: graceCutoff.getTime() } })) +
    // The authorization server's codes, tokens and grants expire on the wall clock it issues by.
    (await em.nativeDelete(OAuthRecord, {
      expiresAt: { $lte: new Date(Date.now() - expiredSecretsGraceMs) },
    }));
  const removedCheckLogs = await em.nativeDelete(RightCheckLog, {
    checkedAt: { $lte: new Date(now.getTime() - checkLogRetentionMs) },
    // A check with a fine stays while the fine can be objected to.
    $or: [{ keptUntil: null }, { keptUntil: { $lte: now } }],
  });
  const removedClaims = await removeExpiredClaims(em, now);
  const finishedBefore = new Date(now.getTime() - finishedWorkRetentionMs);
  // Recurring jobs (settlements, retention) keep their row; dead-lettered work waits for an admin.
  const removedFinishedWork =
    (await em.nativeDelete(ScheduledJob, {
      kind: { $in: ['sendMail', 'refundPayment', 'renderLetter'] },
      doneAt: { $lte: finishedBefore },
    })) +
    (await em.nativeDelete(MailOutbox, { sentAt: { $lte: finishedBefore } })) +
    // Webhook events hold plates: gone 30 days after they were made, pending ones aside.
    (await em.nativeDelete(WebhookDelivery, {
      status: { $ne: 'pending' },
      createdAt: { $lte: finishedBefore },
    }));
  const removedOrphanUploads = await em.nativeDelete(PermitDocument, {
    kind: 'upload',
    permit: null,
    application: null,
    createdAt: { $lte: new Date(now.getTime() - orphanUploadRetentionMs) },
  });
  return {
    anonymisedSessions,
    removedSecrets,
    removedCheckLogs,
    removedClaims,
    removedFinishedWork,
    removedOrphanUploads,
  };
}
