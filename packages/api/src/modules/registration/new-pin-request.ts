import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Permit } from '../../model/permit.entity.js';
import { isUuid } from '../../db/uuid.js';
import { requireOwnTown, type AdminWork } from '../admin/admin-scope.js';
import { permitForViewer } from '../permit/permit-access.js';
import { productCodeOf, sendNewPinLetter } from './new-pin-letter.js';

/**
 * Who may ask for a new PIN by letter (docs/rules.md §6, "A new PIN by letter"): the holder's
 * own account for its visitor permit, a municipal admin for a visitor permit of its town, and
 * anyone by registration number on the sign-in page. Each returns the permit whose registration
 * logins ended (for the caller to tell their subscriptions), or null.
 */

/** The holder's account: its own visitor permit (a PIN login knows its PIN: it changes it). */
export async function requestNewPinForHolder(
  em: EntityManager,
  now: Date,
  viewer: Viewer,
  productId: string,
): Promise<string> {
  if (viewer.permitOnly) throw new AppError('FORBIDDEN');
  const { permit } = await permitForViewer(em, viewer, productId, 'own');
  if (permit.productType.kind !== 'visitorPermit') throw new AppError('NOT_FOUND');
  const requester = { by: 'holder', accountId: viewer.accountId } as const;
  if (!(await sendNewPinLetter(em, now, permit.productCode, permit, requester))) {
    throw new AppError('NEW_PIN_NO_MAILBOX');
  }
  return permit.id;
}

/** A municipal admin: a visitor permit of its own town, from the permit page. */
export async function requestNewPinByAdmin(admin: AdminWork, permitId: string): Promise<string> {
  const permit = isUuid(permitId)
    ? await admin.em.findOne(Permit, { id: permitId }, { populate: ['productType'] })
    : null;
  if (!permit) throw new AppError('NOT_FOUND');
  requireOwnTown(admin, permit.municipality.id);
  if (permit.productType.kind !== 'visitorPermit') throw new AppError('NEW_PIN_NOT_VISITOR_PERMIT');
  const requester = { by: 'admin', accountId: admin.viewer!.accountId } as const;
  if (!(await sendNewPinLetter(admin.em, admin.now, permit.productCode, permit, requester))) {
    throw new AppError('NEW_PIN_NO_MAILBOX');
  }
  return permit.id;
}

/**
 * The sign-in page, by registration number alone: the same answer whether the number exists,
 * has a mailbox or not (only the limits speak, and they count unknown numbers alike).
 */
export async function requestNewPinByRegistration(
  em: EntityManager,
  now: Date,
  registrationNumber: string,
  clientAddress: string,
): Promise<string | null> {
  const productCode = productCodeOf(registrationNumber);
  // The column's width bounds what can be a code; a longer input is simply no permit.
  const permit =
    productCode.length <= 20
      ? await em.findOne(Permit, { productCode, productType: { kind: 'visitorPermit' } })
      : null;
  const sent = await sendNewPinLetter(em, now, productCode, permit, {
    by: 'signInPage',
    clientAddress,
  });
  return sent ? permit!.id : null;
}
