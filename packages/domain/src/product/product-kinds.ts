/** The kinds of permit a town can issue (docs/rules.md §1). */
export const productKinds = [
  'residentPermit',
  'businessPermit',
  'visitorPermit',
  'flexibleBusinessPermit',
  'carePermit',
  'contractorDayPermit',
  'exemption',
] as const;
export type ProductKind = (typeof productKinds)[number];

/**
 * Kinds whose right is the active plate itself (docs/rules.md §6): the right-check finds them by
 * plate, only their plate can be changed, and only they may be valid beyond their own zone.
 */
export const plateRightKinds: readonly ProductKind[] = [
  'residentPermit',
  'businessPermit',
  'carePermit',
  'contractorDayPermit',
  'exemption',
];

/** Whether a product of this kind (as the API names it; any string) has its right on a plate. */
export function hasPlateRight(kind: string | undefined): boolean {
  return (plateRightKinds as readonly string[]).includes(kind ?? '');
}
