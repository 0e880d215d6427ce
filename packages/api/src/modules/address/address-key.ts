/** What permits store as the address (Permit.addressKey): 'delft-oude-delft-1', 'delft-markt-7a'. */
export function addressKeyOf(
  townCode: string,
  street: string,
  houseNumber: number,
  addition: string,
): string {
  const slug = street
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return [townCode, slug, `${houseNumber}${addition.toLowerCase()}`].join('-').slice(0, 80);
}

/** As letters and the back office show it: 'Markt 7A, Delft'. */
export const addressLabelOf = (
  street: string,
  houseNumber: number,
  addition: string,
  town: string,
) => `${street} ${houseNumber}${addition}, ${town}`.slice(0, 200);
