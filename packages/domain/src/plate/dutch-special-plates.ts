import { dutchSidecodeOf, formatDutchSidecode, type DutchSidecode } from './dutch-sidecodes.js';

export type DutchPlateKind = 'dutch' | 'diplomatic' | 'royal';

export interface DutchPlateMatch {
  readonly kind: DutchPlateKind;
  readonly display: string;
  /** Absent for the short royal and diplomatic plates that follow no sidecode. */
  readonly sidecode?: DutchSidecode;
}

/*
 * Special Dutch plates, and why they are recognised the way they are:
 *
 * - Diplomatic (CD, Corps Diplomatique). Since 1 February 1991 the RDW issues them inside the
 *   sidecode system: CD on sidecode 1 from CD-10-00 (the old yellow CD-999 plates became
 *   CD-09-99) and CD on sidecode 3 from 00-CD-01. Those already fit a sidecode; they are labelled
 *   diplomatic when their first letter group is CD, which also covers CD on a later sidecode should
 *   the RDW move the series on. The International Court of Justice kept its own group (CDJ), and
 *   the regulation still names other "CD-letter" groups (CD-A, CD-N), historically CD-J-99. Those
 *   short plates are accepted as CD + up to three letters + one to four digits (CD-J-12, CD-123,
 *   CD-ABC-1) and shown with a dash after CD, as CD-J-99 was.
 * - Royal house (AA): AA followed by a sequence number, e.g. AA-12. Accepted as AA + one to three
 *   digits; an AA plate in a sidecode shape is labelled royal too.
 *
 * The kind is a label for display and statistics; it never changes what a permit allows.
 * Deliberately not recognised: one-off series for summits (NSS-12, NL-EU16, a country code + a
 * number), which lasted days and were never parked on a visitor permit.
 */
const royal = /^AA(\d{1,3})$/;
const diplomatic = /^CD([A-Z]{0,3})(\d{1,4})$/;

function kindOfSidecodePlate(normalised: string): DutchPlateKind {
  const firstLetterGroup = /[A-Z]+/.exec(normalised)?.[0] ?? '';
  if (firstLetterGroup.startsWith('CD')) return 'diplomatic';
  if (firstLetterGroup === 'AA') return 'royal';
  return 'dutch';
}

/** Recognises a normalised Dutch plate (a sidecode, or a short royal or diplomatic plate). */
export function matchDutchPlate(normalised: string): DutchPlateMatch | undefined {
  const sidecode = dutchSidecodeOf(normalised);
  if (sidecode !== undefined) {
    return {
      kind: kindOfSidecodePlate(normalised),
      display: formatDutchSidecode(normalised, sidecode),
      sidecode,
    };
  }
  const royalNumber = royal.exec(normalised)?.[1];
  if (royalNumber !== undefined) return { kind: 'royal', display: `AA-${royalNumber}` };
  const diplomaticParts = diplomatic.exec(normalised);
  if (diplomaticParts) {
    const [, letters, digits] = diplomaticParts;
    const display = ['CD', letters, digits].filter((part) => part !== '').join('-');
    return { kind: 'diplomatic', display };
  }
  return undefined;
}
