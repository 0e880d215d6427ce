import type { MessageTable } from './message-table.js';

export const rateLimitMessages = {
  RATE_LIMITED: {
    nl: '{minutes, plural, one {Te veel pogingen. Probeer het over # minuut opnieuw.} other {Te veel pogingen. Probeer het over # minuten opnieuw.}}',
    en: '{minutes, plural, one {Too many attempts. Please try again in # minute.} other {Too many attempts. Please try again in # minutes.}}',
  },
  BUSY: {
    nl: 'Het is nu erg druk. Probeer het over een paar seconden opnieuw.',
    en: 'It is very busy right now. Please try again in a few seconds.',
  },
} as const satisfies MessageTable;
