import type { Language } from '@parkeer/shared/language';
import { composeMail, type MailContent } from './mail-composer.js';

export function passwordResetMail(
  language: Language,
  { link, validMinutes }: { link: string; validMinutes: number },
): MailContent {
  return composeMail(language, {
    subject: { message: 'PASSWORD_RESET_SUBJECT' },
    body: [
      { message: 'PASSWORD_RESET_OPEN_LINK' },
      { link },
      { message: 'MAIL_LINK_VALID_MINUTES', values: { minutes: validMinutes } },
      { message: 'PASSWORD_RESET_NOT_ASKED' },
    ],
  });
}

export interface CouplingMailFacts {
  readonly link: string;
  readonly productName: string;
  readonly municipalityName: string;
  readonly addressLabel: string;
  readonly validDays: number;
  /** An existing account confirms with its password; a new one chooses a password. */
  readonly accountExists: boolean;
}

export function couplingLinkMail(language: Language, facts: CouplingMailFacts): MailContent {
  const { link, productName, municipalityName, addressLabel, validDays, accountExists } = facts;
  return composeMail(language, {
    subject: { message: 'COUPLING_SUBJECT', values: { productName } },
    body: [
      { message: 'COUPLING_OPEN_LINK', values: { municipalityName, productName, addressLabel } },
      { link },
      { message: accountExists ? 'COUPLING_CONFIRM_WITH_PASSWORD' : 'COUPLING_CHOOSE_PASSWORD' },
      { message: 'MAIL_LINK_VALID_DAYS', values: { days: validDays } },
    ],
  });
}
