import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { sqlDate } from '../../db/sql-date.js';
import type { ClaimStatus } from '../../model/idempotency-claim.entity.js';

/** Whose key, for which mutation: the claim's unique key. */
export interface ClaimKey {
  readonly accountId: string;
  readonly operation: string;
  readonly key: string;
}

export interface StoredClaim {
  readonly id: string;
  readonly fingerprint: string;
  readonly status: ClaimStatus;
  readonly answer: string | null;
  readonly leaseUntil: Date | null;
  readonly workedAt: Date | null;
  readonly createdAt: Date;
}

type Row = Record<string, unknown>;

const dateOf = (value: unknown): Date =>
  value instanceof Date ? value : new Date(typeof value === 'string' ? value : Number(value));

/**
 * The idempotency_claim table in plain SQL. Every statement commits on its own, outside any
 * transaction of the work: a claim must be visible to a concurrent retry at once, and it stays
 * when the work's transaction rolls back.
 */
export class ClaimStore {
  constructor(private readonly em: EntityManager) {}

  private run(sql: string, params: unknown[]): Promise<Row[]> {
    return this.em.getConnection().execute<Row[]>(sql, params, 'all');
  }

  private stored(value: Date): unknown {
    return sqlDate(this.em, value);
  }

  /** Inserts a pending claim; its id when this call got the key, null when another has it. */
  async claim(
    at: ClaimKey,
    fingerprint: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<string | null> {
    const id = randomUUID();
    const rows = await this.run(
      `insert into idempotency_claim
        (id, account_id, operation, key, fingerprint, status, answer, lease_until, created_at)
      values (?, ?, ?, ?, ?, 'pending', null, ?, ?)
      on conflict (account_id, operation, key) do nothing returning id`,
      [
        id,
        at.accountId,
        at.operation,
        at.key,
        fingerprint,
        this.stored(leaseUntil),
        this.stored(now),
      ],
    );
    return rows.length === 1 ? id : null;
  }

  async find(at: ClaimKey): Promise<StoredClaim | null> {
    const [row] = await this.run(
      `select id, fingerprint, status, answer, lease_until, worked_at, created_at from idempotency_claim
      where account_id = ? and operation = ? and key = ?`,
      [at.accountId, at.operation, at.key],
    );
    if (!row) return null;
    return {
      id: row.id as string,
      fingerprint: row.fingerprint as string,
      status: row.status as ClaimStatus,
      answer: (row.answer as string | null) ?? null,
      leaseUntil: row.lease_until == null ? null : dateOf(row.lease_until),
      workedAt: row.worked_at == null ? null : dateOf(row.worked_at),
      createdAt: dateOf(row.created_at),
    };
  }

  /** Stores the answer of the claim's call; false when the claim was taken over meanwhile. */
  async finish(claimId: string, answer: string): Promise<boolean> {
    const rows = await this.run(
      `update idempotency_claim set status = 'done', answer = ?, lease_until = null
      where id = ? and status = 'pending' returning id`,
      [answer, claimId],
    );
    return rows.length === 1;
  }

  /** Marks the claim worked inside the work's transaction `tx`: it commits with the work. */
  async markWorked(tx: EntityManager, claimId: string, now: Date): Promise<void> {
    await tx
      .getConnection()
      .execute(
        'update idempotency_claim set worked_at = ? where id = ?',
        [sqlDate(tx, now), claimId],
        'run',
        tx.getTransactionContext(),
      );
  }

  /**
   * Gives a pending claim up, so that a retry does the work itself; not when the work committed
   * before it failed (marked worked): a retry must not do it twice.
   */
  async release(claimId: string): Promise<void> {
    await this.run(
      `delete from idempotency_claim where id = ? and status = 'pending' and worked_at is null`,
      [claimId],
    );
  }

  /** Removes a pending claim whose lease ran out (its call died); true when this call did. */
  async expire(claimId: string, now: Date): Promise<boolean> {
    const rows = await this.run(
      `delete from idempotency_claim
      where id = ? and status = 'pending' and lease_until <= ? returning id`,
      [claimId, this.stored(now)],
    );
    return rows.length === 1;
  }
}
