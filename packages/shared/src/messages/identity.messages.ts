import type { MessageTable } from './message-table.js';

/** Logging in with DigiD or eHerkenning through the town's identity broker. */
export const identityMessages = {
  IDENTITY_PROVIDER_UNAVAILABLE: {
    nl: 'Inloggen op deze manier kan hier nu niet. Probeer het later opnieuw of log in met uw e-mailadres.',
    en: 'Logging in this way is not possible here right now. Try again later or log in with your e-mail address.',
  },
  IDENTITY_LOGIN_CANCELLED: {
    nl: 'Het inloggen is afgebroken. Er is niets veranderd.',
    en: 'Logging in was cancelled. Nothing has changed.',
  },
  IDENTITY_LOGIN_EXPIRED: {
    nl: 'Het inloggen duurde te lang of is al afgerond. Begin opnieuw.',
    en: 'Logging in took too long or was already completed. Please start again.',
  },
  IDENTITY_LOGIN_FAILED: {
    nl: 'Het inloggen is niet gelukt: het antwoord van de inlogdienst klopt niet. Begin opnieuw.',
    en: 'Logging in failed: the answer of the login service is not valid. Please start again.',
  },
  IDENTITY_ASSURANCE_TOO_LOW: {
    nl: 'Het betrouwbaarheidsniveau van dit inlogmiddel is te laag voor deze gemeente. Log in met een middel van een hoger niveau.',
    en: "This login means' level of assurance is too low for this municipality. Log in with a means of a higher level.",
  },
  IDENTITY_CLAIM_MISSING: {
    nl: 'De inlogdienst gaf niet door wie u bent. Neem contact op met de gemeente.',
    en: 'The login service did not say who you are. Please contact the municipality.',
  },
  IDENTITY_ALREADY_LINKED: {
    nl: 'Deze DigiD of eHerkenning hoort al bij een ander account.',
    en: 'This DigiD or eHerkenning already belongs to another account.',
  },
  IDENTITY_LINK_NOT_ALLOWED: {
    nl: 'Dit account kan niet aan deze manier van inloggen worden gekoppeld.',
    en: 'This account cannot be linked to this way of logging in.',
  },
  IDENTITY_LINK_NOT_FOUND: {
    nl: 'Er is geen koppeling om los te maken.',
    en: 'There is no link to remove.',
  },
  IDENTITY_UNLINK_LAST_LOGIN: {
    nl: 'Stel eerst een e-mailadres en wachtwoord in; anders kunt u niet meer inloggen.',
    en: 'Set an e-mail address and password first; otherwise you could no longer log in.',
  },
} as const satisfies MessageTable;
