/**
 * The street of an address label ('Oude Delft 1, Delft' → 'Oude Delft'): what the desk may show
 * to check it has the right permit, without the house number or the town (docs/security.md,
 * "The municipal desk"). A label without a number is cut at its first comma.
 */
export function streetOf(addressLabel: string): string {
  const beforeTown = addressLabel.split(',')[0] ?? '';
  const number = beforeTown.search(/\s\d/);
  return (number === -1 ? beforeTown : beforeTown.slice(0, number)).trim();
}
