import type { EntityManager } from '@mikro-orm/core';
import { Municipality } from '../../model/municipality.entity.js';
import { PermitDocument } from '../../model/permit-document.entity.js';
import { queueLetterMail } from './letter-mail.js';
import { letterLogo } from './letter-logo.js';
import { renderLetterPdf } from './letter-pdf.js';
import type { LetterData } from './letter-request.js';

/**
 * The `renderLetter` job: prints a letter whose printing failed in its decision's transaction,
 * stores it and queues its mail, in one transaction. Idempotent: a letter that has its file is
 * done, so a repeat (a worker that lost its lease after committing) prints and mails nothing.
 */
export async function renderPendingLetter(em: EntityManager, documentId: string): Promise<void> {
  await em.transactional(async (tx) => {
    const letter = await tx.findOne(
      PermitDocument,
      { id: documentId, kind: 'letter' },
      { fields: ['*', 'content'] },
    );
    if (!letter || letter.content || !letter.letterKind || !letter.letterData) return;
    const { mailTo, ...stated } = letter.letterData as Record<string, unknown>;
    const data = stated as unknown as LetterData;
    const town = letter.municipality
      ? await tx.findOne(Municipality, { id: letter.municipality.id }, { fields: ['timeZone'] })
      : null;
    const content = renderLetterPdf({
      kind: letter.letterKind,
      data,
      at: letter.createdAt,
      timeZone: town?.timeZone ?? 'Europe/Amsterdam',
      logo: letterLogo(data.town.logoUrl),
    });
    letter.content = content;
    letter.size = content.length;
    // The address was kept only for this mail.
    letter.letterData = { ...stated };
    if (typeof mailTo === 'string')
      queueLetterMail(tx, letter, { to: mailTo, at: letter.createdAt });
  });
}
