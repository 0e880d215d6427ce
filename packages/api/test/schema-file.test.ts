import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { schemaFile, schemaText } from '../src/emit-schema.js';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema -w @parkeer/api` after a change)', async () => {
    expect(await readFile(schemaFile, 'utf8')).toBe(await schemaText());
  });
});
