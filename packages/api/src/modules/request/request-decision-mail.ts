import type { EntityManager } from '@mikro-orm/core';
import { formatBalance } from '@parkeer/shared/format/balance';
import type { Language } from '@parkeer/shared/language';
import type { Account } from '../../model/account.entity.js';
import { composeMail, type MailContent } from '../mail/mail-composer.js';
import { queueMail } from '../mail/mail-outbox.js';

export type DecidedRequest =
  | { readonly kind: 'fineWaiver'; readonly fineReference: string }
  | { readonly kind: 'careHours'; readonly minutes: number };

type Decision = 'approved' | 'refused';

/** What was asked, in the words of the decision's message. */
function decisionParagraph(language: Language, request: DecidedRequest, decision: Decision) {
  if (request.kind === 'fineWaiver') {
    return {
      message: 'FINE_WAIVER_DECISION',
      values: { decision, fineReference: request.fineReference },
    } as const;
  }
  const duration = formatBalance(request.minutes, 'minutes', language);
  return { message: 'CARE_HOURS_DECISION', values: { decision, duration } } as const;
}

/** The decision's text: what was asked, granted or refused, and the town's reason. */
export function requestDecisionMail(
  language: Language,
  request: DecidedRequest,
  approved: boolean,
  reason: string,
): MailContent {
  const decision: Decision = approved ? 'approved' : 'refused';
  return composeMail(language, {
    subject: { message: 'REQUEST_DECISION_SUBJECT', values: { decision } },
    body: [
      decisionParagraph(language, request, decision),
      { message: 'REQUEST_DECISION_REASON', values: { reason } },
      { message: 'REQUEST_DECISION_IN_APP' },
    ],
  });
}

/**
 * Tells the holder who filed a request how it was decided, in their language; queued in the
 * decision's own transaction, so a decision that rolls back sends nothing.
 */
export function queueDecisionMail(
  tx: EntityManager,
  holder: Account,
  request: DecidedRequest,
  approved: boolean,
  reason: string,
  now: Date,
): void {
  // An account made by a DigiD login may have no address yet: the decision is in the app.
  if (!holder.email) return;
  const mail = requestDecisionMail(holder.language, request, approved, reason);
  queueMail(tx, { to: holder.email, ...mail }, now);
}
