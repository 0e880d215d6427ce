import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/* Every operation of the schema as a document that passes validation: the walks of the gates. */

/** A literal of the type with only the required parts filled: enough to pass validation. */
export function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return '1';
      case 'Boolean':
        return 'false';
      case 'ID':
        return '"00000000-0000-4000-8000-000000000000"';
      case 'DateTimeISO':
        return '"2026-11-23T10:00:00.000Z"';
      case 'JSONObject':
        return '{}';
      default:
        return '"x"';
    }
  }
  throw new Error(`no literal for ${String(type)}`);
}

export type OperationKind = 'query' | 'mutation' | 'subscription';

export function operationDocument(kind: OperationKind, field: GraphQLField<unknown, unknown>) {
  // A subscription gets every argument: without a product it would wait quietly for events,
  // with an unknown one it answers NOT_FOUND once past the gate.
  const args = field.args
    .filter(
      (arg) =>
        kind === 'subscription' || (isNonNullType(arg.type) && arg.defaultValue === undefined),
    )
    .map((arg) => `${arg.name}: ${literal(arg.type)}`);
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return `${kind} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

export function operations(schema: GraphQLSchema) {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root!.getFields()).map((field) => ({
      name: field.name,
      kind,
      document: operationDocument(kind, field),
    })),
  );
}
