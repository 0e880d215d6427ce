import {
  parse,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ParseOptions,
  type Source,
} from 'graphql';

/** Distinct documents kept; apps send a handful, so a full cache means someone is probing. */
const maxDocuments = 500;

/**
 * Parsing and validation once per distinct document instead of once per subscription: when
 * a thousand clients reconnect after a deploy, they send the same few documents. The same text
 * also yields the same document object, which lets identical subscriptions share an execution.
 */
export function documentCache() {
  const documents = new Map<string, DocumentNode>();
  const validations = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    parse(source: string | Source, options?: ParseOptions): DocumentNode {
      if (typeof source !== 'string' || options) return parse(source, options);
      const known = documents.get(source);
      if (known) {
        // Most recently used last: the first in the map is the one to evict.
        documents.delete(source);
        documents.set(source, known);
        return known;
      }
      const document = parse(source);
      if (documents.size >= maxDocuments) documents.delete(documents.keys().next().value!);
      documents.set(source, document);
      return document;
    },
    validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
      let errors = validations.get(document);
      if (!errors) {
        errors = validate(schema, document);
        validations.set(document, errors);
      }
      return errors;
    },
  };
}
