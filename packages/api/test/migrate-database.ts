// Runs every migration on the PostgreSQL database named on the command line (postgres-template.ts
// runs it with tsx: vitest's main process does not resolve our packages to their sources).
import 'reflect-metadata';
import { openDatabase } from '../src/db/database.js';

const orm = await openDatabase({ databaseUrl: process.argv[2]! });
await orm.close(true);
