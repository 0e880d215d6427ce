import type { EntityManager } from '@mikro-orm/core';
import { settleDelete, settleStop } from '@parkeer/domain/billing/settlement';
import { formatPlate, parsePlate } from '@parkeer/domain/plate/plate';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../../model/account.entity.js';
import { normaliseEmail } from '../auth/auth.service.js';
import { emailLinkLifetime, issueEmailToken, publicAppUrl } from '../auth/email-link.js';
import { EmailToken } from '../../model/email-token.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { lockPermit, postToDelegation, postToPermit } from '../ledger/balance-book.js';
import { queueMail } from '../mail/mail-outbox.js';
import { permitForViewer } from '../permit/permit-access.js';
import type { Permit } from '../../model/permit.entity.js';
import { loadProductRules } from '../product/product-rules.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { bookSettlement } from '../session/session-settlement.js';
import { delegationInviteMail } from './delegation-mail.js';
import { Delegation } from '../../model/delegation.entity.js';

export interface InviteCommand {
  readonly permitId: string;
  readonly email: string;
  readonly plate?: string | null;
  readonly country?: string | null;
  readonly amount: number;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const dayMs = 24 * 60 * 60_000;

/**
 * Delegations (docs/rules.md §6): the owner moves part of the balance into a delegation for someone
 * else, who accepts it through an e-mailed link and parks within that budget (and plate).
 * Revoking ends the delegate's sessions and returns what is left. Every move is two ledger
 * rows, one per pot, in the transaction of the change.
 */
/** A revoked delegation and the delegate's sessions its revocation ended (stopped or deleted). */
export interface RevokedDelegation {
  readonly delegation: Delegation;
  readonly endedSessions: readonly ParkingSession[];
}

export class DelegationService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: Date,
  ) {}

  async invite(command: InviteCommand): Promise<Delegation> {
    const { permit } = await permitForViewer(this.em, this.viewer, command.permitId, 'own');
    if (!permit.productType.delegationAllowed || !permit.productType.balanceUnit) {
      throw new AppError('DELEGATION_NOT_ALLOWED');
    }
    const email = normaliseEmail(command.email);
    if (email.length > 254 || !emailPattern.test(email)) {
      throw new AppError('DELEGATION_EMAIL_INVALID');
    }
    const owner = await this.em.findOneOrFail(Account, { id: this.viewer.accountId });
    if (email === owner.email) throw new AppError('DELEGATION_TO_SELF');
    if (!Number.isInteger(command.amount) || command.amount <= 0) {
      throw new AppError('DELEGATION_AMOUNT_INVALID');
    }
    let plate: { normalised: string; country: string } | null = null;
    if (command.plate?.trim()) {
      const parsed = parsePlate(command.plate, command.country ?? undefined);
      if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
      plate = parsed.plate;
    }
    // One delegation per person and product: a second would split what they see and can spend.
    const open = await this.em.count(Delegation, {
      permit: permit.id,
      status: { $in: ['invited', 'accepted'] },
      $or: [{ email }, { delegate: { email } }],
    });
    if (open > 0) throw new AppError('DELEGATION_ALREADY_EXISTS');
    // Each invitation can make an account: a daily number per product and per inviter.
    const attempt = await attemptLimits().take(
      'delegationInvite',
      [
        { kind: 'permit', id: permit.id },
        { kind: 'account', id: this.viewer.accountId },
      ],
      { em: this.em, now: this.now },
    );
    try {
      return await this.em.transactional(async (tx) => {
        const locked = await lockPermit(tx, permit.id);
        if (!locked) throw new AppError('NOT_FOUND');
        if (locked.balance < command.amount) {
          throw new AppError('DELEGATION_INSUFFICIENT_BALANCE');
        }
        const delegation = tx.create(Delegation, {
          permit: locked,
          email,
          plate: plate?.normalised ?? null,
          country: plate?.country ?? null,
          budget: command.amount,
          balance: 0,
          createdAt: this.now,
        });
        const posting = { kind: 'delegationGrant' as const, createdBy: owner, at: this.now };
        postToPermit(tx, locked, { ...posting, amount: -command.amount }).delegation = delegation;
        postToDelegation(tx, delegation, { ...posting, amount: command.amount });
        await this.queueInvite(tx, delegation, permit, owner.email);
        await tx.flush();
        return delegation;
      });
    } catch (error) {
      // Nothing was invited.
      await attempt.giveBack();
      throw error;
    }
  }

  /** The product's delegations, newest first, for its owner. */
  async list(permitId: string): Promise<Delegation[]> {
    const { permit } = await permitForViewer(this.em, this.viewer, permitId, 'own');
    return this.em.find(
      Delegation,
      { permit: permit.id },
      { populate: ['delegate'], orderBy: { createdAt: 'desc', id: 'desc' } },
    );
  }

  /**
   * Ends a delegation: the delegate's running sessions stop now (charged so far), planned ones
   * are deleted, and what is left of the budget returns to the product. Revoking twice is a no-op.
   */
  async revoke(delegationId: string): Promise<RevokedDelegation> {
    const found = isUuid(delegationId)
      ? await this.em.findOne(Delegation, { id: delegationId })
      : null;
    if (!found) throw new AppError('NOT_FOUND');
    await permitForViewer(this.em, this.viewer, found.permit.id, 'own');
    if (found.status === 'revoked') return { delegation: found, endedSessions: [] };
    const owner = this.em.getReference(Account, this.viewer.accountId);
    return this.em.transactional(async (tx) => {
      const permit = await lockPermit(tx, found.permit.id);
      if (!permit) throw new AppError('NOT_FOUND');
      await tx.populate(permit, ['productType', 'zone', 'municipality']);
      const delegation = await tx.findOneOrFail(Delegation, { id: found.id }, { refresh: true });
      if (delegation.status === 'revoked') return { delegation, endedSessions: [] };
      const endedSessions = await this.endDelegateSessions(tx, permit, delegation);
      const rest = delegation.balance;
      if (rest !== 0) {
        const posting = { kind: 'delegationReturn' as const, createdBy: owner, at: this.now };
        postToDelegation(tx, delegation, { ...posting, amount: -rest });
        postToPermit(tx, permit, { ...posting, amount: rest }).delegation = delegation;
      }
      delegation.status = 'revoked';
      delegation.revokedAt = this.now;
      // An invitation not yet accepted must not be accepted after all.
      await tx.nativeUpdate(
        EmailToken,
        { delegation: delegation.id, usedAt: null },
        { usedAt: this.now },
      );
      await tx.flush();
      return { delegation, endedSessions };
    });
  }

  private async endDelegateSessions(
    tx: EntityManager,
    permit: Permit,
    delegation: Delegation,
  ): Promise<ParkingSession[]> {
    const sessions = await tx.find(ParkingSession, {
      delegation: delegation.id,
      status: { $in: ['planned', 'running'] },
    });
    if (sessions.length === 0) return [];
    const rules = await loadProductRules(tx, permit);
    for (const session of sessions) {
      const planned = session.start > this.now;
      const settlement = planned ? settleDelete(session) : settleStop(session, this.now, rules);
      const stoppedAt = planned || session.end <= this.now ? null : this.now;
      bookSettlement(tx, permit, session, settlement, {
        status: planned ? 'deleted' : 'ended',
        stoppedAt,
        at: this.now,
        by: tx.getReference(Account, this.viewer.accountId),
      });
    }
    return sessions;
  }

  private async queueInvite(
    tx: EntityManager,
    delegation: Delegation,
    permit: Permit,
    ownerEmail: string,
  ): Promise<void> {
    const recipient = await tx.findOne(Account, { email: delegation.email });
    const language = recipient?.language ?? this.viewer.language;
    const token = issueEmailToken(
      tx,
      { purpose: 'delegation', email: delegation.email, delegation },
      this.now,
    );
    const mail = delegationInviteMail(language, {
      ownerEmail,
      productName: permit.productType.name[language],
      municipality: permit.municipality.name,
      amount: delegation.budget,
      unit: permit.productType.balanceUnit!,
      plate: delegation.plate
        ? formatPlate(delegation.plate, delegation.country ?? undefined)
        : null,
      link: `${publicAppUrl()}/machtiging?token=${token}`,
      validDays: Math.round(emailLinkLifetime.delegation / dayMs),
    });
    queueMail(tx, { to: delegation.email, ...mail }, this.now);
  }
}
