/**
 * Writes the next migration for one dialect from the difference between the entities and a
 * scratch database migrated to the latest existing migration, then rewrites that dialect's list.
 *   npm run db:migration -- sqlite|postgresql
 */
import 'reflect-metadata';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { migrationsFolder, ormOptions, type Dialect } from './orm-config.js';
import { withScratchPostgres } from './scratch-postgres.js';

async function createMigration(settings: Parameters<typeof ormOptions>[0]): Promise<string | null> {
  const orm = await MikroORM.init(ormOptions(settings));
  try {
    await orm.migrator.up();
    const initial = (await orm.migrator.getExecutedMigrations()).length === 0;
    const result = await orm.migrator.createMigration(undefined, false, initial);
    return result.diff.up.length > 0 ? result.fileName : null;
  } finally {
    await orm.close(true);
  }
}

function rewriteList(dialect: Dialect): void {
  const names = readdirSync(migrationsFolder(dialect))
    .filter((file) => /^Migration\d+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const lines = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...names.map((name) => `import { ${name} } from './${name}.js';`),
    '',
    `/** Every ${dialect} migration in order; new ones are appended by \`npm run db:migration\`. */`,
    `export const ${dialect}Migrations: MigrationObject[] = [`,
    ...names.map((name) => `  { name: '${name}', class: ${name} },`),
    '];',
    '',
  ];
  writeFileSync(join(migrationsFolder(dialect), `${dialect}-migrations.ts`), lines.join('\n'));
}

const dialect = process.argv[2] as Dialect;
if (dialect !== 'sqlite' && dialect !== 'postgresql') {
  console.error('usage: create-migration sqlite|postgresql');
  process.exit(2);
}
let created: string | null;
if (dialect === 'sqlite') {
  const file = join(tmpdir(), `parkeer-migration-${process.pid}.db`);
  try {
    created = await createMigration({ sqliteFile: file });
  } finally {
    rmSync(file, { force: true });
  }
} else {
  created = await withScratchPostgres((databaseUrl) => createMigration({ databaseUrl }));
}
rewriteList(dialect);
console.log(created ? `created ${created}` : 'no schema changes');
