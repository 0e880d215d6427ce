import { createHash } from 'node:crypto';
import {
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { operationRules, parseOptions } from '../graphql/operation-limits.js';
import manifest from './trusted-documents.json' with { type: 'json' };

/** One operation of the manifest, in the format of Apollo's persisted query manifests. */
export interface ManifestOperation {
  /** The sha256 of `body`, in hex. */
  readonly id: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly body: string;
}

export interface TrustedDocument extends ManifestOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
}

export const trustedOperations: readonly ManifestOperation[] =
  manifest.operations as ManifestOperation[];

export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The manifest's documents that may skip Apollo's request pipeline: parsed and validated once,
 * with the rules every request meets (operation-limits.ts). An id that is not its body's sha256,
 * or a body that fails validation against this schema, is left out: requests naming it go to
 * Apollo, which answers them as it answers any request.
 */
export function trustedDocuments(
  schema: GraphQLSchema,
  options: { production: boolean },
  operations: readonly ManifestOperation[] = trustedOperations,
): Map<string, TrustedDocument> {
  const rules = [...specifiedRules, ...operationRules()];
  const trusted = new Map<string, TrustedDocument>();
  for (const entry of operations) {
    if (entry.type === 'subscription' || sha256Hex(entry.body) !== entry.id) continue;
    const document = parse(entry.body, parseOptions);
    const operation = getOperationAST(document);
    if (!operation || validate(schema, document, rules).length > 0) continue;
    trusted.set(entry.id, { ...entry, document, operation });
  }
  return trusted;
}

/**
 * The id a request names its document by: `extensions.persistedQuery.sha256Hash` (Apollo's
 * persisted queries) or `documentId` (the GraphQL-over-HTTP draft's, `sha256:<hex>` or the
 * bare hex). Null when it names none.
 */
export function documentIdOf(body: Record<string, unknown>): string | null {
  const { documentId, extensions } = body;
  if (typeof documentId === 'string') return documentId.replace(/^sha256:/, '').toLowerCase();
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash.toLowerCase() : null;
}
