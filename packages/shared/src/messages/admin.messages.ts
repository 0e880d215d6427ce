import type { MessageTable } from './message-table.js';

/** The back office's own refusals: settings, zones, tariffs and municipalities. */
export const adminMessages = {
  SETTINGS_INVALID: {
    nl: '{count, plural, one {Niet alle instellingen zijn geldig (# fout); er is niets opgeslagen.} other {Niet alle instellingen zijn geldig (# fouten); er is niets opgeslagen.}}',
    en: '{count, plural, one {Not every setting is valid (# problem); nothing was saved.} other {Not every setting is valid (# problems); nothing was saved.}}',
  },
  SETTING_REQUIRED: {
    nl: 'Vul dit veld in.',
    en: 'Please fill in this field.',
  },
  SETTING_NOT_POSITIVE: {
    nl: 'Dit moet een heel getal groter dan 0 zijn.',
    en: 'This must be a whole number greater than 0.',
  },
  SETTING_NEGATIVE: {
    nl: 'Dit moet een heel getal van 0 of meer zijn.',
    en: 'This must be a whole number of 0 or more.',
  },
  SETTING_OUT_OF_RANGE: {
    nl: 'Dit moet een heel getal van {min} tot en met {max} zijn.',
    en: 'This must be a whole number from {min} to {max}.',
  },
  SETTING_TOO_LARGE: {
    nl: 'Dit is te groot (ten hoogste {max}).',
    en: 'This is too large (at most {max}).',
  },
  SETTING_DUPLICATE_LINE: {
    nl: 'Er staat al een regel voor dezelfde zone, soort houder en datum.',
    en: 'There already is a line for the same zone, holder type and date.',
  },
  SETTING_SESSIONS_STILL_OPEN: {
    nl: 'Er lopen nog of staan nog sessies gepland op dit product; parkeren kan pas worden uitgezet als die zijn afgelopen.',
    en: 'Sessions of this product are still running or planned; parking can only be switched off once they have ended.',
  },
  SETTING_TOO_LONG: {
    nl: 'Dit is te lang (ten hoogste {max} tekens).',
    en: 'This is too long (at most {max} characters).',
  },
  SETTING_CAP_BELOW_BLOCK: {
    nl: 'Het plafond is kleiner dan één blok; er zou nooit iets gekocht kunnen worden.',
    en: 'The cap is smaller than one block, so nothing could ever be bought.',
  },
  SETTING_DEFAULT_END_NEEDS_MAX_DURATION: {
    nl: 'Standaard eindigen na de maximale duur kan alleen met een maximale duur.',
    en: 'Ending after the maximum duration by default needs a maximum duration.',
  },
  SETTING_UNIT_MISMATCH: {
    nl: 'De eenheid van het saldo en die van het opwaarderen moeten gelijk zijn.',
    en: 'The balance unit and the top-up unit must be the same.',
  },
  SETTING_PAST_PRICE_CHANGED: {
    nl: 'Een prijs die al is ingegaan kan niet meer worden gewijzigd; voeg een nieuwe prijs toe vanaf een latere datum.',
    en: 'A price already in effect cannot be changed; add a new price from a later date.',
  },
  SETTING_UNKNOWN_ZONE: {
    nl: 'Deze zone bestaat niet in uw gemeente.',
    en: 'This zone does not exist in your municipality.',
  },
  SETTING_INVALID_CHOICE: {
    nl: 'Deze keuze is niet mogelijk.',
    en: 'This choice is not possible.',
  },
  SETTING_ONE_PER_ADDRESS: {
    nl: 'Van dit product heeft een adres ten hoogste één vergunning; het maximum per adres is 1.',
    en: 'An address holds at most one permit of this product; the maximum per address is 1.',
  },
  ZONE_CODE_TAKEN: {
    nl: 'Er is al een zone met code {code}.',
    en: 'There already is a zone with code {code}.',
  },
  MUNICIPALITY_CODE_TAKEN: {
    nl: 'Er is al een gemeente met code {code}.',
    en: 'There already is a municipality with code {code}.',
  },
  TARIFF_DATE_NOT_IN_FUTURE: {
    nl: 'Een nieuw tarief gaat op zijn vroegst morgen in ({tomorrow}); het verleden houdt zijn prijzen.',
    en: 'A new tariff takes effect tomorrow ({tomorrow}) at the earliest; the past keeps its prices.',
  },
  TARIFF_PERIODS_OVERLAP: {
    nl: 'Deze periode overlapt een ander tarief voor dit product in deze zone.',
    en: 'This period overlaps another tariff for this product in this zone.',
  },
  PERMIT_ZONE_WITHOUT_TARIFF: {
    nl: 'Deze zone heeft nog geen uurtarief voor dit product; stel eerst een tarief in.',
    en: 'This zone has no hourly tariff for this product yet; set a tariff first.',
  },
  TARIFF_NOT_FOR_TIME_BALANCE: {
    nl: 'Dit product heeft een tijdsaldo en dus geen uurtarief.',
    en: 'This product has a time balance, so it has no hourly tariff.',
  },
} as const satisfies MessageTable;
