import type { EntityManager } from '@mikro-orm/core';
import { settleStop } from '@parkeer/domain/billing/settlement';
import { formatPlate } from '@parkeer/domain/plate/plate';
import { paidWindowsOnDate } from '@parkeer/domain/regime/regime';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import type { Language } from '@parkeer/shared/language';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { DeskGrant } from '../../model/desk-grant.entity.js';
import { Favorite } from '../../model/favorite.entity.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import type { ChangeSink } from '../ledger/permit-transaction.js';
import { checkRegistrationPin } from '../permit/registration-credentials.js';
import { findRecentPlates } from '../plate/recent-plates.repository.js';
import { loadProductRules } from '../product/product-rules.js';
import type { PermitEvent } from '../session/permit-events.js';
import { toSessionRefused } from '../session/session.mapper.js';
import { SessionService } from '../session/session.service.js';
import { effectiveStatus } from '../session/session-status.js';
import type { SessionRefused } from '../session/session.types.js';
import { streetOf } from './street.js';
import {
  DeskActionResult,
  DeskPaidWindow,
  DeskPermit,
  DeskPlate,
  DeskSession,
} from './desk.types.js';

/** How long a desk grant lasts after the lookup: one phone call, with room to spare. */
export const deskGrantMinutes = 15;

/** What the desk works with: the request's unit of work, viewer, clock and language. */
export interface DeskWork {
  readonly em: EntityManager;
  readonly viewer: Viewer;
  readonly now: Date;
  readonly language: Language;
  /** Told what each session transaction did, after its commit (the live updates). */
  readonly sink: ChangeSink<PermitEvent> | null;
}

/** The audit entry's channel: every desk entry says where it came from (docs/rules.md §8). */
const desk = { channel: 'desk' } as const;

/**
 * The municipal desk (docs/rules.md §5, "The municipal desk"): a desk employee opens a visitor
 * permit of their own town with the caller's registration number and PIN, and then starts,
 * changes and stops sessions on it with the short-lived grant that lookup gave, as the phone
 * line does: through `SessionService` acting on the permit without an account ('system'), the
 * sessions in channel 'desk'. Every lookup, right or wrong, and every action is in the audit
 * log with the employee as its actor.
 */
export class DeskService {
  constructor(private readonly work: DeskWork) {}

  private get actor(): Actor {
    return { viewer: this.work.viewer, now: this.work.now };
  }

