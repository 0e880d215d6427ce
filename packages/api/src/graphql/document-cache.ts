import {
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';

/** Distinct documents kept; apps send a handful, so a full cache means someone is probing. */
const maxDocuments = 500;

/**
 * Parsing and validation once per distinct document instead of once per subscription: when
 * a thousand clients reconnect after a deploy, they send the same few documents. The same text
 * also yields the same document object, which lets identical subscriptions share an execution.
 * `rules` and `parseOptions` are the limits HTTP applies too (see operation-limits.ts).
 */
export function documentCache(
  limits: { rules?: readonly ValidationRule[]; parseOptions?: ParseOptions } = {},
) {
  const rules = [...specifiedRules, ...(limits.rules ?? [])];
  const documents = new Map<string, DocumentNode>();
  const validations = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    /** Throws GraphQL's syntax error for a text that does not parse (or is over the limit). */
    parse(source: string): DocumentNode {
      const known = documents.get(source);
      if (known) {
        // Most recently used last: the first in the map is the one to evict.
        documents.delete(source);
        documents.set(source, known);
        return known;
      }
      const document = parse(source, limits.parseOptions);
      if (documents.size >= maxDocuments) documents.delete(documents.keys().next().value!);
      documents.set(source, document);
      return document;
    },
    validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
      let errors = validations.get(document);
      if (!errors) {
        errors = validate(schema, document, rules);
        validations.set(document, errors);
      }
      return errors;
    },
  };
}
