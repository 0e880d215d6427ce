import type { MessageTable } from './message-table.js';

// "min." reads right for 1 and for 10, in both languages: the catalogue has no plural forms.
export const rateLimitMessages = {
  RATE_LIMITED: {
    nl: 'Te veel pogingen. Probeer het over {minutes} min. opnieuw.',
    en: 'Too many attempts. Please try again in {minutes} min.',
  },
  BUSY: {
    nl: 'Het is nu erg druk. Probeer het over een paar seconden opnieuw.',
    en: 'It is very busy right now. Please try again in a few seconds.',
  },
} as const satisfies MessageTable;
