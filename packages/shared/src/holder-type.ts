/** Who holds a permit: a resident (citizen login) or a business (business login). */
export const holderTypes = ['resident', 'business'] as const;
export type HolderType = (typeof holderTypes)[number];
