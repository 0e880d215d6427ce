import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFile } from '../src/emit-schema.js';

/** The README's GraphQL examples are what partners copy first: they must run on the schema. */
const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

function graphqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

describe("the README's GraphQL examples", () => {
  it('are valid operations of schema.graphql', async () => {
    const schema = buildSchema(await readFile(schemaFile, 'utf8'));
    const blocks = graphqlBlocks(await readFile(readme, 'utf8'));
    expect(blocks.length).toBeGreaterThan(0);
    const problems = blocks.flatMap((block, index) =>
      validate(schema, parse(block)).map((error) => `block ${index + 1}: ${error.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('name a field the schema lacks as a problem', async () => {
    const schema = buildSchema(await readFile(schemaFile, 'utf8'));
    const [block] = graphqlBlocks('```graphql\n{ quoteSession { startsLater } }\n```\n');
    expect(validate(schema, parse(block!)).length).toBeGreaterThan(0);
  });
});
