import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { settleAtEnd } from '@parkeer/domain/billing/settlement';
import { parsePlate, type Plate } from '@parkeer/domain/plate/plate';
import {
  decideChangeEnd,
  decideStart,
  type AcceptedSession,
  type SessionContext,
  type SessionDecision,
} from '@parkeer/domain/session-policy/session-decision';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { isUuid } from '../../db/uuid.js';
import type { SessionEventKind } from '../../graphql/pubsub.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { checkPermitNeed, type PermitNeed } from '../permit/permit-access.js';
import { rulesFromSettings, type ProductRules } from '../product/product-rules.js';
import type { Channel } from '../../model/parking-session.entity.js';
import { delegationPot, permitPot, type PotRef } from '../ledger/ledger.js';
import {
  withPermitTransaction,
  type ChangeSink,
  type PermitWork,
} from '../ledger/permit-transaction.js';
import { tellSession, type PermitEvent } from './permit-events.js';
import { settleSession } from './session-settlement.js';
import {
  SessionStore,
  type StoredDelegation,
  type StoredPermit,
  type StoredSession,
} from './session-store.js';

export interface SessionRequestCommand {
  readonly permitId: string;
  readonly plate: string;
  readonly country?: string | null;
  readonly start?: Date | null;
  readonly end?: Date | null;
}

export interface StartSessionCommand extends SessionRequestCommand {
  readonly channel: Channel;
  /**
   * Open sessions this one takes over from: stopped (or, when planned, taken back) in the same
   * transaction before the new one is decided, so a switch is all or nothing (the flexible
   * business permit's one plate at a time, docs/rules.md §5).
   */
  readonly replacing?: readonly string[];
}

export type SessionOutcome = { readonly unit: BalanceUnit } & (
  | {
      readonly ok: true;
      readonly session: StoredSession;
      readonly decision: AcceptedSession | null;
    }
  | { readonly ok: false; readonly decision: Exclude<SessionDecision, AcceptedSession> }
);

export interface Quote {
  readonly decision: SessionDecision;
  readonly unit: BalanceUnit;
}

export interface SettledSession {
  readonly session: StoredSession;
  readonly unit: BalanceUnit;
}

/** What a decision is taken on: the permit, its rules, its open sessions and the viewer's pot. */
interface Ground {
  /** The locked permit's unit of work: its ledger, and the events told after the commit. */
  readonly work: PermitWork<PermitEvent, StoredPermit>;
  readonly store: SessionStore;
  readonly permit: StoredPermit;
  readonly rules: ProductRules;
  readonly unit: BalanceUnit;
  /** Planned and running sessions after the due ones were settled. */
  readonly open: StoredSession[];
  /** Set when the viewer acts as a delegate. */
  readonly delegation: StoredDelegation | null;
  /** 'byCaller': the work set the permit's settlement job itself. */
  scheduled: 'earliest' | 'byCaller';
}

/** Thrown inside the transaction to roll back a switch whose new session was refused. */
class RefusedSwitch extends Error {
  constructor(readonly outcome: SessionOutcome & { ok: false }) {
    super('refused switch');
  }
}

/** The pot a session pays from: its delegation's, or the permit's own. */
const potOf = (session: StoredSession): PotRef =>
  session.delegationId ? delegationPot(session.delegationId) : permitPot;

function plateOf(input: string, country?: string | null): Plate {
  const parsed = parsePlate(input, country ?? undefined);
  if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
  return parsed.plate;
}

function rulesOf(permit: StoredPermit, tariffs: ProductRules['billing']['tariffs']) {
  const rules = rulesFromSettings(permit, tariffs);
  return { rules, unit: rules.billing.unit };
}

/**
 * Starting, changing, stopping and deleting visitor sessions (docs/rules.md §5). The domain decides; the
 * session, its reservation and its ledger row are written in one transaction on the locked
 * permit, so concurrent starts can never spend the same balance twice. Sessions past their end
 * are settled first, whichever request comes by.
 */
export class SessionService {
  /**
   * `'system'`: scheduled work, which settles what is due on any permit and nothing else.
   * `sink` is told, after each commit, what the transaction did: the sessions settled on the
   * way (whichever request came by first, subscribers learn of it), the call's own change, and
   * the balances as written.
   */
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | 'system',
    private readonly now: Date,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  /** The account that acts; none for the system or a registration number + PIN login. */
  private get actorId(): string | null {
    return this.viewer === 'system' || this.viewer.permitOnly !== null
      ? null
      : this.viewer.accountId;
  }

