import type { MessageTable } from './message-table.js';

export const linkMessages = {
  LINK_INVALID: {
    nl: 'Deze link is niet geldig. Controleer of u de hele link uit de e-mail heeft gebruikt.',
    en: 'This link is not valid. Check that you used the whole link from the e-mail.',
  },
  LINK_EXPIRED: {
    nl: 'Deze link is verlopen. Vraag een nieuwe aan.',
    en: 'This link has expired. Please request a new one.',
  },
  LINK_ALREADY_USED: {
    nl: 'Deze link is al gebruikt en werkt maar één keer.',
    en: 'This link has already been used and works only once.',
  },
} as const satisfies MessageTable;
