import type { MessageTable } from './message-table.js';

export const commonMessages = {
  BAD_USER_INPUT: {
    nl: 'De invoer is niet geldig.',
    en: 'The input is not valid.',
  },
  UNAUTHENTICATED: {
    nl: 'U bent niet ingelogd.',
    en: 'You are not logged in.',
  },
  FORBIDDEN: {
    nl: 'U heeft geen toegang tot deze gegevens.',
    en: 'You do not have access to this.',
  },
  NOT_FOUND: {
    nl: 'Niet gevonden.',
    en: 'Not found.',
  },
  INTERNAL_ERROR: {
    nl: 'Er ging iets mis. Probeer het later opnieuw.',
    en: 'Something went wrong. Please try again later.',
  },
  /** The web app's own: the server did not answer at all. */
  NETWORK_ERROR: {
    nl: 'Geen verbinding met de server. Controleer uw internet en probeer het opnieuw.',
    en: 'No connection to the server. Check your internet connection and try again.',
  },
} as const satisfies MessageTable;
