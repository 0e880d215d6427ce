import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { normalisePlate } from '@parkeer/domain/plate/plate';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import {
  connectionFrom,
  decodeDateCursor,
  decodeSequenceCursor,
  encodeDateCursor,
  encodeSequenceCursor,
  newestFirstAfter,
  pageSize,
  type Connection,
} from '../../graphql/connection.js';
import { adminTown, requireOwnTown, type Actor, type AdminWork } from '../admin/admin-scope.js';
import { normaliseProductCode } from '../coupling/product-code.service.js';
import { LedgerEntry } from '../../model/ledger-entry.entity.js';
import { Permit } from '../../model/permit.entity.js';

export interface PageRequest {
  readonly first: number;
  readonly after?: string | null;
}

/** What a permit row of the back office shows, loaded with it in one go. */
export const permitPopulate = ['productType', 'zone', 'holder', 'plates'] as const;

/** The longest search that can still match something: an address label's width. */
const searchMaxLength = 200;

/** `%text%` for LIKE with the wildcards in `text` taken literally (escape character `\`). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The town's permits matching one search text, newest first: the product code exactly, or
 * part of a registered plate (normalised as plates are stored), of the address label (any
 * case) or of the holder's e-mail. One condition in SQL, so counting and paging stay there.
 */
export async function searchPermits(
  work: Pick<AdminWork, 'em' | 'viewer'>,
  search: string,
  page: PageRequest,
): Promise<Connection<Permit>> {
  const first = pageSize(page.first);
  const after = page.after != null ? decodeDateCursor(page.after) : null;
  const text = search.trim();
  if (text === '' || text.length > searchMaxLength) throw new AppError('BAD_USER_INPUT');
  const plate = normalisePlate(text);
  // Lower-cased on both sides: PostgreSQL's LIKE minds case, SQLite's does not; e-mail
  // addresses are stored lower-case.
  const matches = () =>
    raw(
      (alias) => `(${alias}.product_code = ?
        or lower(${alias}.address_label) like ? escape '\\'
        or exists (select 1 from account a where a.id = ${alias}.holder_id
          and a.email like ? escape '\\')
        or exists (select 1 from permit_plate pp where pp.permit_id = ${alias}.id
          and pp.plate like ? escape '\\'))`,
      [
        normaliseProductCode(text),
        containing(text.toLowerCase()),
        containing(text.toLowerCase()),
        // A text that is no plate at all (e.g. an e-mail) must not match every plate.
        plate === '' ? '' : containing(plate),
      ],
    );
  const where = (): FilterQuery<Permit> => ({ municipality: adminTown(work), [matches()]: [] });
  const [totalCount, rows] = await Promise.all([
    work.em.count(Permit, where()),
    work.em.find(
      Permit,
      after ? { $and: [where(), newestFirstAfter('createdAt', after)] } : where(),
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1, populate: permitPopulate },
    ),
  ]);
  return connectionFrom(rows, { first, totalCount }, (permit) =>
    encodeDateCursor(permit.createdAt, permit.id),
  );
}

/** A permit of the admin's own town; another town's answers as an unknown id (NOT_FOUND). */
export async function permitOfTown(
  actor: Pick<Actor, 'viewer'>,
  em: EntityManager,
  id: string,
): Promise<Permit> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const permit = await em.findOne(Permit, { id }, { populate: permitPopulate });
  if (!permit) throw new AppError('NOT_FOUND');
  requireOwnTown(actor, permit.municipality.id);
  return permit;
}

/** The permit's own balance changes, newest first (as the holder's transaction history). */
export async function ledgerOf(
  em: EntityManager,
  permitId: string,
  page: PageRequest,
): Promise<Connection<LedgerEntry>> {
  const first = pageSize(page.first);
  const after = page.after != null ? decodeSequenceCursor(page.after) : null;
  const where: FilterQuery<LedgerEntry> = { permit: permitId, pot: 'permit' };
  const [totalCount, rows] = await Promise.all([
    em.count(LedgerEntry, where),
    em.find(LedgerEntry, after ? { $and: [where, newestFirstAfter('sequence', after)] } : where, {
      // Write order, as the holder's history (docs/architecture.md, The money path).
      orderBy: { sequence: 'desc', id: 'desc' },
      limit: first + 1,
      populate: ['session'],
    }),
  ]);
  return connectionFrom(rows, { first, totalCount }, (entry) =>
    encodeSequenceCursor(entry.sequence, entry.id),
  );
}
