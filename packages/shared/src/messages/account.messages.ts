import type { MessageTable } from './message-table.js';

export const accountMessages = {
  LOGIN_FAILED: {
    nl: 'Het e-mailadres of het wachtwoord klopt niet.',
    en: 'The e-mail address or the password is not correct.',
  },
} as const satisfies MessageTable;
