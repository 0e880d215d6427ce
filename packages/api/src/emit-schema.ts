// `npm run schema -w @parkeer/api`: writes the API's schema (SDL) to packages/api/schema.graphql,
// the contract the web app's types are generated from and partners read. A test fails when the
// file and the code disagree.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { createSchema } from './schema.js';

export const schemaFile = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** The schema as SDL, with a header saying where it comes from. */
export async function schemaText(): Promise<string> {
  const header =
    '# Generated from the API code by `npm run schema -w @parkeer/api`: do not edit.\n\n';
  return header + printSchema(await createSchema()) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(schemaFile, await schemaText());
  console.log(`schema written to ${schemaFile}`);
}
