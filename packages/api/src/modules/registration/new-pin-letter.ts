import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import { logger } from '../../logging/logger.js';
import { AuditEntry } from '../../model/audit-entry.entity.js';
import { Account } from '../../model/account.entity.js';
import { AuthSession } from '../../model/auth-session.entity.js';
import { Municipality } from '../../model/municipality.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { hashSecret } from '../auth/password-hash.js';
import { requestLetter, type LetterData } from '../letter/letter-request.js';
import { freshPin } from '../permit/permit-create.js';
import { registrationNumberPrefix } from '../permit/registration-credentials.js';
import { attemptLimits, type Attempt } from '../rate-limit/attempt-limits.js';

/** Who asked for the letter: the audit entry says so (docs/rules.md §6, "A new PIN by letter"). */
export type NewPinRequester =
  | { readonly by: 'holder'; readonly accountId: string }
  | { readonly by: 'admin'; readonly accountId: string }
  /** The sign-in page: no login; `clientAddress` is counted. */
  | { readonly by: 'signInPage'; readonly clientAddress: string };

/** The product code a typed registration number stands for ("PK" and spaces optional). */
export function productCodeOf(registrationNumber: string): string {
  const typed = registrationNumber.replace(/\s+/g, '').toUpperCase();
  return typed.startsWith(registrationNumberPrefix) ? typed : `${registrationNumberPrefix}${typed}`;
}

const languageOf = (account: Account | null | undefined): Language =>
  account?.language === 'en' ? 'en' : 'nl';

/** What the letter states: the permit as it is, its code, addressed as every letter is. */
function newPinLetterData(permit: Permit, language: Language): LetterData {
  return {
    language,
    town: { name: permit.municipality.name, logoUrl: permit.municipality.logoUrl ?? null },
    recipient: { name: permit.holder?.displayName ?? null, addressLabel: permit.addressLabel },
    product: { name: permit.productType.name[language], kind: permit.productType.kind },
    zone: { code: permit.zone.code, name: permit.zone.name },
    plates: [],
    validFrom: permit.validFrom.toISOString(),
    validUntil: permit.validUntil ? permit.validUntil.toISOString() : null,
    amounts: { priceCents: 0, feeCents: 0, totalCents: 0, refundCents: null },
    productCode: permit.productCode,
    reason: null,
    reference: permit.productCode,
  };
}

/**
 * Counts the request against `newPinLetter`: per product code (the typed one on the sign-in
 * page, known or not) and, from the sign-in page, per client. Outside any transaction.
 */
function countRequest(
  em: EntityManager,
  now: Date,
  productCode: string,
  requester: NewPinRequester,
): Promise<Attempt> {
  return attemptLimits().take(
    'newPinLetter',
    [
      { kind: 'permit', id: productCode },
      ...(requester.by === 'signInPage'
        ? [{ kind: 'address' as const, id: requester.clientAddress || 'withheld' }]
        : []),
    ],
    { em, now },
  );
}

/**
 * Sends a visitor permit a new PIN by letter (docs/rules.md §6, "A new PIN by letter"): a fresh
 * PIN replaces the old one in the transaction that makes the letter, the letter with the PIN goes
 * to the holder's e-mail address (the stored copy has no PIN), every registration login on the
 * permit ends and the audit log says who asked. The PIN is never logged nor stored in clear.
 *
 * `permit` is what the caller found and checked; null on the sign-in page for a number that is no
 * visitor permit. Returns whether a letter was sent: false when there is nowhere to send it (no
 * holder with an e-mail address), in which case the old PIN stays.
 */
export async function sendNewPinLetter(
  em: EntityManager,
  now: Date,
  productCode: string,
  permit: Permit | null,
  requester: NewPinRequester,
): Promise<boolean> {
  const attempt = await countRequest(em, now, productCode, requester);
  if (!permit) return false;
  try {
    const pin = freshPin();
    const pinHash = await hashSecret(pin);
    const sent = await em.transactional(async (tx) => {
      const locked = await tx.findOneOrFail(
        Permit,
        { id: permit.id },
        { populate: ['holder', 'municipality', 'zone', 'productType'], refresh: true },
      );
      const mailTo = locked.holder?.email ?? null;
      if (!mailTo) return false;
      locked.pinHash = pinHash;
      const letter = requestLetter(tx, {
        kind: 'newPin',
        municipalityId: locked.municipality.id,
        permitId: locked.id,
        applicationId: null,
        data: newPinLetterData(locked, languageOf(locked.holder)),
        pin,
        mailTo,
        createdById: requester.by === 'signInPage' ? null : requester.accountId,
        at: now,
      });
      // A letter printed later by the work queue cannot carry the PIN: then nothing changes.
      if (!letter.content) throw new AppError('NEW_PIN_LETTER_FAILED');
      await tx.nativeDelete(AuthSession, { permit: locked.id });
      tx.create(AuditEntry, {
        municipality: tx.getReference(Municipality, locked.municipality.id),
        // The sign-in page has no login: the permit's holder, whose permit it is, stands for it.
        actor: tx.getReference(
          Account,
          requester.by === 'signInPage' ? locked.holder!.id : requester.accountId,
        ),
        at: now,
        action: 'permit.newPinLetter',
        subjectType: 'permit',
        subjectId: locked.id,
        subjectLabel: locked.productCode,
        before: null,
        after: { requestedBy: requester.by, letter: letter.id },
      });
      return true;
    });
    if (!sent) {
      logger.info({ permitId: permit.id, requestedBy: requester.by }, 'new PIN: no mailbox');
    }
    return sent;
  } catch (error) {
    await attempt.giveBack();
    throw error;
  }
}
