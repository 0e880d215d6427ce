import type { EntityManager } from '@mikro-orm/core';
import {
  checkDelegationBudget,
  checkDelegationInvite,
} from '@parkeer/domain/delegation/delegation-invite';
import { formatPlate, parsePlate } from '@parkeer/domain/plate/plate';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../../model/account.entity.js';
import { normaliseEmail } from '../auth/auth.service.js';
import { emailLinkLifetime, issueEmailToken, publicAppUrl } from '../auth/email-link.js';
import type { Viewer } from '../../graphql/viewer.js';
import { permitPot } from '../ledger/ledger.js';
import {
  withPermitTransaction,
  type ChangeSink,
  type PermitWork,
} from '../ledger/permit-transaction.js';
import { queueMail } from '../mail/mail-outbox.js';
import { permitForViewer } from '../permit/permit-access.js';
import { Permit } from '../../model/permit.entity.js';
import { loadProductRules } from '../product/product-rules.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';
import { tellSession, type PermitEvent } from '../session/permit-events.js';
import { settleSession } from '../session/session-settlement.js';
import { SessionStore, type StoredSession } from '../session/session-store.js';
import { returnDelegationPot, useUpInvitations } from './delegation-end.js';
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
 * Delegations (docs/rules.md §7): the owner moves part of the balance into a delegation for someone
 * else, who accepts it through an e-mailed link and parks within that budget (and plate).
 * Revoking ends the delegate's sessions and returns what is left. Every move is two ledger
 * rows, one per pot, in the transaction of the change.
 */
/** A revoked delegation and the delegate's sessions its revocation ended (stopped or deleted). */
export interface RevokedDelegation {
  readonly delegation: Delegation;
  readonly endedSessions: readonly StoredSession[];
}

export class DelegationService {
  /** `sink` hears, after each commit, the pots that moved and the sessions a revocation ended. */
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: Date,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  async invite(command: InviteCommand): Promise<Delegation> {
    const { permit } = await permitForViewer(this.em, this.viewer, command.permitId, 'own');
    // The input's form first (an address, a plate), then the rules (docs/rules.md §7).
    const email = normaliseEmail(command.email);
    if (email.length > 254 || !emailPattern.test(email)) {
      throw new AppError('DELEGATION_EMAIL_INVALID');
    }
    let plate: { normalised: string; country: string } | null = null;
    if (command.plate?.trim()) {
      const parsed = parsePlate(command.plate, command.country ?? undefined);
      if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
      plate = parsed.plate;
    }
    const owner = await this.em.findOneOrFail(Account, { id: this.viewer.holderAccountId });
    const openToInvitee = await this.em.count(Delegation, {
      permit: permit.id,
      status: { $in: ['invited', 'accepted'] },
      $or: [{ email }, { delegate: { email } }],
    });
    const allowed = checkDelegationInvite({
      delegable: Boolean(permit.productType.delegationAllowed && permit.productType.balanceUnit),
      toOwner: email === owner.email,
      amount: command.amount,
      openToInvitee,
    });
    if (!allowed.ok) throw new AppError(allowed.reason);
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
      return await withPermitTransaction<Delegation, PermitEvent>(
        this.em,
        permit.id,
        this.now,
        async (unit) => {
          const { tx } = unit;
          const budget = checkDelegationBudget(
            command.amount,
            await unit.ledger.balance(permitPot),
          );
          if (!budget.ok) throw new AppError(budget.reason);
          const delegation = tx.create(Delegation, {
            permit: tx.getReference(Permit, permit.id),
            email,
            plate: plate?.normalised ?? null,
            country: plate?.country ?? null,
            budget: command.amount,
            balance: 0,
            createdAt: this.now,
          });
          // The pot's row must exist before the ledger moves money into it.
          await tx.flush();
          await unit.ledger.delegationGrant(delegation.id, command.amount, {
            createdById: owner.id,
            at: this.now,
          });
          await this.queueInvite(tx, delegation, permit, owner.email ?? owner.displayName ?? '');
          await tx.flush();
          return delegation;
        },
        { sink: this.sink },
      );
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
    const actorId = this.viewer.accountId;
    return withPermitTransaction<RevokedDelegation, PermitEvent>(
      this.em,
      found.permit.id,
      this.now,
      async (unit) => {
        const { tx } = unit;
        const delegation = await tx.findOneOrFail(
          Delegation,
          { id: found.id },
          { refresh: true, populate: ['delegate'] },
        );
        if (delegation.status === 'revoked') return { delegation, endedSessions: [] };
        const endedSessions = await this.endDelegateSessions(unit, delegation);
        await returnDelegationPot(unit, delegation.id, actorId, this.now);
        delegation.status = 'revoked';
        delegation.revokedAt = this.now;
        await useUpInvitations(tx, [delegation], this.now);
        // The delegate hears its sessions stop and its pot empty before its subscriptions end.
        if (delegation.delegate) {
          unit.emit({
            type: 'accessEnded',
            accountId: delegation.delegate.id,
            event: { kind: 'delegationEnded', delegationId: delegation.id },
          });
        }
        await tx.flush();
        return { delegation, endedSessions };
      },
      { sink: this.sink },
    );
  }

  /** The delegate's open sessions end through the one settlement: stopped now, or deleted. */
  private async endDelegateSessions(
    unit: PermitWork<PermitEvent>,
    delegation: Delegation,
  ): Promise<StoredSession[]> {
    const open = await new SessionStore(unit.tx).openSessions(unit.permit.id);
    const sessions = open.filter((session) => session.delegationId === delegation.id);
    if (sessions.length === 0) return [];
    const permit = await unit.tx.findOneOrFail(
      Permit,
      { id: unit.permit.id },
      { populate: ['productType', 'zone', 'municipality'] },
    );
    const rules = await loadProductRules(unit.tx, permit);
    const unitOfBalance = unit.permit.balanceUnit ?? 'minutes';
    for (const session of sessions) {
      const ending = await settleSession(unit, session, rules, this.now, this.viewer.accountId);
      const kind = ending === 'deleted' ? 'deleted' : 'stopped';
      await tellSession(unit, { kind, session, unit: unitOfBalance });
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
    const language = recipient?.language ?? this.viewer.language ?? 'nl';
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