  /**
   * Settles the permit's sessions that reached their end and starts the planned ones whose
   * moment came (scheduled work); returns when the permit needs this again, or null.
   */
  async settleDue(permitId: string): Promise<{ next: Date | null }> {
    if (this.viewer !== 'system') throw new AppError('FORBIDDEN');
    return this.inTransaction(permitId, 'read', async (ground) => {
      ground.scheduled = 'byCaller';
      const next = await ground.store.nextDueMoment(ground.permit.id);
      await ground.store.setSettlement(ground.permit.id, next, this.now);
      return { next };
    });
  }

  /** The decision and cost of a session as it would be started now; nothing is saved. */
  async quote(command: SessionRequestCommand): Promise<Quote> {
    const plate = plateOf(command.plate, command.country);
    const store = new SessionStore(this.em);
    const found = isUuid(command.permitId) ? await store.permit(command.permitId, false) : null;
    const delegation = await this.access(store, found, 'use');
    const permit = found!;
    const { rules, unit } = rulesOf(permit, await store.tariffs(permit));
    const sessions = await store.openSessions(permit.id);
    const open = sessions.filter((s) => s.end > this.now && !s.stoppedAt);
    // Sessions past their end hold a reservation until settled: count what their settlement
    // will release into the pot this quote spends from.
    const released = sessions
      .filter((s) => s.end <= this.now && s.delegationId === (delegation?.id ?? null))
      .reduce((sum, s) => sum + settleAtEnd(s, rules).release, 0);
    const balance = (delegation ? delegation.balance : permit.balance) + released;
    const decision = decideStart(
      { plate: plate.normalised, start: command.start ?? undefined, end: command.end ?? undefined },
      this.context(rules, balance, open, null, delegation),
    );
    return { decision, unit };
  }

  async start(command: StartSessionCommand): Promise<SessionOutcome> {
    try {
      return await this.startInTransaction(command);
    } catch (error) {
      if (error instanceof RefusedSwitch) return error.outcome;
      throw error;
    }
  }

  private startInTransaction(command: StartSessionCommand): Promise<SessionOutcome> {
    const plate = plateOf(command.plate, command.country);
    return this.inTransaction(command.permitId, 'use', async (ground) => {
      const pot = ground.delegation ? delegationPot(ground.delegation.id) : permitPot;
      for (const id of command.replacing ?? []) {
        const replaced = ground.open.find((s) => s.id === id);
        // Ended meanwhile (settled above): nothing left to stop.
        if (!replaced) continue;
        this.checkOwnSession(ground, replaced);
        const ending = await settleSession(
          ground.work,
          replaced,
          ground.rules,
          this.now,
          this.actorId,
        );
        await this.tell(ground, ending === 'deleted' ? 'deleted' : 'stopped', replaced);
        ground.open.splice(ground.open.indexOf(replaced), 1);
      }
      const decision = decideStart(
        {
          plate: plate.normalised,
          start: command.start ?? undefined,
          end: command.end ?? undefined,
        },
        this.context(
          ground.rules,
          await ground.work.ledger.balance(pot),
          ground.open,
          null,
          ground.delegation,
        ),
      );
      if (!decision.ok) {
        const outcome = { ok: false, decision, unit: ground.unit } as const;
        // A refused switch leaves the current session running: roll back its stop.
        if (command.replacing?.length) throw new RefusedSwitch(outcome);
        return outcome;
      }
      const session: StoredSession = {
        id: randomUUID(),
        permitId: ground.permit.id,
        delegationId: ground.delegation?.id ?? null,
        plate: plate.normalised,
        country: plate.country,
        start: decision.start,
        end: decision.end,
        stoppedAt: null,
        reservation: decision.reservation,
        charge: null,
        status: decision.planned ? 'planned' : 'running',
        channel: command.channel,
        startedById: this.actorId,
        startedByAppId: this.viewer === 'system' ? null : (this.viewer.app?.id ?? null),
      };
      await ground.store.insertSession(session, this.now);
      await this.post(ground, pot, 'reserve', -decision.reservation, session);
      await this.tell(ground, 'started', session);
      return { ok: true, session, decision, unit: ground.unit };
    });
  }

