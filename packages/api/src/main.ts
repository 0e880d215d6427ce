// Type-graphql's decorators read metadata as the resolver modules load: this must come first.
import 'reflect-metadata';
import { openDatabase } from './db/database.js';
import { formatDemoLogins } from './seed/demo-logins.js';
import { dialectOf } from './db/orm-config.js';
import { seedDemo } from './seed/demo-seed.js';
import { livePubSubFromEnv } from './graphql/pubsub.js';
import { startJobWorker } from './jobs/job-runner.js';
import { LivePublisher } from './modules/session/live-publisher.js';
import { mailTransportFromEnv } from './modules/mail/mail-transport.js';
import { clockFromEnv } from './clock-from-env.js';
import { createServer } from './server.js';
import { logger } from './logging/logger.js';
import { flushTraces } from './observability/trace-flush.js';
import { ConfigError, config } from './config/config.js';

// Checked before anything starts: a bad value ends here with what to fix, not a stack trace.
let settings;
try {
  settings = config();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const port = settings.PORT;

// The real time, unless CLOCK_START sets another (demos and browser tests; not in production).
const clock = clockFromEnv();
// SQLITE_FILE: another file than data/parkeer.db (the browser tests each run on their own).
const database = { databaseUrl: settings.DATABASE_URL, sqliteFile: settings.SQLITE_FILE };
const orm = await openDatabase(database);
// Demo mode (the default outside production, refused in production) fills the embedded database
// with the demo towns on first run; PostgreSQL gets them only when asked (SEED_DEMO=true).
if (settings.DEMO_MODE && (dialectOf(database) === 'sqlite' || settings.SEED_DEMO)) {
  const seeded = await seedDemo(orm.em.fork(), clock());
  if (seeded) console.log(formatDemoLogins(seeded));
}

// One pub/sub for the API and scheduled work: in memory, or Redis with REDIS_URL (several instances).
const pubSub = livePubSubFromEnv();
const server = await createServer({ port, host: settings.HOST, orm, pubSub, clock });
logger.info(`Parkeer API listening on ${server.url} (GraphQL at ${server.url}/graphql)`);
// The work queue, after the server is up: scheduled work (sessions ending and starting,
// retention, refunds) and mail from the database. What fell due while no instance ran is done
// at once; mails queued by requests go out within one interval.
const publisher = new LivePublisher(pubSub);
const jobs = startJobWorker({
  orm,
  intervalMs: settings.JOB_INTERVAL_MS,
  clock,
  onEvent: publisher.sink,
  mailTransport: mailTransportFromEnv(),
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    // A second signal while draining means: stop now.
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server
      .close()
      // Let a running job finish: it settles sessions in one transaction each, or sends a mail.
      .then(() => jobs.stop())
      .then(() => pubSub.close())
      .then(() => orm.close())
      // The last requests' spans, which the exporter sends in batches.
      .then(() => flushTraces())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
