import type { MessageTable } from './message-table.js';

export const enforcementMessages = {
  RIGHT_CHECK_TIME_OUT_OF_RANGE: {
    nl: 'Een controle kan alleen over de afgelopen {hours} uur gaan, niet over de toekomst.',
    en: 'A check can only be about the past {hours} hours, not about the future.',
  },
} as const satisfies MessageTable;
