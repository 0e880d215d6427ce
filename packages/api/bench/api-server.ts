// The API in its own process, so the load generator does not share its event loop; started by
// http-bench.ts. BENCH_DEBUG=1 logs every query with its time.
import 'reflect-metadata';
import { openDatabase } from '../src/db/database.js';
import { createServer } from '../src/server.js';
import { serveBench } from './bench-child.js';

const orm = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  debug: process.env.BENCH_DEBUG === '1',
});
const server = await createServer({ port: 0, host: '127.0.0.1', orm, webDist: null });
serveBench(server.url, async () => {
  await server.close();
  await orm.close();
});
