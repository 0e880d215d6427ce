import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121174940 } from './Migration20261121174940.js';
import { Migration20261121175241 } from './Migration20261121175241.js';
import { Migration20261121180115 } from './Migration20261121180115.js';
import { Migration20261121192639 } from './Migration20261121192639.js';
import { Migration20261121222956 } from './Migration20261121222956.js';
import { Migration20261206195124 } from './Migration20261206195124.js';
import { Migration20261206195243 } from './Migration20261206195243.js';
import { Migration20261206195709 } from './Migration20261206195709.js';
import { Migration20261206220700 } from './Migration20261206220700.js';
import { Migration20261206220812 } from './Migration20261206220812.js';
import { Migration20261206223700 } from './Migration20261206223700.js';
import { Migration20261206223758 } from './Migration20261206223758.js';
import { Migration20261206224000 } from './Migration20261206224000.js';
import { Migration20261206224237 } from './Migration20261206224237.js';

/** Every sqlite migration in order; new ones are appended by `npm run db:migration`. */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261121174940', class: Migration20261121174940 },
  { name: 'Migration20261121175241', class: Migration20261121175241 },
  { name: 'Migration20261121180115', class: Migration20261121180115 },
  { name: 'Migration20261121192639', class: Migration20261121192639 },
  { name: 'Migration20261121222956', class: Migration20261121222956 },
  { name: 'Migration20261206195124', class: Migration20261206195124 },
  { name: 'Migration20261206195243', class: Migration20261206195243 },
  { name: 'Migration20261206195709', class: Migration20261206195709 },
  { name: 'Migration20261206220700', class: Migration20261206220700 },
  { name: 'Migration20261206220812', class: Migration20261206220812 },
  { name: 'Migration20261206223700', class: Migration20261206223700 },
  { name: 'Migration20261206223758', class: Migration20261206223758 },
  { name: 'Migration20261206224000', class: Migration20261206224000 },
  { name: 'Migration20261206224237', class: Migration20261206224237 },
];
