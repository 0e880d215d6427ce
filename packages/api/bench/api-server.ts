// The API as production runs it, in its own process so the load generator does not share its event
// loop. Started by http-bench.ts over IPC; answers with its URL once it listens.
import 'reflect-metadata';
import { openDatabase } from '../src/db/database.js';
import { createServer } from '../src/server.js';

const orm = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
const server = await createServer({ port: 0, host: '127.0.0.1', orm, webDist: null });
process.send?.({ url: server.url });
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => orm.close())
    .finally(() => process.exit(0));
});
