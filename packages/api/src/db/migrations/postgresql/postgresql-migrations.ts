import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121174941 } from './Migration20261121174941.js';
import { Migration20261121175242 } from './Migration20261121175242.js';
import { Migration20261121180117 } from './Migration20261121180117.js';
import { Migration20261121192641 } from './Migration20261121192641.js';
import { Migration20261121222957 } from './Migration20261121222957.js';
import { Migration20261206195125 } from './Migration20261206195125.js';
import { Migration20261206195246 } from './Migration20261206195246.js';
import { Migration20261206195714 } from './Migration20261206195714.js';
import { Migration20261206220702 } from './Migration20261206220702.js';
import { Migration20261206220815 } from './Migration20261206220815.js';
import { Migration20261206223702 } from './Migration20261206223702.js';
import { Migration20261206223801 } from './Migration20261206223801.js';
import { Migration20261206224002 } from './Migration20261206224002.js';
import { Migration20261206224242 } from './Migration20261206224242.js';

/** Every postgresql migration in order; new ones are appended by `npm run db:migration`. */
export const postgresqlMigrations: MigrationObject[] = [
  { name: 'Migration20261121174941', class: Migration20261121174941 },
  { name: 'Migration20261121175242', class: Migration20261121175242 },
  { name: 'Migration20261121180117', class: Migration20261121180117 },
  { name: 'Migration20261121192641', class: Migration20261121192641 },
  { name: 'Migration20261121222957', class: Migration20261121222957 },
  { name: 'Migration20261206195125', class: Migration20261206195125 },
  { name: 'Migration20261206195246', class: Migration20261206195246 },
  { name: 'Migration20261206195714', class: Migration20261206195714 },
  { name: 'Migration20261206220702', class: Migration20261206220702 },
  { name: 'Migration20261206220815', class: Migration20261206220815 },
  { name: 'Migration20261206223702', class: Migration20261206223702 },
  { name: 'Migration20261206223801', class: Migration20261206223801 },
  { name: 'Migration20261206224002', class: Migration20261206224002 },
  { name: 'Migration20261206224242', class: Migration20261206224242 },
];
