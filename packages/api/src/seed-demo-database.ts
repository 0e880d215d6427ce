// Type-graphql's decorators read metadata as the resolver modules load: this must come first.
import 'reflect-metadata';
import { clockFromEnv } from './clock-from-env.js';
import { config } from './config/config.js';
import { openDatabase } from './db/database.js';
import { formatDemoLogins } from './seed/demo-logins.js';
import { seedDemo } from './seed/demo-seed.js';

/**
 * Migrates the embedded database (SQLITE_FILE) and fills it with the demo towns, printing the
 * demo logins as `npm start` does on first run, then exits without serving anything. The web
 * app's browser tests seed one file this way and give each test file a copy: the same data
 * `npm start` seeds, without every API process they start migrating and seeding it again.
 * The demo is seeded at the clock's start (CLOCK_START), so it is never later than the clock of
 * an API that starts on a copy with the same CLOCK_START.
 */
const settings = config();
if (!settings.DEMO_MODE) {
  process.stderr.write('Demo data is seeded in demo mode only (DEMO_MODE).\n');
  process.exit(1);
}
const seededAt = clockFromEnv()();
const orm = await openDatabase({ sqliteFile: settings.SQLITE_FILE });
try {
  const seeded = await seedDemo(orm.em.fork(), seededAt);
  if (seeded) console.log(formatDemoLogins(seeded));
} finally {
  await orm.close();
}