  /** A new end for a running or planned session; the reservation follows the new cost. */
  async changeEnd(sessionId: string, end: Date): Promise<SessionOutcome> {
    const permitId = await this.permitOfSession(sessionId);
    return this.inTransaction(permitId, 'use', async (ground) => {
      const current = ground.open.find((s) => s.id === sessionId);
      if (!current) {
        await this.sessionOfViewer(ground, sessionId);
        return {
          ok: false,
          decision: { ok: false, reason: 'SESSION_ALREADY_ENDED', proposal: null },
          unit: ground.unit,
        };
      }
      this.checkOwnSession(ground, current);
      // The session keeps paying from the pot it started on, whoever changes it.
      const pot = potOf(current);
      const delegation =
        current.delegationId === null
          ? null
          : current.delegationId === ground.delegation?.id
            ? ground.delegation
            : await ground.store.delegation({ id: current.delegationId });
      const decision = decideChangeEnd(
        current,
        end,
        this.context(
          ground.rules,
          await ground.work.ledger.balance(pot),
          ground.open,
          current,
          delegation,
        ),
      );
      if (!decision.ok) return { ok: false, decision, unit: ground.unit };
      const difference = decision.reservation - current.reservation;
      current.end = decision.end;
      current.reservation = decision.reservation;
      await ground.store.updateSession(current);
      const kind = difference > 0 ? 'reserve' : 'release';
      await this.post(ground, pot, kind, -difference, current);
      await this.tell(ground, 'changed', current);
      return { ok: true, session: current, decision, unit: ground.unit };
    });
  }

  /** Stops a running session now: the paid minutes so far are charged, the rest released. */
  async stop(sessionId: string): Promise<SettledSession> {
    const permitId = await this.permitOfSession(sessionId);
    // A blocked product may still be stopped: that only ends spending.
    return this.inTransaction(permitId, 'read', async (ground) => {
      const session = ground.open.find((s) => s.id === sessionId);
      // Already ended (stopped, reached its end, settled just now): stopping again changes nothing.
      if (!session) {
        const stored = await this.sessionOfViewer(ground, sessionId);
        // Told again, as before: a client that missed the first stop catches up.
        await this.tell(ground, 'stopped', stored);
        return { session: stored, unit: ground.unit };
      }
      this.checkOwnSession(ground, session);
      if (session.start > this.now) throw new AppError('SESSION_NOT_RUNNING');
      await settleSession(ground.work, session, ground.rules, this.now, this.actorId);
      await this.tell(ground, 'stopped', session);
      return { session, unit: ground.unit };
    });
  }

  /** Takes back a planned session before it starts; its whole reservation returns. */
  async delete(sessionId: string): Promise<SettledSession> {
    const permitId = await this.permitOfSession(sessionId);
    return this.inTransaction(permitId, 'read', async (ground) => {
      const session = ground.open.find((s) => s.id === sessionId);
      if (!session) {
        const stored = await this.sessionOfViewer(ground, sessionId);
        if (stored.status === 'deleted') {
          await this.tell(ground, 'deleted', stored);
          return { session: stored, unit: ground.unit };
        }
        throw new AppError('SESSION_ALREADY_STARTED');
      }
      this.checkOwnSession(ground, session);
      if (session.start <= this.now) throw new AppError('SESSION_ALREADY_STARTED');
      await settleSession(ground.work, session, ground.rules, this.now, this.actorId);
      await this.tell(ground, 'deleted', session);
      return { session, unit: ground.unit };
    });
  }

