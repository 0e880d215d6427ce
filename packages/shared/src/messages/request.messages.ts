import type { MessageTable } from './message-table.js';

/**
 * Requests (filed by a holder or at the counter): goodwill fine waivers, informal-care hours and
 * outage compensation. Care grants and the
 * waiver's limits are the domain's codes (top-up and eligibility messages).
 */
export const requestMessages = {
  REQUEST_DATE_INVALID: {
    nl: 'Vul een bestaande datum in als JJJJ-MM-DD.',
    en: 'Enter an existing date as YYYY-MM-DD.',
  },
  FINE_WAIVER_REQUEST_IN_FUTURE: {
    nl: 'De datum van het verzoek ligt in de toekomst.',
    en: 'The date of the request lies in the future.',
  },
  FINE_WAIVER_NOT_VISITOR_PERMIT: {
    nl: 'De coulanceregeling geldt alleen voor houders van een bezoekersvergunning.',
    en: 'The goodwill scheme is only for holders of a visitor permit.',
  },
  FINE_WAIVER_ALREADY_DECIDED: {
    nl: 'Over dit verzoek is al beslist; een beslissing wordt niet overschreven.',
    en: 'This request has already been decided; a decision is not overwritten.',
  },
  CARE_REQUEST_ALREADY_DECIDED: {
    nl: 'Over deze aanvraag voor mantelzorguren is al beslist; een beslissing wordt niet overschreven.',
    en: 'This request for informal-care hours has already been decided; a decision is not overwritten.',
  },
  OUTAGE_WINDOW_ENDS_BEFORE_START: {
    nl: 'Het einde van de storing moet na het begin liggen.',
    en: 'The end of the outage must be after its start.',
  },
  OUTAGE_WINDOW_IN_FUTURE: {
    nl: 'Een storing kan pas worden gecompenseerd als ze voorbij is.',
    en: 'An outage can only be compensated once it is over.',
  },
  OUTAGE_WINDOW_TOO_LONG: {
    nl: '{maxDays, plural, one {Een storing van meer dan # dag kan niet in één keer worden gecompenseerd.} other {Een storing van meer dan # dagen kan niet in één keer worden gecompenseerd.}}',
    en: '{maxDays, plural, one {An outage of more than # day cannot be compensated at once.} other {An outage of more than # days cannot be compensated at once.}}',
  },
  OUTAGE_WINDOW_OVERLAPS: {
    nl: 'Deze zone is voor een deel van deze tijd al gecompenseerd ({from} tot {until}); minuten worden maar één keer vergoed.',
    en: 'This zone has already been compensated for part of this time ({from} to {until}); minutes are credited only once.',
  },
} as const satisfies MessageTable;
