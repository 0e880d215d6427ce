/**
 * The shapes of Dutch licence plates since 1951 ("sidecodes", RDW). L is a letter, D a digit; the
 * dashes are where the plate shows them. 1–11 have been issued; 12–14 are the RDW's announced next
 * series, recognised now so the platform keeps working the day they appear.
 *
 * Only the shape is checked, never which letters occur. The RDW's letter rules (no vowels since
 * sidecode 4, no C or Q, no GVD/KKK/…, B and V for vans, M for motorcycles, D/F for mopeds, …) have
 * changed per series and have exceptions on the road today (oldtimer imports on sidecode 1, royal
 * AA, diplomatic CD, trailers with O). Rejecting a plate that exists is far worse for a visitor than
 * accepting one that does not, so every letter A–Z is allowed in every letter position.
 */
export const dutchSidecodes = {
  1: 'LL-DD-DD',
  2: 'DD-DD-LL',
  3: 'DD-LL-DD',
  4: 'LL-DD-LL',
  5: 'LL-LL-DD',
  6: 'DD-LL-LL',
  7: 'DD-LLL-D',
  8: 'D-LLL-DD',
  9: 'LL-DDD-L',
  10: 'L-DDD-LL',
  11: 'LLL-DD-L',
  12: 'L-DD-LLL',
  13: 'D-LL-DDD',
  14: 'DDD-LL-D',
} as const;

export type DutchSidecode = keyof typeof dutchSidecodes;

/** The letter/digit shape of a normalised plate: `XX999X` → `LLDDDL`; other characters stay `?`. */
function shapeOf(normalised: string): string {
  return normalised.replace(/[A-Z]/g, 'L').replace(/[0-9]/g, 'D').replace(/[^LD]/g, '?');
}

// Every sidecode has a different shape, so one lookup identifies it (enforcement calls this often).
const sidecodeByShape = new Map<string, DutchSidecode>(
  Object.entries(dutchSidecodes).map(([sidecode, pattern]) => [
    pattern.replaceAll('-', ''),
    Number(sidecode) as DutchSidecode,
  ]),
);

/** The sidecode of a normalised plate (upper case, no separators), or undefined if none fits. */
export function dutchSidecodeOf(normalised: string): DutchSidecode | undefined {
  return normalised.length === 6 ? sidecodeByShape.get(shapeOf(normalised)) : undefined;
}

/** Puts the dashes of a sidecode into a normalised plate of that sidecode: `XX999X` → `XX-999-X`. */
export function formatDutchSidecode(normalised: string, sidecode: DutchSidecode): string {
  let position = 0;
  return dutchSidecodes[sidecode]
    .split('-')
    .map((group) => normalised.slice(position, (position += group.length)))
    .join('-');
}