  /**
   * Runs `work` in a transaction on the locked permit after the access check (`need`) and the
   * settlement of due sessions; the balances that moved are saved before the commit.
   */
  private inTransaction<T>(
    permitId: string,
    need: PermitNeed,
    work: (ground: Ground) => Promise<T>,
  ): Promise<T> {
    if (!isUuid(permitId)) throw new AppError('NOT_FOUND');
    return withPermitTransaction<T, PermitEvent, StoredPermit>(
      this.em,
      permitId,
      this.now,
      async (locked) => {
        const { tx, permit } = locked;
        const store = new SessionStore(tx);
        const delegation = await this.access(store, permit, need);
        if (delegation) locked.ledger.know(delegation.id, delegation.balance);
        const { rules, unit } = rulesOf(permit, await store.tariffs(permit));
        const ground: Ground = {
          work: locked,
          store,
          permit,
          rules,
          unit,
          open: [],
          delegation,
          scheduled: 'earliest',
        };
        for (const session of await store.openSessions(permit.id)) {
          if (session.end <= this.now) {
            await settleSession(locked, session, rules, this.now, this.actorId);
            await this.tell(ground, 'autoStopped', session);
          } else {
            if (session.status === 'planned' && session.start <= this.now) {
              session.status = 'running';
              await store.updateSession(session);
              await this.tell(ground, 'activated', session);
            }
            ground.open.push(session);
          }
        }
        const result = await work(ground);
        // The permit's next due moment, for the scheduled settlement (same transaction).
        if (ground.scheduled === 'earliest') {
          const next = await store.nextDueMoment(permit.id);
          if (next) await store.scheduleSettlement(permit.id, next);
        }
        return result;
      },
      {
        // The permit's settings ride along on the locking statement.
        lock: (tx, id) => new SessionStore(tx).permit(id, true),
        sink: this.sink,
        clear: true,
      },
    );
  }

  /**
   * The viewer's way to the permit: null when it holds it (or is the system), its accepted
   * delegation when it uses it as a delegate. An unknown id and someone else's permit answer
   * alike (NOT_FOUND), as `permitForViewer`.
   */
  private async access(
    store: SessionStore,
    permit: StoredPermit | null,
    need: PermitNeed,
  ): Promise<StoredDelegation | null> {
    if (!permit) throw new AppError('NOT_FOUND');
    const viewer = this.viewer;
    // A registration number + PIN login holds its one permit only (docs/rules.md §6).
    if (viewer !== 'system' && viewer.permitOnly !== null && permit.id !== viewer.permitOnly) {
      throw new AppError('NOT_FOUND');
    }
    const holds =
      viewer === 'system' ||
      viewer.permitOnly === permit.id ||
      permit.holderId === viewer.holderAccountId;
    const delegation =
      viewer === 'system' || holds
        ? null
        : await store.delegation({ permitId: permit.id, delegateId: viewer.holderAccountId });
    if (!holds && !delegation) {
      // A former delegate is told why, as `permitForViewer` does.
      const revoked = await store.hadRevokedDelegation(permit.id, viewer.holderAccountId);
      throw new AppError(revoked ? 'DELEGATION_REVOKED' : 'NOT_FOUND');
    }
    checkPermitNeed(permit.status, delegation !== null, need);
    return delegation;
  }

  /** A session's permit, read before the transaction locks that permit. */
  private async permitOfSession(sessionId: string): Promise<string> {
    const session = isUuid(sessionId) ? await new SessionStore(this.em).session(sessionId) : null;
    if (!session) throw new AppError('NOT_FOUND');
    return session.permitId;
  }

  /** A session of the locked permit the viewer may see: the owner all, a delegate its own. */
  private async sessionOfViewer(ground: Ground, sessionId: string): Promise<StoredSession> {
    const session = await ground.store.session(sessionId);
    if (!session) throw new AppError('NOT_FOUND');
    this.checkOwnSession(ground, session);
    return session;
  }

  private checkOwnSession(ground: Ground, session: StoredSession): void {
    if (ground.delegation && session.delegationId !== ground.delegation.id) {
      throw new AppError('NOT_FOUND');
    }
  }

  /** A session event after the commit, with the balance of the pot the session pays from. */
  private tell(ground: Ground, kind: SessionEventKind, session: StoredSession) {
    return tellSession(ground.work, { kind, session, unit: ground.unit });
  }

  private async post(
    ground: Ground,
    pot: PotRef,
    kind: 'reserve' | 'release',
    amount: number,
    session: StoredSession,
  ): Promise<void> {
    await ground.work.ledger.post(pot, {
      kind,
      amount,
      sessionId: session.id,
      createdById: this.actorId,
      at: this.now,
    });
  }

  private context(
    rules: ProductRules,
    balance: number,
    open: readonly StoredSession[],
    without: StoredSession | null,
    delegation: StoredDelegation | null,
  ): SessionContext {
    return {
      ...rules,
      now: this.now,
      balance,
      sessions: open
        .filter((s) => s !== without)
        .map((s) => ({ plate: s.plate, start: s.start, end: s.end })),
      allowedPlates: delegation?.plate ? [delegation.plate] : null,
    };
  }
}
