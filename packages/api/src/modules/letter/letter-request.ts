import { wrap, type EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { Municipality } from '../../model/municipality.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { PermitApplication } from '../../model/permit-application.entity.js';
import { PermitDocument, type LetterKind } from '../../model/permit-document.entity.js';
import { Account } from '../../model/account.entity.js';
import { ScheduledJob } from '../../model/scheduled-job.entity.js';
import { logger } from '../../logging/logger.js';
import { queueLetterMail } from './letter-mail.js';
import { letterLogo } from './letter-logo.js';
import { letterFileName, renderLetterPdf } from './letter-pdf.js';

/** What a decision letter states: fixed when the decision is made (docs/rules.md §6, letters). */
export interface LetterData {
  readonly language: Language;
  readonly town: { readonly name: string; readonly logoUrl: string | null };
  /** The holder's name where known (never a citizen service number) and the address. */
  readonly recipient: { readonly name: string | null; readonly addressLabel: string };
  readonly product: { readonly name: string; readonly kind: string };
  readonly zone: { readonly code: string; readonly name: string } | null;
  /** As shown to people (formatted), the active plate first. */
  readonly plates: readonly string[];
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly amounts: {
    readonly priceCents: number;
    readonly feeCents: number;
    readonly totalCents: number;
    /** Paid back with this decision (an early end, a refusal). */
    readonly refundCents: number | null;
  };
  /** A visitor permit's product code, on the letter with its PIN. */
  readonly productCode: string | null;
  /** The official's reason (a refusal, a decision after review). */
  readonly reason: string | null;
  /** The application's reference, for questions to the town. */
  readonly reference: string;
}

export interface LetterRequest {
  readonly kind: LetterKind;
  readonly municipalityId: string;
  readonly permitId: string | null;
  readonly applicationId: string | null;
  readonly data: LetterData;
  /** A visitor permit's PIN, known only while its permit is made: printed, never stored. */
  readonly pin?: string | null;
  /** Mailed with the letter attached when set. */
  readonly mailTo: string | null;
  readonly createdById: string | null;
  readonly at: Date;
}

/** Every Dutch town's clock; a town entity not loaded in the caller's unit of work has it too. */
const dutchTime = 'Europe/Amsterdam';

/** What `print` made, or null (logged) when it threw. */
function printOrNull<T>(documentId: string, print: () => T): T | null {
  try {
    return print();
  } catch (error) {
    logger.error(
      { err: error, document: documentId },
      'letter not printed: left to the work queue',
    );
    return null;
  }
}

/**
 * Records a decision letter in the caller's transaction, so a letter exists exactly when its
 * decision committed, and makes it there too: the PDF is printed in memory (some 30 ms, no network)
 * and stored with the row, and when `mailTo` is set its mail is queued with it attached. A
 * visitor permit's PIN is printed only on the mailed copy, which the outbox holds until it is
 * sent; the stored copy says where the PIN is (docs/security.md, "Letters and documents").
 *
 * Should printing fail, the decision still stands: the row is kept without its file and a
 * `renderLetter` job prints (and mails) it from `letterData`, retried like all queued work, so
 * the letter is never lost. Such a late copy cannot carry the PIN.
 */
export function requestLetter(tx: EntityManager, request: LetterRequest): PermitDocument {
  const { kind, data, at } = request;
  const town = tx.getReference(Municipality, request.municipalityId);
  const letter = tx.create(PermitDocument, {
    municipality: town,
    permit: request.permitId ? tx.getReference(Permit, request.permitId) : null,
    application: request.applicationId
      ? tx.getReference(PermitApplication, request.applicationId)
      : null,
    kind: 'letter',
    letterKind: kind,
    fileName: letterFileName(kind, data),
    contentType: 'application/pdf',
    content: null,
    letterData: { ...data },
    createdBy: request.createdById ? tx.getReference(Account, request.createdById) : null,
    createdAt: at,
  });
  const timeZone = wrap(town).isInitialized() ? town.timeZone : dutchTime;
  const printed = printOrNull(letter.id, () => {
    const logo = letterLogo(data.town.logoUrl);
    return {
      content: renderLetterPdf({ kind, data, at, timeZone, logo }),
      copyWithPin:
        request.pin && request.mailTo && data.productCode
          ? renderLetterPdf({ kind, data, at, timeZone, logo, pin: request.pin })
          : null,
    };
  });
  if (!printed) {
    letter.letterData = { ...data, ...(request.mailTo ? { mailTo: request.mailTo } : {}) };
    tx.create(ScheduledJob, { kind: 'renderLetter', subject: letter.id, runAt: at });
    return letter;
  }
  letter.content = printed.content;
  letter.size = printed.content.length;
  if (request.mailTo) {
    queueLetterMail(tx, letter, { to: request.mailTo, copyWithPin: printed.copyWithPin, at });
  }
  return letter;
}
