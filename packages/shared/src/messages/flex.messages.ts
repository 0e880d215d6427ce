import type { MessageTable } from './message-table.js';

/** The flexible business permit's list of plates and daily registration (docs/rules.md §5). */
export const flexMessages = {
  FLEX_PLATE_NAME_REQUIRED: {
    nl: 'Geef het kenteken een naam, bijvoorbeeld van de medewerker.',
    en: 'Give the plate a name, for example the employee’s.',
  },
  FLEX_PLATE_NAME_TOO_LONG: {
    nl: 'Een naam heeft hoogstens {max} tekens.',
    en: 'A name has at most {max} characters.',
  },
  FLEX_PLATE_ALREADY_LISTED: {
    nl: 'Kenteken {plate} staat al op de lijst van deze vergunning.',
    en: 'Licence plate {plate} is already on this permit’s list.',
  },
  FLEX_PLATE_LIMIT_REACHED: {
    nl: 'Op deze vergunning staan al {max} kentekens, het maximum van de gemeente. Verwijder er eerst een.',
    en: 'This permit already lists {max} plates, the town’s maximum. Remove one first.',
  },
  FLEX_PLATE_NOT_LISTED: {
    nl: 'Kenteken {plate} staat niet op de lijst van deze vergunning.',
    en: 'Licence plate {plate} is not on this permit’s list.',
  },
  FLEX_PLATE_ALREADY_REGISTERED: {
    nl: 'Kenteken {plate} is vandaag al aangemeld.',
    en: 'Licence plate {plate} is already registered today.',
  },
  FLEX_NO_PAID_HOURS_LEFT_TODAY: {
    nl: 'Vandaag is er geen betaald parkeren meer in deze zone; aanmelden is niet nodig. Meld morgen opnieuw aan.',
    en: 'Paid parking in this zone is over for today; no registration is needed. Register again tomorrow.',
  },
  FLEX_NOT_A_FLEXIBLE_PERMIT: {
    nl: 'Dit is geen flexibele bedrijfsvergunning.',
    en: 'This is not a flexible business permit.',
  },
} as const satisfies MessageTable;
