import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Settlement } from '@parkeer/domain/billing/settlement';
import { settleAtEnd, settleDelete, settleStop } from '@parkeer/domain/billing/settlement';
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
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../auth/viewer.js';
import { checkPermitNeed, type PermitNeed } from '../permit/permit-access.js';
import { rulesFromSettings, type ProductRules } from '../product/product-rules.js';
import type { Channel } from '../../model/parking-session.entity.js';
import {
  SessionStore,
  type Pot,
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
  readonly store: SessionStore;
  readonly permit: StoredPermit;
  readonly rules: ProductRules;
  readonly unit: BalanceUnit;
  /** Planned and running sessions after the due ones were settled. */
  readonly open: StoredSession[];
  /** Set when the viewer acts as a delegate. */
  readonly delegation: StoredDelegation | null;
  /** Every pot a ledger row moved, saved once at the end. */
  readonly pots: Pots;
  /** 'byCaller': the work set the permit's settlement job itself. */
  scheduled: 'earliest' | 'byCaller';
  /** What the due settlement did on the way, for live updates. */
  readonly dueEvents: DueEvent[];
}

/** A session ended at its end, or started at its planned start, when its permit came by. */
export interface DueEvent {
  readonly kind: 'autoStopped' | 'activated';
  readonly session: StoredSession;
}

/** A due event once its transaction committed, with the unit of its product. */
export interface SettledDueEvent extends DueEvent {
  readonly unit: BalanceUnit;
}

/** One Pot object per balance, so each is saved once whatever the number of rows it got. */
class Pots {
  private readonly delegations = new Map<string, Pot>();
  readonly touched = new Set<Pot>();
  readonly permitPot: Pot;

  constructor(
    private readonly store: SessionStore,
    permit: StoredPermit,
  ) {
    this.permitPot = { kind: 'permit', row: permit };
  }

  of(delegation: StoredDelegation): Pot {
    let pot = this.delegations.get(delegation.id);
    if (!pot) this.delegations.set(delegation.id, (pot = { kind: 'delegation', row: delegation }));
    return pot;
  }

