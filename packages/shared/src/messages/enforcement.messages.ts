import type { MessageTable } from './message-table.js';

export const enforcementMessages = {
  RIGHT_CHECK_TIME_OUT_OF_RANGE: {
    nl: '{hours, plural, one {Een controle kan alleen over de afgelopen # uur gaan, niet over de toekomst.} other {Een controle kan alleen over de afgelopen # uur gaan, niet over de toekomst.}}',
    en: '{hours, plural, one {A check can only be about the past # hour, not about the future.} other {A check can only be about the past # hours, not about the future.}}',
  },
} as const satisfies MessageTable;
