import type { EntityManager } from '@mikro-orm/core';
import { composeMail } from '../mail/mail-composer.js';
import { queueMail } from '../mail/mail-outbox.js';
import type { MailAttachmentRef, MailOutbox } from '../../model/mail-outbox.entity.js';
import type { PermitDocument } from '../../model/permit-document.entity.js';
import type { LetterData } from './letter-request.js';

export interface LetterMailing {
  readonly to: string;
  /** The copy with the PIN, mailed instead of the stored letter and never stored itself. */
  readonly copyWithPin?: Buffer | null;
  /** An admin sends it again (resendLetter). */
  readonly resent?: boolean;
  readonly at: Date;
}

/**
 * Queues the mail of a decision letter, in the letter's language, with the letter attached, in
 * the caller's transaction (docs/architecture.md, letters and documents).
 */
export function queueLetterMail(
  em: EntityManager,
  letter: PermitDocument,
  mailing: LetterMailing,
): MailOutbox {
  const data = letter.letterData as unknown as LetterData;
  const { language } = data;
  const content = composeMail(language, {
    subject: {
      message: 'LETTER_MAIL_SUBJECT',
      values: { kind: letter.letterKind, reference: data.reference },
    },
    body: [
      ...(mailing.resent ? [{ message: 'LETTER_MAIL_RESENT' as const }] : []),
      {
        message: 'LETTER_MAIL_BODY',
        values: { municipalityName: data.town.name, productName: data.product.name },
      },
      ...(mailing.copyWithPin ? [{ message: 'LETTER_MAIL_PIN' as const }] : []),
      { message: 'LETTER_MAIL_IN_APP' },
    ],
  });
  const attachment: MailAttachmentRef = mailing.copyWithPin
    ? {
        fileName: letter.fileName,
        contentType: 'application/pdf',
        content: mailing.copyWithPin.toString('base64'),
      }
    : { documentId: letter.id };
  return queueMail(em, { to: mailing.to, ...content, attachments: [attachment] }, mailing.at);
}
