import type { Viewer } from '../../graphql/viewer.js';

/** Whose application it is and who filled it in (docs/rules.md §1, The permit counter). */
export interface CounterApplicant {
  /** The holder: the permit is theirs. */
  readonly applicantId: string;
  /** Who acted: the holder, or someone acting for them. */
  readonly actorId: string;
}

/**
 * The applicant and the actor of a counter request: a carer who signed in acting for a parent
 * (DigiD Machtigen) applies for the parent, and the audit log names the carer (docs/rules.md §6).
 */
export function counterApplicant(viewer: Viewer): CounterApplicant {
  return { applicantId: viewer.holderAccountId, actorId: viewer.accountId };
}

// Moving still names it from here; it lives in the admin scope, which the quota module shares
// without depending on the counter.
export { actorForAccount } from '../admin/admin-scope.js';
