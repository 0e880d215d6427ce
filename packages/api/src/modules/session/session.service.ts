import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import {
  decideChangeEnd,
  decideStart,
  type AcceptedSession,
  type SessionDecision,
} from '@parkeer/domain/session-policy/session-decision';
import { settleAtEnd, settleDelete, settleStop } from '@parkeer/domain/billing/settlement';
import { parsePlate, type Plate } from '@parkeer/domain/plate/plate';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../account/account.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { Delegation } from '../delegation/delegation.entity.js';
import {
  findByIdempotencyKey,
  lockPermit,
  postToDelegation,
  postToPermit,
} from '../ledger/balance-book.js';
import { permitForViewer, type PermitNeed, type PermitUse } from '../permit/permit-access.js';
import type { Permit } from '../permit/permit.entity.js';
import { loadProductRules, type ProductRules } from '../product/product-rules.js';
import { ParkingSession, type Channel } from './parking-session.entity.js';
import { bookSettlement, settleDueSessions } from './session-settlement.js';

export interface SessionRequestCommand {
  readonly permitId: string;
  readonly plate: string;
  readonly country?: string | null;
  readonly start?: Date | null;
  readonly end?: Date | null;
}

export interface StartSessionCommand extends SessionRequestCommand {
  readonly idempotencyKey: string;
  readonly channel: Channel;
}

export type SessionOutcome = { readonly unit: BalanceUnit } & (
  | {
      readonly ok: true;
      readonly session: ParkingSession;
      readonly decision: AcceptedSession | null;
    }
  | { readonly ok: false; readonly decision: Exclude<SessionDecision, AcceptedSession> }
);

export interface Quote {
  readonly decision: SessionDecision;
  readonly unit: BalanceUnit;
}

/** What a decision is taken on: the locked permit, its rules, its open sessions and the pot. */
interface DecisionGround {
  readonly permit: Permit;
  readonly rules: ProductRules;
  readonly open: ParkingSession[];
  readonly delegation: Delegation | null;
}

function plateOf(input: string, country?: string | null): Plate {
  const parsed = parsePlate(input, country ?? undefined);
  if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
  return parsed.plate;
}

