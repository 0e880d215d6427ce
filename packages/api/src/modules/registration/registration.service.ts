import type { EntityManager } from '@mikro-orm/core';
import { pinProblem, pinLength } from '@parkeer/domain/pin/pin-rules';
import type { Language } from '@parkeer/shared/language';
import { recordForPermitHolder } from '../audit/audit-log.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { AuthSession } from '../../model/auth-session.entity.js';
import type { Permit } from '../../model/permit.entity.js';
import { AuthService } from '../auth/auth.service.js';
import { hashSecret } from '../auth/password-hash.js';
import { permitForViewer } from '../permit/permit-access.js';
import {
  checkRegistrationPin,
  registrationNumberPrefix,
} from '../permit/registration-credentials.js';

/** The registration number as the letter prints it: the product code without its letters. */
export const registrationNumberOf = (permit: Pick<Permit, 'productCode'>) =>
  permit.productCode.slice(registrationNumberPrefix.length);

/**
 * Signing in with a visitor permit's registration number + PIN, and changing that PIN
 * (docs/rules.md §6, "Sign-in with registration number and PIN"). The check and its guessing
 * limits are `checkRegistrationPin`'s, shared with the phone line.
 */
export class RegistrationService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: Date,
    private readonly clientAddress: string,
  ) {}

  async login(
    registrationNumber: string,
    pin: string,
    language: Language,
  ): Promise<{ token: string; expiresAt: Date; permit: Permit }> {
    const check = await checkRegistrationPin(this.em, this.now, registrationNumber, pin, {
      channel: 'web',
      id: this.clientAddress,
    });
    if (check.outcome === 'blocked') throw check.refusal;
    if (check.outcome === 'wrong') throw new AppError('REGISTRATION_LOGIN_FAILED');
    const { token, expiresAt } = await new AuthService(this.em).issueForPermit(
      check.permit,
      language,
      this.now,
    );
    await this.audit(check.permit, 'registrationLogin', {});
    return { token, expiresAt, permit: check.permit };
  }

  /**
   * A new PIN of the holder's choosing: the current one is checked as a sign-in is, within the
   * same limits, so this is no second way to guess it. Other logins on the permit stay.
   */
  async changePin(
    viewer: Viewer,
    productId: string,
    currentPin: string,
    newPin: string,
  ): Promise<Permit> {
    const { permit } = await permitForViewer(this.em, viewer, productId, 'own');
    if (permit.productType.kind !== 'visitorPermit') throw new AppError('NOT_FOUND');
    const problem = pinProblem(newPin);
    if (problem) throw new AppError(problem, { ...pinLength });
    const check = await checkRegistrationPin(this.em, this.now, permit.productCode, currentPin, {
      channel: 'web',
      id: this.clientAddress,
    });
    if (check.outcome === 'blocked') throw check.refusal;
    if (check.outcome === 'wrong') throw new AppError('PIN_CURRENT_WRONG');
    check.permit.pinHash = await hashSecret(newPin);
    await this.em.flush();
    // Whoever else signed in with the old PIN is signed out; this login stays.
    await this.em.nativeDelete(AuthSession, {
      permit: permit.id,
      id: { $ne: viewer.authSessionId },
    });
    await this.audit(permit, 'changePin', { by: viewer.permitOnly ? 'registration' : 'account' });
    return permit;
  }

  /** An audit entry naming the permit, its holder as actor (docs/rules.md §8). */
  private audit(permit: Permit, action: string, after: Record<string, string>) {
    return recordForPermitHolder(this.em, this.now, permit, {
      action,
      subjectType: 'permit',
      subjectId: permit.id,
      channel: 'web',
      after,
    });
  }
}
