import type { MessageTable } from './message-table.js';

export const regimeMessages = {
  REGIME_TIME_OUT_OF_RANGE: {
    nl: 'Een tijd moet tussen 00:00 en 24:00 liggen.',
    en: 'A time must lie between 00:00 and 24:00.',
  },
  REGIME_WINDOW_ENDS_BEFORE_START: {
    nl: 'Een tijdvak moet eindigen na het begin.',
    en: 'A time window must end after it starts.',
  },
  REGIME_WINDOWS_OVERLAP: {
    nl: 'Tijdvakken op dezelfde dag mogen elkaar niet overlappen.',
    en: 'Time windows on the same day must not overlap.',
  },
  REGIME_INVALID_WEEKDAY: {
    nl: 'Een weekdag moet tussen 1 (maandag) en 7 (zondag) liggen.',
    en: 'A weekday must lie between 1 (Monday) and 7 (Sunday).',
  },
  REGIME_INVALID_DATE: {
    nl: 'Deze datum bestaat niet.',
    en: 'This date does not exist.',
  },
  REGIME_DUPLICATE_EXCEPTION: {
    nl: 'Voor deze datum is al een uitzondering ingesteld.',
    en: 'This date already has an exception.',
  },
} as const satisfies MessageTable;
