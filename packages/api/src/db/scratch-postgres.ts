import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests and tools use: PostgreSQL on this machine unless DATABASE_URL says otherwise. */
export function postgresServerUrl(): string {
  const configured = process.env.DATABASE_URL;
  return configured && /^postgres(ql)?:\/\//.test(configured)
    ? configured
    : 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface ScratchPostgres {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A new database on the server, empty or a copy of `template` (which nobody may be connected to);
 * `drop` removes it (and ends its connections).
 */
export async function createScratchPostgres(template?: string): Promise<ScratchPostgres> {
  const server = new URL(postgresServerUrl());
  const name = `parkeer_scratch_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(
    template
      ? `create database ${name} template ${pg.escapeIdentifier(template)}`
      : `create database ${name}`,
  );
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Runs `work` against a new, empty database on the server, and drops it afterwards. */
export async function withScratchPostgres<T>(
  work: (databaseUrl: string) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchPostgres();
  try {
    return await work(scratch.url);
  } finally {
    await scratch.drop();
  }
}