/**
 * Starting, changing, stopping and deleting visitor sessions (RULES §5): the domain decides, and
 * the session, its reservation and the ledger row are written in one transaction on the locked
 * permit, so concurrent starts can never spend the same balance twice.
 */
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: Date,
  ) {}

  /** The decision and cost of a session as it would be started now; nothing is saved. */
  async quote(command: SessionRequestCommand): Promise<Quote> {
    const use = await permitForViewer(this.em, this.viewer, command.permitId, 'use');
    const plate = plateOf(command.plate, command.country);
    const rules = await loadProductRules(this.em, use.permit);
    const sessions = await this.em.find(ParkingSession, {
      permit: use.permit.id,
      status: { $in: ['planned', 'running'] },
    });
    const open = sessions.filter((s) => s.end > this.now && !s.stoppedAt);
    // Sessions past their end hold a reservation until they are settled: count what that
    // settlement will release back into the pot this quote spends from.
    const released = sessions
      .filter(
        (s) => s.end <= this.now && (s.delegation?.id ?? null) === (use.delegation?.id ?? null),
      )
      .reduce((sum, s) => sum + settleAtEnd(s, rules).release, 0);
    const balance = (use.delegation ? use.delegation.balance : use.permit.balance) + released;
    const decision = decideStart(
      { plate: plate.normalised, start: command.start ?? undefined, end: command.end ?? undefined },
      {
        ...rules,
        now: this.now,
        balance,
        sessions: open.map((s) => ({ plate: s.plate, start: s.start, end: s.end })),
        allowedPlates: allowedPlates(use.delegation),
      },
    );
    return { decision, unit: rules.billing.unit };
  }

  async start(command: StartSessionCommand): Promise<SessionOutcome> {
    const use = await permitForViewer(this.em, this.viewer, command.permitId, 'use');
    const plate = plateOf(command.plate, command.country);
    const replay = await this.replayOf(use, command.idempotencyKey);
    if (replay) return this.replayedStart(replay, plate, unitOf(use));
    try {
      return await this.inTransaction(async (tx) => {
        const ground = await this.decisionGround(tx, use);
        const decision = decideStart(
          {
            plate: plate.normalised,
            start: command.start ?? undefined,
            end: command.end ?? undefined,
          },
          this.sessionContext(ground, null),
        );
        if (!decision.ok) {
          await tx.flush(); // due sessions settled on the way stay settled
          return { ok: false, decision, unit: ground.rules.billing.unit };
        }
        const session = tx.create(ParkingSession, {
          permit: ground.permit,
          delegation: ground.delegation,
          plate: plate.normalised,
          country: plate.country,
          start: decision.start,
          end: decision.end,
          reservation: decision.reservation,
          startedBy: tx.getReference(Account, this.viewer.accountId),
          channel: command.channel,
          status: decision.planned ? 'planned' : 'running',
          createdAt: this.now,
        });
        this.post(tx, ground, {
          kind: 'reserve',
          amount: -decision.reservation,
          session,
          idempotencyKey: command.idempotencyKey,
        });
        await tx.flush();
        return { ok: true, session, decision, unit: ground.rules.billing.unit };
      });
    } catch (error) {
      // The same key sent twice at once: the other call wrote it; answer as it did.
      if (error instanceof UniqueConstraintViolationException) {
        const first = await this.replayOf(use, command.idempotencyKey);
        if (first) return this.replayedStart(first, plate, unitOf(use));
      }
      throw error;
    }
  }

  /** A new end for a running or planned session; the reservation follows the new cost. */
  async changeEnd(sessionId: string, end: Date, idempotencyKey: string): Promise<SessionOutcome> {
    const { use, session } = await this.sessionForViewer(sessionId, 'use');
    const replayed = async () => {
      const replay = await this.replayOf(use, idempotencyKey);
      if (!replay) return null;
      if (replay.id !== session.id || replay.end.getTime() !== end.getTime()) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED');
      }
      return { ok: true as const, session: replay, decision: null, unit: unitOf(use) };
    };
    const first = await replayed();
    if (first) return first;
    try {
      return await this.inTransaction(async (tx) => {
        const viewerGround = await this.decisionGround(tx, use);
        const current = viewerGround.open.find((s) => s.id === session.id);
        const target = current ?? (await tx.findOneOrFail(ParkingSession, { id: session.id }));
        // The session keeps paying from the pot it started on, whoever changes it.
        const ground = await this.groundOfSession(tx, viewerGround, target);
        const decision = current
          ? decideChangeEnd(current, end, this.sessionContext(ground, current))
          : ({ ok: false, reason: 'SESSION_ALREADY_ENDED', proposal: null } as const);
        if (!decision.ok) {
          await tx.flush();
          return { ok: false, decision, unit: ground.rules.billing.unit };
        }
        const difference = decision.reservation - target.reservation;
        target.end = decision.end;
        target.reservation = decision.reservation;
        this.post(tx, ground, {
          kind: difference > 0 ? 'reserve' : 'release',
          amount: -difference,
          session: target,
          idempotencyKey,
        });
        await tx.flush();
        return { ok: true, session: target, decision, unit: ground.rules.billing.unit };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const replay = await replayed();
        if (replay) return replay;
      }
      throw error;
    }
  }

  /** Stops a running session now: the paid minutes so far are charged, the rest released. */
  async stop(sessionId: string): Promise<{ session: ParkingSession; unit: BalanceUnit }> {
    // A blocked product may still be stopped: that only ends spending.
    const { use } = await this.sessionForViewer(sessionId, 'read');
    return this.inTransaction(async (tx) => {
      const ground = await this.decisionGround(tx, use);
      const session = ground.open.find((s) => s.id === sessionId);
      const unit = ground.rules.billing.unit;
      // Already ended (stopped, reached its end, settled just now): stopping again changes nothing.
      if (!session)
        return { session: await tx.findOneOrFail(ParkingSession, { id: sessionId }), unit };
      if (session.start > this.now) throw new AppError('SESSION_NOT_RUNNING');
      bookSettlement(tx, ground.permit, session, settleStop(session, this.now, ground.rules), {
        status: 'ended',
        stoppedAt: this.now,
        at: this.now,
        by: tx.getReference(Account, this.viewer.accountId),
      });
      await tx.flush();
      return { session, unit };
    });
  }

  /** Takes back a planned session before it starts; its whole reservation returns. */
  async delete(sessionId: string): Promise<{ session: ParkingSession; unit: BalanceUnit }> {
    const { use, session: seen } = await this.sessionForViewer(sessionId, 'read');
    if (seen.status === 'deleted') return { session: seen, unit: unitOf(use) };
    return this.inTransaction(async (tx) => {
      const ground = await this.decisionGround(tx, use);
      const session = ground.open.find((s) => s.id === sessionId);
      if (!session || session.start <= this.now) throw new AppError('SESSION_ALREADY_STARTED');
      bookSettlement(tx, ground.permit, session, settleDelete(session), {
        status: 'deleted',
        stoppedAt: null,
        at: this.now,
        by: tx.getReference(Account, this.viewer.accountId),
      });
      await tx.flush();
      return { session, unit: ground.rules.billing.unit };
    });
  }

  /** A session the viewer may act on: the owner any of the permit's, a delegate its own. */
  async sessionForViewer(
    sessionId: string,
    need: PermitNeed,
  ): Promise<{ use: PermitUse; session: ParkingSession }> {
    const session = isUuid(sessionId)
      ? await this.em.findOne(ParkingSession, { id: sessionId })
      : null;
    if (!session) throw new AppError('NOT_FOUND');
    const use = await permitForViewer(this.em, this.viewer, session.permit.id, need);
    if (use.delegation && session.delegation?.id !== use.delegation.id) {
      throw new AppError('NOT_FOUND');
    }
    return { use, session };
  }

  /**
   * Runs `work` in a transaction whose unit of work starts empty: only what the decision loads
   * and writes is tracked, so the flush does not compare the product's settings, zone and town
   * (read before, outside) field by field. That comparison was most of a start's cost.
   */
  private inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.em.transactional(work, { clear: true });
  }

  private async decisionGround(tx: EntityManager, use: PermitUse): Promise<DecisionGround> {
    const permit = await lockPermit(tx, use.permit.id);
    if (!permit) throw new AppError('NOT_FOUND');
    // Settings come from the product as read by the access check; validity from the locked row.
    const rules = {
      ...(await loadProductRules(tx, use.permit)),
      validity: { from: permit.validFrom, until: permit.validUntil ?? null },
    };
    const sessions = await tx.find(ParkingSession, {
      permit: permit.id,
      status: { $in: ['planned', 'running'] },
    });
    // Delegates' sessions pay back into their delegation's pot: load those pots, if any.
    const ofDelegates = sessions.filter((session) => session.delegation);
    if (ofDelegates.length > 0) await tx.populate(ofDelegates, ['delegation']);
    const delegation = use.delegation
      ? await tx.findOneOrFail(Delegation, { id: use.delegation.id })
      : null;
    if (delegation && delegation.status !== 'accepted') throw new AppError('NOT_FOUND');
    const open = settleDueSessions(tx, permit, sessions, rules, this.now);
    return { permit, rules, open, delegation };
  }

  /** The ground with the pot `session` pays from: its delegation's, or the permit's own. */
  private async groundOfSession(
    tx: EntityManager,
    ground: DecisionGround,
    session: ParkingSession,
  ): Promise<DecisionGround> {
    const delegationId = session.delegation?.id ?? null;
    if (delegationId === (ground.delegation?.id ?? null)) return ground;
    const delegation = delegationId
      ? await tx.findOneOrFail(Delegation, { id: delegationId }, { refresh: true })
      : null;
    return { ...ground, delegation };
  }

  private sessionContext(ground: DecisionGround, without: ParkingSession | null) {
    return {
      ...ground.rules,
      now: this.now,
      balance: ground.delegation ? ground.delegation.balance : ground.permit.balance,
      sessions: ground.open
        .filter((s) => s !== without)
        .map((s) => ({ plate: s.plate, start: s.start, end: s.end })),
      allowedPlates: allowedPlates(ground.delegation),
    };
  }

  private post(
    tx: EntityManager,
    ground: DecisionGround,
    entry: {
      kind: 'reserve' | 'release';
      amount: number;
      session: ParkingSession;
      idempotencyKey: string;
    },
  ): void {
    const posting = {
      ...entry,
      createdBy: tx.getReference(Account, this.viewer.accountId),
      at: this.now,
    };
    if (ground.delegation) postToDelegation(tx, ground.delegation, posting);
    else postToPermit(tx, ground.permit, posting);
  }

  /**
   * The session an earlier call with this key wrote. The owner may see any of the permit's; a
   * delegate only its own delegation's.
   */
  private async replayOf(use: PermitUse, key: string): Promise<ParkingSession | null> {
    const entry = await findByIdempotencyKey(this.em, use.permit.id, key);
    if (!entry) return null;
    const foreign = use.delegation && entry.session?.delegation?.id !== use.delegation.id;
    if (!entry.session || foreign) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return entry.session;
  }

  private replayedStart(session: ParkingSession, plate: Plate, unit: BalanceUnit): SessionOutcome {
    if (session.plate !== plate.normalised) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { ok: true, session, decision: null, unit };
  }
}

const unitOf = (use: PermitUse): BalanceUnit => use.permit.productType.balanceUnit ?? 'minutes';

function allowedPlates(delegation: Delegation | null): string[] | null {
  return delegation?.plate ? [delegation.plate] : null;
}