  /**
   * Opens the permit for this call. A wrong number, a wrong PIN and a permit of another town
   * answer alike (DESK_REGISTRATION_WRONG): the desk of town A learns nothing of town B.
   */
  async find(registrationNumber: string, pin: string): Promise<DeskPermit> {
    const { em, now, viewer } = this.work;
    const town = adminTown(this.actor);
    const check = await checkRegistrationPin(em, now, registrationNumber, pin, {
      channel: 'desk',
      id: viewer.accountId,
    });
    const permit =
      check.outcome === 'ok' && check.permit.municipality.id === town ? check.permit : null;
    if (!permit) {
      const blocked = check.outcome === 'blocked';
      // The subject is the employee's own lookup: what was typed, never the PIN.
      recordChange(em, this.actor, {
        action: blocked ? 'desk.lookup.blocked' : 'desk.lookup.wrong',
        subjectType: 'deskLookup',
        subjectId: viewer.accountId,
        subjectLabel: registrationNumber.replace(/\s+/g, '').toUpperCase().slice(0, 20),
        municipalityId: town,
        before: null,
        after: desk,
      });
      await em.flush();
      throw new AppError(blocked ? 'DESK_TRIES_BLOCKED' : 'DESK_REGISTRATION_WRONG');
    }
    // Grants of earlier calls are of no use any more: they go with the next lookup.
    await em.nativeDelete(DeskGrant, { account: viewer.accountId, expiresAt: { $lte: now } });
    const grant = em.create(DeskGrant, {
      account: viewer.accountId,
      permit,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deskGrantMinutes * 60_000),
    });
    this.audit('desk.lookup', 'permit', permit.id, permit, {
      ...desk,
      grantExpiresAt: grant.expiresAt.toISOString(),
    });
    await em.flush();
    return this.view(grant);
  }

  /** Starts (or plans, with a later start) a session for the caller's visitor. */
  async start(
    grantId: string,
    command: { plate: string; country?: string | null; end?: Date | null },
  ): Promise<DeskActionResult> {
    const grant = await this.grant(grantId);
    const permit = grant.permit;
    const outcome = await this.sessions().start({
      permitId: permit.id,
      plate: command.plate,
      country: command.country,
      end: command.end,
      channel: 'desk',
    });
    if (!outcome.ok) {
      const refused = toSessionRefused(
        outcome.decision,
        outcome.unit,
        command.country ?? 'NL',
        this.work.language,
      );
      await this.auditNow('desk.session.refused', 'permit', permit.id, permit, {
        ...desk,
        reason: refused.reason,
      });
      return this.result(grant, refused);
    }
    await this.auditNow('desk.session.start', 'parkingSession', outcome.session.id, permit, {
      ...desk,
      start: outcome.session.start.toISOString(),
      end: outcome.session.end.toISOString(),
    });
    return this.result(grant, null);
  }

  /** A new end for a running or planned session of the permit. */
  async changeEnd(grantId: string, sessionId: string, end: Date): Promise<DeskActionResult> {
    const grant = await this.grant(grantId);
    const session = await this.sessionOf(grant, sessionId);
    const before = { ...desk, end: session.end.toISOString() };
    const outcome = await this.sessions().changeEnd(session.id, end);
    if (!outcome.ok) {
      const refused = toSessionRefused(
        outcome.decision,
        outcome.unit,
        session.country,
        this.work.language,
      );
      return this.result(grant, refused);
    }
    await this.auditNow(
      'desk.session.end.set',
      'parkingSession',
      session.id,
      grant.permit,
      {
        ...desk,
        end: outcome.session.end.toISOString(),
      },
      before,
    );
    return this.result(grant, null);
  }

  /** Stops a running session now, or takes back a planned one before it starts. */
  async stop(grantId: string, sessionId: string): Promise<DeskActionResult> {
    const grant = await this.grant(grantId);
    const session = await this.sessionOf(grant, sessionId);
    const planned = session.start > this.work.now;
    const settled = planned
      ? await this.sessions().delete(session.id)
      : await this.sessions().stop(session.id);
    await this.auditNow(
      planned ? 'desk.session.delete' : 'desk.session.stop',
      'parkingSession',
      session.id,
      grant.permit,
      { ...desk, stoppedAt: this.work.now.toISOString(), charge: settled.session.charge ?? 0 },
    );
    return this.result(grant, null);
  }

  /** The call is done: the grant ends now, so nothing more can be done with it. */
  async endCall(grantId: string): Promise<boolean> {
    const grant = await this.grant(grantId);
    grant.expiresAt = this.work.now;
    await this.auditNow('desk.call.end', 'permit', grant.permit.id, grant.permit, desk);
    return true;
  }

  /**
   * The employee's own grant that has not ended; another account's grant, an ended one and an
   * unknown id answer alike (DESK_GRANT_ENDED).
   */
  private async grant(grantId: string): Promise<DeskGrant> {
    const { em, viewer, now } = this.work;
    const grant = isUuid(grantId)
      ? await em.findOne(
          DeskGrant,
          { id: grantId, account: viewer.accountId, expiresAt: { $gt: now } },
          { populate: ['permit'] },
        )
      : null;
    // The employee may have moved to another town since: the grant stays in the first.
    if (!grant || grant.permit.municipality.id !== adminTown(this.actor)) {
      throw new AppError('DESK_GRANT_ENDED');
    }
    return grant;
  }

  /** A session of the grant's permit; any other session answers NOT_FOUND. */
  private async sessionOf(grant: DeskGrant, sessionId: string): Promise<ParkingSession> {
    const session = isUuid(sessionId)
      ? await this.work.em.findOne(ParkingSession, { id: sessionId, permit: grant.permit.id })
      : null;
    if (!session) throw new AppError('NOT_FOUND');
    return session;
  }

  /**
   * The caller acts as the holder of the letter's permit; 'system' is the session service's way
   * of acting on a permit without an account: its access check passes, the permit's status
   * (blocked, ended) still holds. The grant limits it to the one permit.
   */
  private sessions(): SessionService {
    return new SessionService(this.work.em, 'system', this.work.now, this.work.sink);
  }

  private audit(
    action: string,
    subjectType: 'permit' | 'parkingSession',
    subjectId: string,
    permit: Permit,
    after: Record<string, string | number>,
    before: Record<string, string | number> | null = null,
  ): void {
    recordChange(this.work.em, this.actor, {
      action,
      subjectType,
      subjectId,
      subjectLabel: permit.productCode,
      municipalityId: permit.municipality.id,
      before,
      after,
    });
  }

  private async auditNow(...args: Parameters<DeskService['audit']>): Promise<void> {
    this.audit(...args);
    await this.work.em.flush();
  }

  private async result(grant: DeskGrant, refused: SessionRefused | null) {
    return Object.assign(new DeskActionResult(), { permit: await this.view(grant), refused });
  }

  /** The permit as the desk sees it now, read afresh (the session transactions clear the unit of work). */
  private async view(grant: DeskGrant): Promise<DeskPermit> {
    const { now, language } = this.work;
    const em = this.work.em.fork();
    const permit = await em.findOneOrFail(
      Permit,
      { id: grant.permit.id },
      { populate: ['productType', 'zone', 'municipality'] },
    );
    const rules = await loadProductRules(em, permit);
    const timeZone = permit.municipality.timeZone;
    const open = await em.find(
      ParkingSession,
      {
        permit: permit.id,
        status: { $in: ['planned', 'running'] },
        end: { $gt: now },
        stoppedAt: null,
      },
      { orderBy: { start: 'asc', id: 'asc' } },
    );
    const favorites = await em.find(
      Favorite,
      { permit: permit.id },
      { orderBy: { name: 'asc', plate: 'asc' } },
    );
    const recent = await findRecentPlates(em, {
      permitId: permit.id,
      delegationId: null,
      excludeFavorites: true,
      limit: 9,
    });
    const plate = (p: { plate: string; country: string }, name: string | null) =>
      Object.assign(new DeskPlate(), {
        plate: p.plate,
        formattedPlate: formatPlate(p.plate, p.country),
        country: p.country,
        name,
      });
    return Object.assign(new DeskPermit(), {
      grantId: grant.id,
      grant: grant.id,
      grantExpiresAt: grant.expiresAt,
      registrationNumber: permit.productCode,
      productName: permit.productType.name[language],
      zoneName: permit.zone.name,
      street: streetOf(permit.addressLabel),
      status: permit.status,
      balance: permit.balance,
      unit: permit.productType.balanceUnit ?? 'minutes',
      paidToday: paidWindowsOnDate(rules.regime, localDateOf(now, timeZone), timeZone).map(
        (window) => Object.assign(new DeskPaidWindow(), { start: window.start, end: window.end }),
      ),
      sessions: open.map((session) =>
        Object.assign(new DeskSession(), {
          id: session.id,
          formattedPlate: formatPlate(session.plate, session.country),
          start: session.start,
          end: session.end,
          status: effectiveStatus(session, now),
          costSoFar: session.start < now ? settleStop(session, now, rules).charge : 0,
        }),
      ),
      favorites: favorites.map((favorite) => plate(favorite, favorite.name)),
      recentPlates: recent.map((recentPlate) => plate(recentPlate, null)),
    });
  }
}
