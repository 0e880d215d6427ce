import type { MessageTable } from './message-table.js';

export const enforcementMessages = {
  RIGHT_CHECK_TIME_OUT_OF_RANGE: {
    nl: '{hours, plural, one {Een controle kan alleen over de afgelopen # uur gaan, niet over de toekomst.} other {Een controle kan alleen over de afgelopen # uur gaan, niet over de toekomst.}}',
    en: '{hours, plural, one {A check can only be about the past # hour, not about the future.} other {A check can only be about the past # hours, not about the future.}}',
  },
  RIGHT_CHECK_BATCH_TOO_LARGE: {
    nl: 'Hoogstens {max} per reeks.',
    en: 'At most {max} per batch.',
  },
  RIGHT_CHECK_PLACE_MISSING: {
    nl: 'Een zone of een positie, niet allebei.',
    en: 'A zone or a position, not both.',
  },
  RIGHT_CHECK_POSITION_OUTSIDE_ZONES: {
    nl: 'Deze positie ligt in geen zone.',
    en: 'This position is in no zone.',
  },
  FINE_REFERENCE_INVALID: {
    nl: 'Boetenummer: 1–40 letters, cijfers, streepjes.',
    en: 'Fine number: 1–40 letters, digits, dashes.',
  },
  FINE_ON_VALID_CHECK: {
    nl: 'Geen boete: er was een recht of storing.',
    en: 'No fine: there was a right or an outage.',
  },
  FINE_ALREADY_RECORDED: {
    nl: 'Er is al een ander boetenummer.',
    en: 'There is another fine number already.',
  },
} as const satisfies MessageTable;
