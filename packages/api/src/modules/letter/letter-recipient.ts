import type { EntityManager } from '@mikro-orm/core';
import { PermitApplication } from '../../model/permit-application.entity.js';

/**
 * The contact e-mail of the permit's latest counter application that gave one: where the
 * permit's letters and reminders go when its holder's account has no e-mail address (an account
 * a DigiD or eHerkenning login made; docs/rules.md §1 Letters).
 */
export async function latestContactEmail(
  tx: EntityManager,
  permitId: string,
): Promise<string | null> {
  const application = await tx.findOne(
    PermitApplication,
    { permit: permitId, contactEmail: { $ne: null } },
    { orderBy: { createdAt: 'desc' } },
  );
  return application?.contactEmail ?? null;
}
