import type { MessageTable } from './message-table.js';

export const sessionMessages = {
  SESSION_START_IN_PAST: {
    nl: 'De starttijd ligt in het verleden.',
    en: 'The start time is in the past.',
  },
  SESSION_END_NOT_AFTER_START: {
    nl: 'De eindtijd moet na de starttijd liggen.',
    en: 'The end time must be after the start time.',
  },
  SESSION_END_IN_PAST: {
    nl: 'De eindtijd ligt in het verleden.',
    en: 'The end time is in the past.',
  },
  SESSION_ALREADY_ENDED: {
    nl: 'Deze parkeeractie is al afgelopen en kan niet meer worden verlengd.',
    en: 'This session has already ended and can no longer be extended.',
  },
  SESSION_PLATE_NOT_ALLOWED: {
    nl: 'Met deze machtiging mag u alleen voor het opgegeven kenteken parkeren.',
    en: 'This delegation only allows parking for its own licence plate.',
  },
  SESSION_PERMIT_NOT_YET_VALID: {
    nl: 'Uw vergunning is op dat moment nog niet geldig.',
    en: 'Your permit is not valid yet at that time.',
  },
  SESSION_PERMIT_EXPIRED: {
    nl: 'Uw vergunning is op dat moment niet meer geldig.',
    en: 'Your permit is no longer valid at that time.',
  },
  SESSION_NOT_VALID_ON_DAY: {
    nl: 'Dit product is op deze dag niet geldig.',
    en: 'This product is not valid on that day.',
  },
  SESSION_NOT_VALID_UNTIL_END: {
    nl: 'Dit product is niet geldig tot de gekozen eindtijd.',
    en: 'This product is not valid until the chosen end time.',
  },
  SESSION_PAST_END_OF_DAY: {
    nl: 'Op dit product mag u alleen parkeren tot het einde van de dag.',
    en: 'This product only allows parking until the end of the day.',
  },
  SESSION_PAST_END_OF_PAID_HOURS: {
    nl: 'Op dit product stopt parkeren als het betaald parkeren die dag eindigt.',
    en: 'On this product parking stops when paid parking ends that day.',
  },
  SESSION_OVER_MAX_DURATION: {
    nl: '{maxMinutes, plural, one {Uw bezoek mag maximaal # minuut parkeren.} other {Uw bezoek mag maximaal # minuten parkeren.}}',
    en: '{maxMinutes, plural, one {Your visitor may park for at most # minute.} other {Your visitor may park for at most # minutes.}}',
  },
  SESSION_PLATE_ALREADY_PARKED: {
    nl: 'Voor dit kenteken loopt of staat al een parkeeractie in die tijd.',
    en: 'This licence plate already has a session at that time.',
  },
  SESSION_MAX_CONCURRENT_REACHED: {
    nl: 'Het maximum van {max} gelijktijdige parkeeracties is bereikt.',
    en: 'The maximum of {max} sessions at the same time has been reached.',
  },
  SESSION_INSUFFICIENT_BALANCE: {
    nl: 'Uw saldo is niet toereikend voor deze parkeeractie.',
    en: 'Your balance is not enough for this session.',
  },
  SESSION_NOT_RUNNING: {
    nl: 'Deze parkeeractie is nog niet begonnen; verwijder hem in plaats van te stoppen.',
    en: 'This session has not started yet; delete it instead of stopping it.',
  },
  SESSION_ALREADY_STARTED: {
    nl: 'Deze parkeeractie is al begonnen en kan niet meer worden verwijderd; stop hem.',
    en: 'This session has already started and can no longer be deleted; stop it instead.',
  },
  SESSION_NOT_AVAILABLE: {
    nl: 'Met dit product kunt u geen parkeeracties starten.',
    en: 'This product cannot be used to start sessions.',
  },
} as const satisfies MessageTable;
