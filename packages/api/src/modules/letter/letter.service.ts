import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Permit } from '../../model/permit.entity.js';
import { PermitDocument } from '../../model/permit-document.entity.js';
import { isUuid } from '../../db/uuid.js';
import { recordChange } from '../audit/audit-log.js';
import { requireOwnTown, type AdminWork } from '../admin/admin-scope.js';
import { documentTown } from './document-access.js';
import { queueLetterMail } from './letter-mail.js';
import { latestContactEmail } from './letter-recipient.js';
import { toApplicationDocumentDto, toPermitLetterDto } from './letter.mapper.js';
import type { ApplicationDocumentDto, PermitLetterDto } from './letter.types.js';

/** The letters of a permit or an application, oldest first; their files are not loaded. */
export async function lettersOf(
  em: EntityManager,
  of: { readonly permitId: string } | { readonly applicationId: string },
): Promise<PermitLetterDto[]> {
  const where = 'permitId' in of ? { permit: of.permitId } : { application: of.applicationId };
  const letters = await em.find(
    PermitDocument,
    { ...where, kind: 'letter' },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return letters.map(toPermitLetterDto);
}

/** The files an applicant uploaded with an application, in the order they came. */
export async function uploadsOf(
  em: EntityManager,
  applicationId: string,
): Promise<ApplicationDocumentDto[]> {
  const uploads = await em.find(
    PermitDocument,
    { application: applicationId, kind: 'upload' },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return uploads.map(toApplicationDocumentDto);
}

/**
 * The letters of a permit for its holder (also a login acting for them) or an admin of its
 * town; anyone else is told the permit does not exist.
 */
export async function permitLetters(
  em: EntityManager,
  viewer: Viewer,
  permitId: string,
): Promise<PermitLetterDto[]> {
  const permit = isUuid(permitId) ? await em.findOne(Permit, { id: permitId }) : null;
  if (!permit) throw new AppError('NOT_FOUND');
  if (viewer.role === 'municipalAdmin') requireOwnTown({ viewer }, permit.municipality.id);
  else if (permit.holder?.id !== viewer.holderAccountId) throw new AppError('NOT_FOUND');
  return lettersOf(em, { permitId });
}

/**
 * Mails a decision letter again, to the permit holder's address or else the contact address its
 * application (or the permit's latest that gave one) named, in the letter's language, with the stored copy attached (never a PIN: that
 * was printed once). An admin of the letter's town only; the audit log says who and when, in
 * the same transaction as the mail.
 */
export async function resendLetter(admin: AdminWork, documentId: string): Promise<PermitLetterDto> {
  return admin.em.transactional(async (tx) => {
    const letter = isUuid(documentId)
      ? await tx.findOne(
          PermitDocument,
          { id: documentId, kind: 'letter' },
          { populate: ['permit.holder', 'application.applicant'] },
        )
      : null;
    if (!letter) throw new AppError('NOT_FOUND');
    const town = documentTown(letter);
    requireOwnTown(admin, town);
    if (letter.size === 0) throw new AppError('LETTER_NOT_READY');
    // A letter of no application (ended, moved) of an account a DigiD login made goes where
    // the permit's applications asked its letters to go (docs/rules.md §1 Letters).
    const to =
      letter.permit?.holder?.email ??
      letter.application?.contactEmail ??
      (letter.permit ? await latestContactEmail(tx, letter.permit.id) : null) ??
      letter.application?.applicant.email;
    if (!to) throw new AppError('NOT_FOUND');
    queueLetterMail(tx, letter, { to, resent: true, at: admin.now });
    recordChange(tx, admin, {
      action: 'letter.resent',
      subjectType: letter.permit ? 'permit' : 'permitApplication',
      subjectId: letter.permit?.id ?? letter.application!.id,
      subjectLabel: letter.fileName,
      municipalityId: town,
      before: null,
      after: { letter: letter.id, kind: letter.letterKind, resentAt: admin.now.toISOString() },
    });
    return toPermitLetterDto(letter);
  });
}
