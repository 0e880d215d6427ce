import type { EntityManager } from '@mikro-orm/core';
import { isUuid } from '../../db/uuid.js';
import { AppError, type InputProblem } from '../../graphql/app-error.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { Account } from '../../model/account.entity.js';
import { Permit } from '../../model/permit.entity.js';

/**
 * A permit of the admin's own town with its product, zone and town loaded. An unknown id, a
 * malformed one and another town's permit all answer NOT_FOUND, so ids reveal nothing.
 */
export async function ownTownPermit(
  em: EntityManager,
  actor: Pick<Actor, 'viewer'>,
  permitId: string,
): Promise<Permit> {
  if (!isUuid(permitId)) throw new AppError('NOT_FOUND');
  const permit = await em.findOne(
    Permit,
    { id: permitId, municipality: adminTown(actor) },
    { populate: ['productType', 'zone', 'municipality'] },
  );
  if (!permit) throw new AppError('NOT_FOUND');
  return permit;
}

/**
 * A free text a request must have (a statement, a reason): trimmed, not empty, at most `max`
 * characters. Adds its problem to `problems` and returns the trimmed text.
 */
export function requiredText(
  problems: InputProblem[],
  path: string,
  value: string,
  max: number,
): string {
  const text = value.trim();
  if (!text) problems.push({ code: 'SETTING_REQUIRED', path });
  else if (text.length > max) problems.push({ code: 'SETTING_TOO_LONG', path, params: { max } });
  return text;
}

/** The admin acting, as the account rows (grants, decisions, ledger rows) name them. */
export function actingAdmin(em: EntityManager, actor: Pick<Actor, 'viewer'>): Promise<Account> {
  return em.findOneOrFail(Account, actor.viewer!.accountId);
}
