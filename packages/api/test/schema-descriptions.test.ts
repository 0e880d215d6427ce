import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../src/schema.js';

/**
 * Every type, field, argument, input field and enum value a partner can meet, by its schema
 * coordinate (`Type.field(arg)`), when it has no description (docs/graphql.md, Descriptions).
 */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, coordinate: string) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) {
          check(arg.description, `${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf'].includes(directive.name))
      continue;
    check(directive.description, `@${directive.name}`);
    for (const arg of directive.args) check(arg.description, `@${directive.name}(${arg.name})`);
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describe every type, field, argument, input field and enum value of the schema', async () => {
    const missing = undescribed(await createSchema());
    expect(
      missing,
      `Undescribed (add a description in the type-graphql decorator):\n${missing.join('\n')}`,
    ).toEqual([]);
  });

  it('name each undescribed element of a schema by its coordinate', () => {
    const schema = buildSchema(`
      """Read."""
      type Query {
        """One thing."""
        thing(id: ID!): Thing
        other: Int
      }
      type Thing {
        """Its state."""
        state: State
      }
      """A state."""
      enum State {
        """On."""
        on
        off
      }
      """Input."""
      input Filter {
        state: State
      }
      """Directive."""
      directive @cached(ttl: Int) on FIELD_DEFINITION
    `);
    expect(undescribed(schema)).toEqual([
      'Query.thing(id)',
      'Query.other',
      'Thing',
      'State.off',
      'Filter.state',
      '@cached(ttl)',
    ]);
  });
});