  /** The pot a session pays from: its delegation's, or the permit's own. */
  async ofSession(session: StoredSession): Promise<Pot> {
    if (!session.delegationId) return this.permitPot;
    const known = this.delegations.get(session.delegationId);
    if (known) return known;
    const delegation = await this.store.delegation({ id: session.delegationId });
    if (!delegation) throw new AppError('NOT_FOUND');
    return this.of(delegation);
  }
}

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
   * What the settlement of due sessions did inside this service's committed transactions, in
   * order: whichever request came by first, subscribers learn of it.
   */
  readonly settledOnTheWay: SettledDueEvent[] = [];

  /** `'system'`: scheduled work, which settles what is due on any permit and nothing else. */
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | 'system',
    private readonly now: Date,
  ) {}

  private get actorId(): string | null {
    return this.viewer === 'system' ? null : this.viewer.accountId;
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
    const { permit, delegation } = await this.access(store, command.permitId, 'use', false);
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
    const plate = plateOf(command.plate, command.country);
    return this.inTransaction(command.permitId, 'use', async (ground) => {
      const pot = ground.delegation ? ground.pots.of(ground.delegation) : ground.pots.permitPot;
      const decision = decideStart(
        {
          plate: plate.normalised,
          start: command.start ?? undefined,
          end: command.end ?? undefined,
        },
        this.context(ground.rules, pot.row.balance, ground.open, null, ground.delegation),
      );
      if (!decision.ok) return { ok: false, decision, unit: ground.unit };
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
      };
      await ground.store.insertSession(session, this.now);
      await this.post(ground, pot, 'reserve', -decision.reservation, session);
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
      const pot = await ground.pots.ofSession(current);
      const delegation = pot.kind === 'delegation' ? pot.row : null;
      const decision = decideChangeEnd(
        current,
        end,
        this.context(ground.rules, pot.row.balance, ground.open, current, delegation),
      );
      if (!decision.ok) return { ok: false, decision, unit: ground.unit };
      const difference = decision.reservation - current.reservation;
      current.end = decision.end;
      current.reservation = decision.reservation;
      await ground.store.updateSession(current);
      const kind = difference > 0 ? 'reserve' : 'release';
      await this.post(ground, pot, kind, -difference, current);
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
      if (!session)
        return { session: await this.sessionOfViewer(ground, sessionId), unit: ground.unit };
      this.checkOwnSession(ground, session);
      if (session.start > this.now) throw new AppError('SESSION_NOT_RUNNING');
      await this.settle(ground, session, settleStop(session, this.now, ground.rules), {
        status: 'ended',
        stoppedAt: this.now,
      });
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
        if (stored.status === 'deleted') return { session: stored, unit: ground.unit };
        throw new AppError('SESSION_ALREADY_STARTED');
      }
      this.checkOwnSession(ground, session);
      if (session.start <= this.now) throw new AppError('SESSION_ALREADY_STARTED');
      await this.settle(ground, session, settleDelete(session), {
        status: 'deleted',
        stoppedAt: null,
      });
      return { session, unit: ground.unit };
    });
  }

  /**
   * Runs `work` in a transaction on the locked permit after the access check (`need`) and the
   * settlement of due sessions; the balances that moved are saved before the commit.
   */
  private async inTransaction<T>(
    permitId: string,
    need: PermitNeed,
    work: (ground: Ground) => Promise<T>,
  ): Promise<T> {
    let committed: Ground | undefined;
    const result = await this.em.transactional(
      async (tx) => {
        const store = new SessionStore(tx);
        const { permit, delegation } = await this.access(store, permitId, need, true);
        const { rules, unit } = rulesOf(permit, await store.tariffs(permit));
        const pots = new Pots(store, permit);
        if (delegation) pots.of(delegation);
        const ground: Ground = {
          store,
          permit,
          rules,
          unit,
          open: [],
          delegation,
          pots,
          scheduled: 'earliest',
          dueEvents: [],
        };
        for (const session of await store.openSessions(permit.id)) {
          if (session.end <= this.now) {
            await this.settle(ground, session, settleAtEnd(session, rules), {
              status: 'ended',
              stoppedAt: null,
            });
            ground.dueEvents.push({ kind: 'autoStopped', session });
          } else {
            if (session.status === 'planned' && session.start <= this.now) {
              session.status = 'running';
              await store.updateSession(session);
              ground.dueEvents.push({ kind: 'activated', session });
            }
            ground.open.push(session);
          }
        }
        const result = await work(ground);
        await store.saveBalances([...pots.touched]);
        // The permit's next due moment, for the scheduled settlement (same transaction).
        if (ground.scheduled === 'earliest') {
          const next = await store.nextDueMoment(permit.id);
          if (next) await store.scheduleSettlement(permit.id, next);
        }
        committed = ground;
        return result;
      },
      { clear: true },
    );
    for (const event of committed?.dueEvents ?? []) {
      this.settledOnTheWay.push({ ...event, unit: committed!.unit });
    }
    return result;
  }

  /**
   * The permit, if the viewer holds it or uses it through an accepted delegation (the same
   * rules as `permitForViewer`): an unknown id and someone else's permit answer alike.
   */
  private async access(store: SessionStore, permitId: string, need: PermitNeed, lock: boolean) {
    const permit = isUuid(permitId) ? await store.permit(permitId, lock) : null;
    if (!permit) throw new AppError('NOT_FOUND');
    const delegation =
      this.viewer === 'system' || permit.holderId === this.viewer.accountId
        ? null
        : await store.delegation({ permitId: permit.id, delegateId: this.viewer.accountId });
    const holds = this.viewer === 'system' || permit.holderId === this.viewer.accountId;
    if (!holds && !delegation) throw new AppError('NOT_FOUND');
    checkPermitNeed(permit.status, delegation !== null, need);
    return { permit, delegation };
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

  /** Books a settlement: the charge stays taken, the release returns to the session's pot. */
  private async settle(
    ground: Ground,
    session: StoredSession,
    settlement: Settlement,
    change: { status: 'ended' | 'deleted'; stoppedAt: Date | null },
  ): Promise<void> {
    session.status = change.status;
    session.stoppedAt = change.stoppedAt;
    session.charge = settlement.charge;
    await ground.store.updateSession(session);
    if (settlement.release === 0) return;
    const pot = await ground.pots.ofSession(session);
    await this.post(ground, pot, 'release', settlement.release, session);
  }

  private async post(
    ground: Ground,
    pot: Pot,
    kind: 'reserve' | 'release',
    amount: number,
    session: StoredSession,
  ): Promise<void> {
    ground.pots.touched.add(pot);
    await ground.store.post(pot, ground.permit.id, {
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
