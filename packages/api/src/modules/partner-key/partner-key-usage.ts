import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { logger } from '../../logging/logger.js';

/** How long counts wait in memory before they are written (and at shutdown, at once). */
export const usageFlushMs = 10_000;

interface Pending {
  readonly keyId: string;
  readonly day: string;
  requests: number;
  lastUsed: Date;
}

/**
 * A machine key's request counts and last-used time, added up in memory and written in one
 * statement per flush, like the right-check log's group commit (right-check-log-writer.ts): a
 * request costs no write of its own. A crash loses at most the last `usageFlushMs` of counts.
 */
class UsageBuffer {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;

  constructor(private readonly em: EntityManager) {}

  add(keyId: string, timeZone: string, now: Date): void {
    const day = localDateOf(now, timeZone);
    const id = `${keyId}|${day}`;
    const entry = this.pending.get(id);
    if (entry) {
      entry.requests += 1;
      if (now > entry.lastUsed) entry.lastUsed = now;
    } else {
      this.pending.set(id, { keyId, day, requests: 1, lastUsed: now });
    }
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), usageFlushMs);
      this.timer.unref();
    }
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing) await this.writing;
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.writing = this.write(batch).catch((error: unknown) => {
      // Kept for the next flush: a database away for a moment loses no counts.
      for (const entry of batch) this.merge(entry);
      logger.warn({ err: error }, 'partner key usage not written; kept for the next flush');
    });
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
  }

  private merge(entry: Pending): void {
    const id = `${entry.keyId}|${entry.day}`;
    const found = this.pending.get(id);
    if (!found) this.pending.set(id, { ...entry });
    else {
      found.requests += entry.requests;
      if (entry.lastUsed > found.lastUsed) found.lastUsed = entry.lastUsed;
    }
  }

  private async write(batch: readonly Pending[]): Promise<void> {
    const platform = this.em.getPlatform();
    const connection = this.em.getConnection();
    const rows = batch.map(() => '(?, ?, ?, ?)').join(', ');
    await connection.execute(
      `insert into partner_key_usage (id, partner_key_id, day, requests) values ${rows}
        on conflict (partner_key_id, day)
        do update set requests = partner_key_usage.requests + excluded.requests`,
      batch.flatMap((entry) => [randomUUID(), entry.keyId, entry.day, entry.requests]),
    );
    const lastUsed = new Map<string, Date>();
    for (const entry of batch) {
      const known = lastUsed.get(entry.keyId);
      if (!known || entry.lastUsed > known) lastUsed.set(entry.keyId, entry.lastUsed);
    }
    for (const [keyId, at] of lastUsed) {
      const stored = platform.processDateProperty(at);
      await connection.execute(
        `update partner_key set last_used_at = ?
          where id = ? and (last_used_at is null or last_used_at < ?)`,
        [stored, keyId, stored],
      );
    }
  }
}

// One buffer per database (tests open several in one process).
const buffers = new WeakMap<object, UsageBuffer>();

function bufferOf(em: EntityManager): UsageBuffer {
  const database = em.getDriver();
  let buffer = buffers.get(database);
  if (!buffer) buffers.set(database, (buffer = new UsageBuffer(em.fork())));
  return buffer;
}

/** Counts one request of a key, on the day of `now` in its town. */
export function countPartnerKeyRequest(
  em: EntityManager,
  keyId: string,
  timeZone: string,
  now: Date,
): void {
  bufferOf(em).add(keyId, timeZone, now);
}

/** Writes the counts waiting on this instance (before reading them, and at shutdown). */
export function flushPartnerKeyUsage(em: EntityManager): Promise<void> {
  return buffers.get(em.getDriver())?.flush() ?? Promise.resolve();
}
