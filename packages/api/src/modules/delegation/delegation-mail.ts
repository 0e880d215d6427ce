import type { Language } from '@parkeer/shared/language';
import { formatBalance } from '@parkeer/shared/format/balance';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';

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
export function delegationInviteMail(language: Language, invite: DelegationInvite) {
  const amount = formatBalance(invite.amount, invite.unit, language);
  const lines =
    language === 'en'
      ? [
          'Hello,',
          `${invite.ownerEmail} lets you use their ${invite.productName} (${invite.municipality}) with a budget of ${amount}${invite.plate ? ` for the licence plate ${invite.plate}` : ''}.`,
          'Open this link to accept; log in or create an account first:',
          invite.link,
          `The link works once and for ${invite.validDays} days.`,
          'Kind regards,\nParkeer',
        ]
      : [
          'Beste,',
          `${invite.ownerEmail} machtigt u om de ${invite.productName} (${invite.municipality}) te gebruiken met een tegoed van ${amount}${invite.plate ? ` voor het kenteken ${invite.plate}` : ''}.`,
          'Open deze link om de machtiging te accepteren; log eerst in of maak een account aan:',
          invite.link,
          `De link werkt één keer en ${invite.validDays} dagen lang.`,
          'Met vriendelijke groet,\nParkeer',
        ];
  return {
    subject: language === 'en' ? 'You have been given a delegation' : 'U bent gemachtigd',
    text: `${lines.join('\n\n')}\n`,
  };
}
