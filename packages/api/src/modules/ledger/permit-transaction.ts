import type { EntityManager } from '@mikro-orm/core';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { isPostgres } from '../../db/dialect.js';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import { logger } from '../../logging/logger.js';
import { Ledger, type PotRef, type WrittenEntry } from './ledger.js';
import { runCommitHooks } from '../../db/commit-hooks.js';

/** The permit as its lock read it: what the ledger and the events after the commit need. */
export interface LockedPermit {
  readonly id: string;
  readonly balance: number;
  readonly balanceUnit: BalanceUnit | null;
  readonly zoneId: string;
  readonly municipalityId: string;
}

/**
 * Reads and locks a permit row until the transaction ends (`FOR UPDATE` on PostgreSQL; SQLite
 * runs one writing transaction at a time). A caller may read more along in the same statement.
 */
export type PermitLock<P extends LockedPermit> = (
  tx: EntityManager,
  permitId: string,
) => Promise<P | null>;

/** The default lock: the permit row and the unit of its product. */
export const lockPermitRow: PermitLock<LockedPermit> = async (tx, permitId) => {
  const [row] = await tx.getConnection().execute<Record<string, unknown>[]>(
    `select p.id, p.balance, p.zone_id, p.municipality_id, t.balance_unit
    from permit p join product_type t on t.id = p.product_type_id
    where p.id = ?${isPostgres(tx) ? ' for update of p' : ''}`,
    [permitId],
    'all',
    tx.getTransactionContext(),
  );
  if (!row) return null;
  return {
    id: row.id as string,
    balance: Number(row.balance),
    balanceUnit: (row.balance_unit as BalanceUnit | null) ?? null,
    zoneId: row.zone_id as string,
    municipalityId: row.municipality_id as string,
  };
};

/** A pot's balance as last written in the unit of work. */
export interface BalanceWritten {
  readonly delegationId: string | null;
  readonly balance: number;
}

/** What a committed unit of work did to one permit, in the order it happened. */
export interface PermitChanges<E> {
  readonly permit: LockedPermit;
  /** The caller's own events (sessions that changed, access that ended…), in order. */
  readonly events: readonly E[];
  /** Each pot that moved, once, with the balance the last row wrote. */
  readonly balances: readonly BalanceWritten[];
}

export interface CommittedWork<E> {
  readonly at: Date;
  readonly permits: readonly PermitChanges<E>[];
}

/** Told what a unit of work did, once, after its commit; never after a rollback. */
export type ChangeSink<E> = (work: CommittedWork<E>) => void;

/**
 * Writes, inside the transaction as its last step, what must leave the platform durably about
 * the work (the webhooks' outbox, docs/operations.md "Webhooks"): it commits with the change or
 * not at all. Set once per process by the server, as the ledger must not know who listens.
 */
export type ChangeOutbox = (tx: EntityManager, work: CommittedWork<unknown>) => Promise<void>;

let changeOutbox: ChangeOutbox | null = null;

export function setChangeOutbox(outbox: ChangeOutbox | null): void {
  changeOutbox = outbox;
}

/** One locked permit inside a unit of work: its ledger and the events to tell after the commit. */
export class PermitWork<E, P extends LockedPermit = LockedPermit> {
  readonly ledger: Ledger;
  private readonly events: E[] = [];
  private readonly balances = new Map<string | null, number>();

  constructor(
    readonly tx: EntityManager,
    readonly permit: P,
  ) {
    this.ledger = new Ledger(tx, permit.id, permit.balance, (entry) => this.written(entry));
  }

  emit(event: E): void {
    this.events.push(event);
  }

  /**
   * Tells the pot's balance after the commit even when nothing was written to it: a session
   * event's subscribers get the balance of the pot it pays from with it.
   */
  async mention(pot: PotRef): Promise<void> {
    const key = pot.kind === 'permit' ? null : pot.id;
    if (!this.balances.has(key)) this.balances.set(key, await this.ledger.balance(pot));
  }

  private written(entry: WrittenEntry): void {
    const key = entry.pot === 'permit' ? null : entry.delegationId;
    // Deleted first: a pot keeps the place of its latest write, as the rows have it.
    this.balances.delete(key);
    this.balances.set(key, entry.balanceAfter);
  }

  changes(): PermitChanges<E> {
    return {
      permit: this.permit,
      events: [...this.events],
      balances: [...this.balances].map(([delegationId, balance]) => ({ delegationId, balance })),
    };
  }
}

/**
 * A transaction that changes balances (docs/architecture.md, The unit of work): permits are
 * locked through it, each gets the one ledger writer, and what the work did is told to the sink
 * once the transaction committed.
 */
export class UnitOfWork<E> {
  private readonly permits = new Map<string, PermitWork<E, LockedPermit>>();

  constructor(readonly tx: EntityManager) {}

  /** Locks the permit (once per unit of work); null when there is no such permit. */
  async lockPermit<P extends LockedPermit = LockedPermit>(
    permitId: string,
    lock: PermitLock<P> = lockPermitRow as PermitLock<P>,
  ): Promise<PermitWork<E, P> | null> {
    const known = this.permits.get(permitId);
    if (known) return known as PermitWork<E, P>;
    const permit = isUuid(permitId) ? await lock(this.tx, permitId) : null;
    if (!permit) return null;
    const work = new PermitWork<E, P>(this.tx, permit);
    this.permits.set(permitId, work);
    return work;
  }

  committed(at: Date): CommittedWork<E> {
    const permits = [...this.permits.values()]
      .map((work) => work.changes())
      .filter((changes) => changes.events.length > 0 || changes.balances.length > 0);
    return { at, permits };
  }
}

export interface UnitOptions<E> {
  /** Told after the commit; a failing sink is logged, never the caller's failure. */
  readonly sink?: ChangeSink<E> | null;
  /** Start the transaction's identity map empty: nothing read before the lock is trusted. */
  readonly clear?: boolean;
}

/** Runs `work` in one transaction; its changes go to the sink after the commit. */
export async function withUnitOfWork<T, E>(
  em: EntityManager,
  at: Date,
  work: (unit: UnitOfWork<E>) => Promise<T>,
  options: UnitOptions<E> = {},
): Promise<T> {
  let unit: UnitOfWork<E> | undefined;
  const result = await em.transactional(
    async (tx) => {
      unit = new UnitOfWork<E>(tx);
      const result = await work(unit);
      const done = unit.committed(at);
      if (changeOutbox && done.permits.length > 0) await changeOutbox(tx, done);
      await runCommitHooks(tx);
      return result;
    },
    { clear: options.clear ?? false },
  );
  const committed = unit!.committed(at);
  if (options.sink && committed.permits.length > 0) {
    try {
      options.sink(committed);
    } catch (error) {
      logger.error({ err: error }, 'telling what a committed change did failed');
    }
  }
  return result;
}

/**
 * The unit of work of one permit: the transaction, the permit locked (NOT_FOUND when it is
 * not there), the work deciding and writing through `permit.ledger`, the events after commit.
 */
export function withPermitTransaction<T, E, P extends LockedPermit = LockedPermit>(
  em: EntityManager,
  permitId: string,
  at: Date,
  work: (permit: PermitWork<E, P>) => Promise<T>,
  options: UnitOptions<E> & { readonly lock?: PermitLock<P> } = {},
): Promise<T> {
  return withUnitOfWork<T, E>(
    em,
    at,
    async (unit) => {
      const permit = await unit.lockPermit<P>(permitId, options.lock);
      if (!permit) throw new AppError('NOT_FOUND');
      return work(permit);
    },
    options,
  );
}
