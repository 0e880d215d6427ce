import { randomUUID } from 'node:crypto';
import { wrap, type EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { Delegation } from '../../model/delegation.entity.js';
import type { LedgerKind, LedgerPot } from '../../model/ledger-entry.entity.js';
import { Permit } from '../../model/permit.entity.js';

/** Whose balance a row moves: the permit's own, or one of its delegations' pots. */
export type PotRef =
  { readonly kind: 'permit' } | { readonly kind: 'delegation'; readonly id: string };

export const permitPot: PotRef = { kind: 'permit' };
export const delegationPot = (id: string): PotRef => ({ kind: 'delegation', id });

/** One balance change, signed, in the product's unit. */
export interface Posting {
  readonly kind: LedgerKind;
  readonly amount: number;
  readonly sessionId?: string | null;
  readonly paymentId?: string | null;
  /** On a permit-pot row of a move to or from a delegation: which one. */
  readonly delegationId?: string | null;
  /**
   * The operation's own key (`payment:<id>`, `outage:<id>:<session>`, `revoke:<permit>`), on its
   * first row only: the unique index makes a second booking of it fail. Clients' keys are the
   * idempotency step's (modules/idempotency), never written here.
   */
  readonly idempotencyKey?: string | null;
  readonly createdById?: string | null;
  /** Money paid (positive) or paid back (negative) with the row, in cents (a permit's fee). */
  readonly moneyCents?: number | null;
  readonly at: Date;
}

/** A row as written, with the pot's balance after it. */
export interface WrittenEntry {
  readonly id: string;
  readonly permitId: string;
  readonly pot: LedgerPot;
  readonly delegationId: string | null;
  readonly sequence: number;
  readonly amount: number;
  readonly balanceAfter: number;
}

type Row = Record<string, unknown>;

/**
 * The one writer of balances (docs/architecture.md, The money path). Bound to one permit inside
 * the transaction that holds the permit's row lock (see `permit-transaction.ts`, the only place
 * that makes one): every pot change of the permit or its delegations happens here, so the rows'
 * `sequence` is the order the balances moved in and each pot's `balanceAfter` chains.
 *
 * Plain SQL, as the session hot path needs: two statements per row. The balance is set from the
 * one this writer read under the lock, guarded by that value: a change by anyone who did not
 * take the lock makes the write fail (CONCURRENT_CHANGE) instead of being overwritten. Entities
 * of the permit and its delegations that the transaction's identity map holds are kept equal to
 * what was written, so a later flush neither writes the balance again nor reads a stale one.
 */
export class Ledger {
  private permitBalance: number;
  private readonly delegationBalances = new Map<string, number>();

  constructor(
    private readonly tx: EntityManager,
    readonly permitId: string,
    balance: number,
    private readonly onWritten: (entry: WrittenEntry) => void,
  ) {
    this.permitBalance = balance;
  }

  /** A statement in the transaction; a failure comes as MikroORM's exception (unique key…). */
  private async run(sql: string, params: unknown[]): Promise<Row[]> {
    try {
      return await this.tx
        .getConnection()
        .execute<Row[]>(sql, params, 'all', this.tx.getTransactionContext());
    } catch (error) {
      throw error instanceof Error ? this.tx.getDriver().convertException(error) : error;
    }
  }

  /**
   * Tells the balance of a delegation's pot as read under the permit's lock, saving the writer
   * its own read (the session hot path has read it already).
   */
  know(delegationId: string, balance: number): void {
    if (!this.delegationBalances.has(delegationId))
      this.delegationBalances.set(delegationId, balance);
  }

  /** The pot's balance now, with what this transaction wrote. */
  async balance(pot: PotRef): Promise<number> {
    if (pot.kind === 'permit') return this.permitBalance;
    const known = this.delegationBalances.get(pot.id);
    if (known !== undefined) return known;
    const [row] = await this.run('select balance from delegation where id = ? and permit_id = ?', [
      pot.id,
      this.permitId,
    ]);
    if (!row) throw new Error(`delegation ${pot.id} is not one of permit ${this.permitId}`);
    const balance = Number(row.balance);
    this.delegationBalances.set(pot.id, balance);
    return balance;
  }

  async post(pot: PotRef, posting: Posting): Promise<WrittenEntry> {
    const before = await this.balance(pot);
    const after = before + posting.amount;
    const table = pot.kind === 'permit' ? 'permit' : 'delegation';
    const id = pot.kind === 'permit' ? this.permitId : pot.id;
    const saved = await this.run(
      `update ${table} set balance = ? where id = ? and balance = ? returning id`,
      [after, id, before],
    );
    if (saved.length !== 1) throw new AppError('CONCURRENT_CHANGE');
    const entryId = randomUUID();
    const delegationId = pot.kind === 'delegation' ? pot.id : (posting.delegationId ?? null);
    // The next number of the permit: the lock makes this read and the insert one step.
    const [written] = await this.run(
      `insert into ledger_entry (id, permit_id, sequence, kind, pot, delegation_id, amount,
        balance_after, session_id, payment_id, idempotency_key, created_by_id, created_at,
        money_cents)
      values (?, ?, (select coalesce(max(l.sequence), 0) + 1 from ledger_entry l
        where l.permit_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning sequence`,
      [
        entryId,
        this.permitId,
        this.permitId,
        posting.kind,
        pot.kind,
        delegationId,
        posting.amount,
        after,
        posting.sessionId ?? null,
        posting.paymentId ?? null,
        posting.idempotencyKey ?? null,
        posting.createdById ?? null,
        this.tx.getPlatform().processDateProperty(posting.at),
        posting.moneyCents ?? null,
      ],
    );
    if (pot.kind === 'permit') this.permitBalance = after;
    else this.delegationBalances.set(pot.id, after);
    this.keepManagedEqual(pot.kind === 'permit' ? Permit : Delegation, id, after);
    const entry: WrittenEntry = {
      id: entryId,
      permitId: this.permitId,
      pot: pot.kind,
      delegationId,
      sequence: Number(written!.sequence),
      amount: posting.amount,
      balanceAfter: after,
    };
    this.onWritten(entry);
    return entry;
  }

  /**
   * Moves `amount` of the permit's balance into a delegation's pot (docs/rules.md §6): one row
   * in each pot; the permit's row carries the idempotency key. Returns the permit's row.
   */
  async delegationGrant(
    delegationId: string,
    amount: number,
    meta: Pick<Posting, 'idempotencyKey' | 'createdById' | 'at'>,
  ): Promise<WrittenEntry> {
    const posting = {
      kind: 'delegationGrant' as const,
      createdById: meta.createdById,
      at: meta.at,
    };
    const entry = await this.post(permitPot, {
      ...posting,
      amount: -amount,
      delegationId,
      idempotencyKey: meta.idempotencyKey,
    });
    await this.post(delegationPot(delegationId), { ...posting, amount });
    return entry;
  }

  /** Returns what is left of a delegation's pot to the permit: one row in each pot, if any. */
  async delegationReturn(
    delegationId: string,
    meta: Pick<Posting, 'createdById' | 'at'>,
  ): Promise<number> {
    const pot = delegationPot(delegationId);
    const rest = await this.balance(pot);
    if (rest === 0) return 0;
    const posting = {
      kind: 'delegationReturn' as const,
      createdById: meta.createdById,
      at: meta.at,
    };
    await this.post(pot, { ...posting, amount: -rest });
    await this.post(permitPot, { ...posting, amount: rest, delegationId });
    return rest;
  }

  /** An entity of the row in the identity map takes the written balance as its loaded state. */
  private keepManagedEqual(entity: typeof Permit | typeof Delegation, id: string, balance: number) {
    const managed = this.tx.getUnitOfWork().getById<Permit | Delegation>(entity.name, id);
    if (!managed || !wrap(managed, true).isInitialized()) return;
    managed.balance = balance;
    const loaded = wrap(managed, true).__originalEntityData as { balance?: number } | undefined;
    if (loaded) loaded.balance = balance;
  }
}
