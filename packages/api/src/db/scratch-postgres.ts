import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests and tools use: PostgreSQL on this machine unless DATABASE_URL says otherwise. */
export function postgresServerUrl(): string {
  const configured = process.env.DATABASE_URL;
  return configured && /^postgres(ql)?:\/\//.test(configured)
    ? configured
    : 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Runs `work` against a new, empty database on the server, and drops it afterwards. */
export async function withScratchPostgres<T>(
  work: (databaseUrl: string) => Promise<T>,
): Promise<T> {
  const server = new URL(postgresServerUrl());
  const name = `parkeer_scratch_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(server.toString());
    url.pathname = `/${name}`;
    try {
      return await work(url.toString());
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } finally {
    await admin.end();
  }
}
