import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import {
  connectionFrom,
  decodeDateCursor,
  encodeDateCursor,
  newestFirstAfter,
  pageSize,
  type Connection,
} from '../../graphql/connection.js';
import { isUuid } from '../../db/uuid.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { AuditEntry } from '../../model/audit-entry.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { ProductType } from '../../model/product-type.entity.js';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { AuditLogFilter } from './audit.types.js';

// A part of an address: '_' and '%' act as wildcards there too, which only widens the match (an
// escape would need an ESCAPE clause that SQLite's LIKE lacks by default).
const likePattern = (text: string) => `%${text}%`;

/**
 * Filter texts longer than the columns they search cannot match; refused before they reach a
 * LIKE, which SQLite fails on when the pattern is very long ("pattern too complex").
 */
const filterMaxLength = { action: 60, actor: 254 };

/** A page of the admin's town's audit entries, newest first, narrowed by the filter. */
export async function auditLogPage(
  em: EntityManager,
  actor: Pick<Actor, 'viewer'>,
  filter: AuditLogFilter | null,
  first: number,
  after: string | null,
): Promise<Connection<AuditEntry>> {
  const size = pageSize(first);
  // The subject id column is a uuid: anything else is bad input, not a database error.
  if (filter?.subjectId && !isUuid(filter.subjectId)) throw new AppError('BAD_USER_INPUT');
  if (
    (filter?.action?.length ?? 0) > filterMaxLength.action ||
    (filter?.actor?.length ?? 0) > filterMaxLength.actor
  ) {
    throw new AppError('BAD_USER_INPUT');
  }
  const position = after != null ? decodeDateCursor(after) : null;
  const at: Record<string, Date> = {};
  if (filter?.from) at.$gte = filter.from;
  if (filter?.until) at.$lt = filter.until;
  const where: FilterQuery<AuditEntry> = {
    municipality: adminTown(actor),
    ...(filter?.action ? { action: { $like: `${filter.action}%` } } : {}),
    ...(filter?.subjectType ? { subjectType: filter.subjectType } : {}),
    ...(filter?.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter?.actor
      ? { actor: { email: { $like: likePattern(filter.actor.toLowerCase()) } } }
      : {}),
    ...(Object.keys(at).length > 0 ? { at } : {}),
  };
  const [totalCount, rows] = await Promise.all([
    em.count(AuditEntry, where),
    em.find(AuditEntry, position ? { $and: [where, newestFirstAfter('at', position)] } : where, {
      orderBy: { at: 'desc', id: 'desc' },
      limit: size + 1,
      populate: ['actor'],
    }),
  ]);
  const connection = connectionFrom(rows, { first: size, totalCount }, (entry) =>
    encodeDateCursor(entry.at, entry.id),
  );
  return connection;
}

/**
 * The balance unit (minutes or cents) of each entry's product, by subject id, for entries about a
 * permit or a product type: their `balance`-like fields are counted in it, and the back office
 * shows them as hours and minutes or as euros (docs/rules.md §4).
 */
export async function balanceUnitsOf(
  em: EntityManager,
  entries: readonly AuditEntry[],
): Promise<Map<string, BalanceUnit>> {
  const idsOf = (type: string) => [
    ...new Set(entries.filter((e) => e.subjectType === type).map((e) => e.subjectId)),
  ];
  const permitIds = idsOf('permit');
  const productIds = idsOf('productType');
  const [permits, products] = await Promise.all([
    permitIds.length > 0
      ? em.find(Permit, { id: { $in: permitIds } }, { populate: ['productType'] })
      : [],
    productIds.length > 0 ? em.find(ProductType, { id: { $in: productIds } }) : [],
  ]);
  const units = new Map<string, BalanceUnit>();
  for (const permit of permits) {
    if (permit.productType.balanceUnit) units.set(permit.id, permit.productType.balanceUnit);
  }
  for (const product of products) {
    if (product.balanceUnit) units.set(product.id, product.balanceUnit);
  }
  return units;
}
