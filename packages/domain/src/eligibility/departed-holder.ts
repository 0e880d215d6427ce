/**
 * docs/rules.md §2 departed holder: an address's one place (the visitor permit) is taken, but
 * the town checks residence with the population register, so the register is asked who lives
 * there. A holder who no longer lives there should not keep the next household out; a clerk
 * would look, so the application goes to an official instead of being refused. Nothing here is
 * ever a yes: the official decides, and the holder's permit goes to the moving re-check.
 */

/**
 * Why an application whose address's place is taken waits for an official: the register does
 * not have the place's holder living at the address any more, or it did not answer.
 */
export const departedHolderReasons = [
  'holderNotRegisteredAtAddress',
  'registerUnanswered',
] as const;
export type DepartedHolderReason = (typeof departedHolderReasons)[number];

export interface DepartedHolderQuestion {
  /**
   * The citizen service number of each holder of a permit that takes the place, or null for a
   * holder we know none of (no DigiD login): such a holder cannot be looked up.
   */
  readonly holders: ReadonlyArray<string | null>;
  /**
   * The citizen service numbers the register has living at the address, or null when it did
   * not answer. An address the register cannot be asked about by its dwelling is asked per
   * holder: then the holders found living there.
   */
  readonly registered: readonly string[] | null;
}

export type DepartedHolderDecision =
  | { readonly outcome: 'refuse' }
  | { readonly outcome: 'review'; readonly reason: DepartedHolderReason };

/**
 * The refusal stands while any holder still lives at the address, or cannot be looked up; when
 * every holder has left, or the register did not answer, an official decides.
 */
export function decideDepartedHolder(question: DepartedHolderQuestion): DepartedHolderDecision {
  const { holders, registered } = question;
  if (holders.length === 0 || holders.some((bsn) => bsn === null)) return { outcome: 'refuse' };
  if (registered === null) return { outcome: 'review', reason: 'registerUnanswered' };
  const living = new Set(registered);
  return holders.some((bsn) => living.has(bsn!))
    ? { outcome: 'refuse' }
    : { outcome: 'review', reason: 'holderNotRegisteredAtAddress' };
}
