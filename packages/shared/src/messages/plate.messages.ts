import type { MessageTable } from './message-table.js';

/** Why a licence plate was not accepted (docs/rules.md §5; rules in packages/domain/src/plate). */
export const plateMessages = {
  PLATE_EMPTY: {
    nl: 'Vul een kenteken in.',
    en: 'Enter a licence plate.',
  },
  PLATE_INVALID_CHARACTERS: {
    nl: 'Een kenteken bestaat alleen uit letters en cijfers. Haal dit weg: {characters}',
    en: 'A licence plate has only letters and digits. Remove: {characters}',
  },
  PLATE_TOO_LONG: {
    nl: 'Een kenteken heeft hoogstens {max} letters en cijfers.',
    en: 'A licence plate has at most {max} letters and digits.',
  },
  PLATE_NOT_DUTCH: {
    nl: '{plate} is geen Nederlands kenteken. Controleer het kenteken, of kies het land als het een buitenlands kenteken is.',
    en: '{plate} is not a Dutch licence plate. Check it, or choose the country if it is a foreign plate.',
  },
  PLATE_INVALID_COUNTRY: {
    nl: '{country} is geen bekende landcode. Kies het land van het kenteken uit de lijst.',
    en: '{country} is not a known country code. Choose the country of the plate from the list.',
  },
} as const satisfies MessageTable;
