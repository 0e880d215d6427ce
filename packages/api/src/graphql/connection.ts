import type { EntityManager, EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { AppError } from './app-error.js';

/*
 * Relay-style connections (docs/graphql.md: cursor, pageInfo, totalCount) with keyset paging:
 * a cursor is the sort key and id of the last row seen, so a page never repeats or skips rows
 * when new ones arrive at the top while the user pages down (an offset would shift).
 */

@ObjectType({ description: 'Where a page of a connection ends.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<TNode> {
  readonly cursor: string;
  readonly node: TNode;
}

export interface Connection<TNode> {
  readonly edges: readonly Edge<TNode>[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/**
 * The GraphQL classes of a connection over `nodeType`: `<name>Edge` and a base class for
 * `<name>Connection`. Subclass the result with `@ObjectType('<name>Connection')`; the base itself
 * is never reachable from the schema, so it is not emitted.
 */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType implements Edge<TNode> {
    @Field(() => String, { description: 'Opaque; pass as `after` to continue after this node.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: TNode;
  }

  @ObjectType()
  abstract class ConnectionBase implements Connection<TNode> {
    @Field(() => [EdgeType], { description: "This page's items, in the list's order." })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more follow, and where to continue.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All nodes of the list, not only this page.' })
    totalCount!: number;
  }

  return ConnectionBase;
}

export const defaultPageSize = 10;
export const maxPageSize = 50;

/** `first` as asked, within 1..maxPageSize: a larger page is refused, not silently cut. */
export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw new AppError('BAD_USER_INPUT');
  }
  return first;
}

/** A position in a list ordered by a sort key and then the row id. */
export interface CursorPosition<TKey> {
  readonly key: TKey;
  readonly id: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: CursorPosition<string | number>): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

/**
 * Reads a cursor this API made. Anything else (edited, truncated, from another list) is
 * BAD_USER_INPUT, never a database error: the id is compared with a uuid column.
 */
export function decodeCursor(cursor: string): CursorPosition<string | number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('BAD_USER_INPUT');
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new AppError('BAD_USER_INPUT');
  const [key, id] = parsed as unknown[];
  const keyOk = typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key));
  if (!keyOk || typeof id !== 'string' || !uuidPattern.test(id)) {
    throw new AppError('BAD_USER_INPUT');
  }
  return { key, id };
}

const cursorDateRange = {
  from: Date.UTC(2000, 0, 1),
  to: Date.UTC(2200, 0, 1),
};

/** Dates go into cursors as epoch milliseconds: exact, and free of time-zone spelling. */
export function encodeDateCursor(at: Date, id: string): string {
  return encodeCursor({ key: at.getTime(), id });
}

export function decodeDateCursor(cursor: string): CursorPosition<Date> {
  const { key, id } = decodeCursor(cursor);
  if (typeof key !== 'number') throw new AppError('BAD_USER_INPUT');
  // Only moments a database can hold: a forged far-off date is bad input, not a database error.
  if (key < cursorDateRange.from || key > cursorDateRange.to) throw new AppError('BAD_USER_INPUT');
  return { key: new Date(key), id };
}

/**
 * A position by a whole number that only grows (a ledger row's `sequence`): the number and the
 * row's id, so the cursor reads as the date cursors do.
 */
export function encodeSequenceCursor(sequence: number, id: string): string {
  return encodeCursor({ key: sequence, id });
}

export function decodeSequenceCursor(cursor: string): CursorPosition<number> {
  const { key, id } = decodeCursor(cursor);
  if (typeof key !== 'number' || !Number.isSafeInteger(key)) throw new AppError('BAD_USER_INPUT');
  return { key, id };
}

/**
 * The filter for the rows after `position` in a list sorted by `field` descending, then id
 * descending: strictly older, or as old with a smaller id. Spread it into a MikroORM `where`.
 */
export function newestFirstAfter<TField extends string, TKey>(
  field: TField,
  position: CursorPosition<TKey>,
) {
  const older = { [field]: { $lt: position.key } } as Record<TField, { $lt: TKey }>;
  const sameAge = { [field]: position.key } as Record<TField, TKey>;
  return { $or: [older, { ...sameAge, id: { $lt: position.id } }] };
}

/**
 * A connection from one page of rows fetched with `limit: first + 1`: the extra row, if there,
 * only tells that a next page exists.
 */
export function connectionFrom<TNode>(
  rows: readonly TNode[],
  page: { readonly first: number; readonly totalCount: number },
  cursorOf: (node: TNode) => string,
): Connection<TNode> {
  const edges = rows.slice(0, page.first).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
}

/** The same page with each node mapped, e.g. from entities to DTOs. */
export function mapConnection<TFrom, TTo>(
  connection: Connection<TFrom>,
  toNode: (node: TFrom) => TTo,
): Connection<TTo> {
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })),
  };
}

/**
 * One page of an entity's rows, newest first by a moment (`by`, then id), with their count: the
 * town's queues and a product's sessions. Counting and paging happen in SQL, the last row's
 * cursor leading on: rows added at the top while someone pages down are neither repeated nor
 * skipped.
 */
export async function newestFirstPage<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  by: keyof T & string,
  request: { readonly first: number; readonly after?: string | null },
  populate: readonly string[] = [],
): Promise<Connection<T>> {
  const first = pageSize(request.first);
  const position = request.after != null ? decodeDateCursor(request.after) : null;
  const page = position
    ? ({ $and: [where, newestFirstAfter(by, position)] } as FilterQuery<T>)
    : where;
  const options = {
    orderBy: { [by]: 'desc', id: 'desc' },
    limit: first + 1,
    populate,
  } as unknown as FindOptions<T>;
  const [totalCount, rows] = await Promise.all([
    em.count(entity, where),
    em.find(entity, page, options),
  ]);
  return connectionFrom(rows as T[], { first, totalCount }, (row) =>
    encodeDateCursor(row[by] as Date, row.id),
  );
}
