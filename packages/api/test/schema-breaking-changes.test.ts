import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff, DiffRule, type Change } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFile } from '../src/emit-schema.js';

/**
 * Partners build against the released schema (docs/graphql.md, Releases and breaking changes):
 * schema.graphql may add to it, and may remove only what the release already marked deprecated.
 */
const releaseFile = fileURLToPath(new URL('../schema.release.graphql', import.meta.url));

async function breakingChanges(release: GraphQLSchema, next: GraphQLSchema): Promise<Change[]> {
  const changes = await diff(release, next, [DiffRule.suppressRemovalOfDeprecatedField]);
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

const describeChange = (change: Change) => `${change.path ?? ''}: ${change.message}`;

describe('schema.graphql against the release (schema.release.graphql)', () => {
  it('breaks nothing a partner of the release uses', async () => {
    const release = buildSchema(await readFile(releaseFile, 'utf8'));
    const next = buildSchema(await readFile(schemaFile, 'utf8'));
    const breaking = (await breakingChanges(release, next)).map(describeChange);
    expect(
      breaking,
      `Breaking changes: deprecate first (deprecationReason), release, then remove:\n${breaking.join('\n')}`,
    ).toEqual([]);
  });

  it('counts removing what is not deprecated as breaking, and removing what is as not', async () => {
    const release = buildSchema(`
      type Query {
        session(id: ID!): Session
      }
      type Session {
        permitId: ID!
        productId: ID! @deprecated(reason: "Use permitId.")
      }
    `);
    const withoutDeprecated = buildSchema(`
      type Query {
        session(id: ID!): Session
      }
      type Session {
        permitId: ID!
      }
    `);
    const withoutCurrent = buildSchema(`
      type Query {
        session(id: ID!): Session
      }
      type Session {
        productId: ID! @deprecated(reason: "Use permitId.")
      }
    `);
    expect(await breakingChanges(release, withoutDeprecated)).toEqual([]);
    expect((await breakingChanges(release, withoutCurrent)).map(describeChange)).toEqual([
      "Session.permitId: Field 'permitId' was removed from object type 'Session'",
    ]);
  });
});
