import type { MessageTable } from './message-table.js';

/** The municipal desk (docs/rules.md §5, "The municipal desk"). */
export const deskMessages = {
  DESK_REGISTRATION_WRONG: {
    nl: 'Het registratienummer of de pincode klopt niet. Vraag de beller beide nog eens na in de brief van de vergunning.',
    en: 'The registration number or the PIN is not correct. Ask the caller to read both again from the permit’s letter.',
  },
  DESK_TRIES_BLOCKED: {
    nl: 'Te veel foute pogingen voor deze vergunning of vanaf uw account. Probeer het later opnieuw.',
    en: 'Too many wrong attempts for this permit or from your account. Please try again later.',
  },
  DESK_GRANT_ENDED: {
    nl: 'Deze vergunning is niet meer open aan de balie (na 15 minuten of na ‘Gesprek klaar’). Vraag opnieuw het registratienummer en de pincode.',
    en: 'This permit is no longer open at the desk (after 15 minutes or after ‘Call done’). Ask for the registration number and the PIN again.',
  },
} as const satisfies MessageTable;
