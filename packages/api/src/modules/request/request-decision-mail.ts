import type { EntityManager } from '@mikro-orm/core';
import { formatBalance } from '@parkeer/shared/format/balance';
import type { Language } from '@parkeer/shared/language';
import type { Account } from '../../model/account.entity.js';
import { queueMail } from '../mail/mail-outbox.js';

export type DecidedRequest =
  | { readonly kind: 'fineWaiver'; readonly fineReference: string }
  | { readonly kind: 'careHours'; readonly minutes: number };

function subjectOf(language: Language, approved: boolean): string {
  if (language === 'en') return approved ? 'Your request was granted' : 'Your request was refused';
  return approved ? 'Uw aanvraag is toegekend' : 'Uw aanvraag is afgewezen';
}

function whatOf(language: Language, request: DecidedRequest): string {
  if (request.kind === 'fineWaiver') {
    return language === 'en'
      ? `your request to waive fine ${request.fineReference}`
      : `uw verzoek om kwijtschelding van boete ${request.fineReference}`;
  }
  const hours = formatBalance(request.minutes, 'minutes', language);
  return language === 'en'
    ? `your request for ${hours} of informal-care time`
    : `uw aanvraag voor ${hours} mantelzorguren`;
}

/** The decision's text: what was asked, granted or refused, and the town's reason. */
export function requestDecisionMail(
  language: Language,
  request: DecidedRequest,
  approved: boolean,
  reason: string,
) {
  const what = whatOf(language, request);
  const lines =
    language === 'en'
      ? [
          'Hello,',
          `The municipality has ${approved ? 'granted' : 'refused'} ${what}.`,
          `Reason: ${reason}`,
          'You also find the decision in the app, under Requests.',
          'Kind regards,\nParkeer',
        ]
      : [
          'Beste,',
          `De gemeente heeft ${what} ${approved ? 'toegekend' : 'afgewezen'}.`,
          `Reden: ${reason}`,
          'U vindt de beslissing ook in de app, onder Aanvragen.',
          'Met vriendelijke groet,\nParkeer',
        ];
  return { subject: subjectOf(language, approved), text: `${lines.join('\n\n')}\n` };
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
  const mail = requestDecisionMail(holder.language, request, approved, reason);
  queueMail(tx, { to: holder.email, ...mail }, now);
}
