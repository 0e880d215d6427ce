import type { MessageTable } from './message-table.js';

/** Input the API refuses before any feature sees it, and the enforcement towns' scope. */
export const inputMessages = {
  DATE_OUT_OF_RANGE: {
    nl: 'Een datum moet tussen de jaren {min} en {max} liggen.',
    en: 'A date must lie between the years {min} and {max}.',
  },
  ENFORCEMENT_TOWN_NOT_ASSIGNED: {
    nl: 'Dit handhavingsaccount mag niet controleren in gemeente {municipality}.',
    en: 'This enforcement account may not check in municipality {municipality}.',
  },
} as const satisfies MessageTable;
