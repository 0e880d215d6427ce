import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121174940 } from './Migration20261121174940.js';

/** Every sqlite migration in order; new ones are appended by `npm run db:migration`. */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261121174940', class: Migration20261121174940 },
];
