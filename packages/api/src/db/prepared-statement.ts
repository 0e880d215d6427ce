import type { EntityManager } from '@mikro-orm/core';

/** `?` placeholders (as knex takes them) to PostgreSQL's `$1`, `$2`, … */
export const numberedPlaceholders = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

interface PgClient {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{
    rows: unknown[];
  }>;
}
interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}

/**
 * A PostgreSQL named statement on the pool MikroORM uses: each connection parses and plans it
 * once, then runs it with new values (README, "Benchmarks": the right-check). Through the same
 * knex pool, so its limits (acquire timeout, statement_timeout, query_timeout) hold; errors are
 * pg's own, which database-errors.ts reads like any other. PostgreSQL only: `?` placeholders are
 * numbered in order; a text numbered already (`$1`, to bind a value once where it is read
 * several times) is sent as it is.
 */
export function preparedStatement<Row>(name: string, sql: string) {
  const text = numberedPlaceholders(sql);
  return async (em: EntityManager, values: readonly unknown[]): Promise<Row[]> => {
    const knex = (em.getConnection() as unknown as { getKnex(): { client: KnexClient } }).getKnex();
    const connection = await knex.client.acquireConnection();
    const started = Date.now();
    try {
      const { rows } = await connection.query({ name, text, values });
      // In the ORM's query log like its own queries (tests count a request's statements).
      em.config.getLogger().logQuery({ query: text, took: Date.now() - started, level: 'info' });
      return rows as Row[];
    } finally {
      await knex.client.releaseConnection(connection);
    }
  };
}
