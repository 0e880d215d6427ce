import type { MessageTable } from './message-table.js';

/** The holder's own plates: favorites (docs/rules.md §7) and the plate switch of a permit (docs/rules.md §6). */
export const favoriteMessages = {
  FAVORITE_NAME_REQUIRED: {
    nl: 'Geef de favoriet een naam.',
    en: 'Give the favorite a name.',
  },
  FAVORITE_NAME_TOO_LONG: {
    nl: 'De naam van een favoriet heeft hoogstens {max} tekens.',
    en: 'The name of a favorite has at most {max} characters.',
  },
  FAVORITE_ALREADY_EXISTS: {
    nl: 'Kenteken {plate} staat al in uw favorieten.',
    en: 'Licence plate {plate} is already one of your favorites.',
  },
  FAVORITE_LIMIT_REACHED: {
    nl: 'U heeft al {max} favorieten. Verwijder er eerst een.',
    en: 'You already have {max} favorites. Delete one first.',
  },
  PLATE_NOT_ON_PERMIT: {
    nl: 'Kenteken {plate} staat niet op deze vergunning.',
    en: 'Licence plate {plate} is not on this permit.',
  },
} as const satisfies MessageTable;
