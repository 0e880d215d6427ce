import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { formatBalance } from '@parkeer/shared/format/balance';
import type { Language } from '@parkeer/shared/language';
import { composeMail, type MailContent } from '../mail/mail-composer.js';

export interface DelegationInvite {
  readonly ownerEmail: string;
  readonly productName: string;
  readonly municipality: string;
  readonly amount: number;
  readonly unit: BalanceUnit;
  readonly plate: string | null;
  readonly link: string;
  readonly validDays: number;
}

/** The invitation a delegate receives: who lends what, and the link to accept it. */
export function delegationInviteMail(language: Language, invite: DelegationInvite): MailContent {
  const { ownerEmail, productName, municipality, plate, link, validDays } = invite;
  const amount = formatBalance(invite.amount, invite.unit, language);
  return composeMail(language, {
    subject: { message: 'DELEGATION_INVITE_SUBJECT' },
    body: [
      plate
        ? {
            message: 'DELEGATION_INVITE_BUDGET_FOR_PLATE',
            values: { ownerEmail, productName, municipality, amount, plate },
          }
        : {
            message: 'DELEGATION_INVITE_BUDGET',
            values: { ownerEmail, productName, municipality, amount },
          },
      { message: 'DELEGATION_INVITE_OPEN_LINK' },
      { link },
      { message: 'MAIL_LINK_VALID_DAYS', values: { days: validDays } },
    ],
  });
}
