export const rightKinds = ['permit', 'visitorSession', 'exemption'] as const;
export type RightKind = (typeof rightKinds)[number];

/** The permits that are a plate's right (an exemption is a kind of right of its own). */
export const permitRightKinds = [
  'residentPermit',
  'businessPermit',
  'carePermit',
  'contractorDayPermit',
] as const;
export type PermitRightKind = (typeof permitRightKinds)[number];

/** One registered right that covers the plate at the moment asked; `until` null: open-ended. */
export interface FoundRight {
  readonly kind: RightKind;
  readonly until: Date | null;
  /** A permit's product kind ('residentPermit', 'businessPermit', …); null for other rights. */
  readonly product?: string | null;
}

const laterEnd = (a: FoundRight, b: FoundRight) =>
  a.until === null ? a : b.until === null ? b : a.until >= b.until ? a : b;

/**
 * docs/rules.md §9 right-check: the right to show when several apply: a permit or exemption outranks a visitor session (it does
 * not run out when the visit does); among equals the one that lasts longest.
 */
export function strongestRight(rights: readonly FoundRight[]): FoundRight | null {
  const rank = (right: FoundRight) => (right.kind === 'visitorSession' ? 0 : 1);
  return rights.reduce<FoundRight | null>((best, right) => {
    if (!best || rank(right) > rank(best)) return right;
    return rank(right) < rank(best) ? best : laterEnd(best, right);
  }, null);
}
