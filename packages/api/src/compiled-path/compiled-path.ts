import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  GraphQLError,
  isAbstractType,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from '../graphql/context.js';
import { documentHasControlCharacter, hasControlCharacter } from '../graphql/control-characters.js';
import { formatError, inLanguage, retryAfterOf } from '../graphql/error-formatting.js';
import { documentIdOf, trustedDocuments, type TrustedDocument } from './trusted-documents.js';
import { recordOperation } from '../observability/operation-metrics.js';
import { operationCost } from '../graphql/operation-cost.js';
import { partnerKeyGrantOf } from '../modules/partner-key/partner-key-auth.js';
import {
  budgetHeaders,
  BudgetSpent,
  takePartnerKeyBudget,
} from '../modules/partner-key/partner-key-budget.js';
import { operationLabelOf } from '../observability/operation-metrics-plugin.js';

/** What one operation on the compiled path did, for metrics (one place to hook them in). */
export interface CompiledOperation {
  readonly name: string;
  readonly type: TrustedDocument['type'];
  /** The catalogue codes of the answer's errors, in order; empty when it has none. */
  readonly errorCodes: readonly string[];
  readonly ms: number;
}

export interface CompiledPathOptions {
  readonly schema: GraphQLSchema;
  /** The same context Apollo gets (http-context.ts). */
  readonly context: (req: Request, res: Response) => Promise<Context>;
  readonly production: boolean;
}

const observers = new Set<(operation: CompiledOperation) => void>();

/**
 * Calls `observer` for every operation the compiled path answers (metrics; tests see which path
 * answered). Returns the function that stops it.
 */
export function observeCompiledOperations(
  observer: (operation: CompiledOperation) => void,
): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

interface Compiled extends TrustedDocument {
  readonly compiled: CompiledQuery;
  /** What the document costs a machine key's budget (partner-key-budget-plugin.ts on Apollo's path). */
  readonly cost: number;
  /** Whether its own text holds a control character: read once, not per request. */
  readonly controlCharacter: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether the answer may be `application/json`, the one type this path writes. Any other wish
 * (`application/graphql-response+json`, multipart) is Apollo's to negotiate.
 */
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  if (/graphql-response|multipart|callback/i.test(accept)) return false;
  return /application\/json|application\/\*|\*\/\*/i.test(accept);
}

/**
 * type-graphql's unions and interfaces resolve their type asynchronously, which graphql-jit does
 * not await. Its object types are classes named as their GraphQL types, so the class of the value
 * names the type at once; anything else still goes through type-graphql's own resolver. In place:
 * graphql-js (the WebSocket path shares this schema) takes either answer alike.
 */
function resolveTypesAtOnce(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || !type.resolveType) continue;
    const original = type.resolveType;
    const names = new Set(schema.getPossibleTypes(type).map((possible) => possible.name));
    type.resolveType = (value, context, info, abstractType) => {
      const name = (value as object | null)?.constructor?.name;
      return name && names.has(name) ? name : original(value, context, info, abstractType);
    };
  }
}

/**
 * graphql-jit's errors are not graphql-js's GraphQLError (formatError looks behind those for an
 * AppError), so each is rebuilt as the one graphql-js would have raised at the same path.
 */
function asGraphQLError(error: {
  message: string;
  path?: readonly (string | number)[];
  originalError?: Error | null;
  extensions?: Record<string, unknown>;
}): GraphQLError {
  return new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
}

/**
 * The compiled path (README, "Benchmarks"; docs: trusted documents): a POST that names one of
 * the manifest's documents by id (trusted-documents.json) is executed by graphql-jit's code for
 * that document, compiled once, with no parse or validation per request and without Apollo's
 * request pipeline. It keeps what Apollo's path gives: the same context (viewer, scope gate,
 * the services' limits and check log), the same error formatting in the caller's language,
 * `Retry-After`, `cache-control: no-store`, and the headers of the middleware before it
 * (request id, security headers, timeout). Anything unusual goes on to Apollo unchanged but for
 * the document's text: a document the manifest lacks, variables GraphQL refuses, text with
 * control characters, a batch, a GET, another response type.
 */
export function compiledPath(options: CompiledPathOptions): RequestHandler {
  resolveTypesAtOnce(options.schema);
  const documents = new Map<string, Compiled>();
  for (const [id, trusted] of trustedDocuments(options.schema, options)) {
    const compiled = compileQuery(options.schema, trusted.document, trusted.name);
    if (isCompiledQuery(compiled)) {
      documents.set(id, {
        ...trusted,
        compiled,
        cost: operationCost(options.schema, trusted.document),
        controlCharacter: documentHasControlCharacter(trusted.document),
      });
    }
  }

  /** Apollo answers the request: with the document's text when the id names a known one. */
  const toApollo = (body: Record<string, unknown>, trusted: Compiled | undefined) => {
    if (trusted && body.query === undefined) {
      body.query = trusted.body;
      delete body.documentId;
    }
  };

  return (req: Request, res: Response, next: NextFunction) => {
    const body: unknown = req.body;
    if (req.method !== 'POST' || !isPlainObject(body)) return next();
    const id = documentIdOf(body);
    if (id === null) return next();
    const trusted = documents.get(id);
    const { variables = {}, operationName, query } = body;
    if (
      !trusted ||
      (query !== undefined && query !== trusted.body) ||
      (operationName != null && operationName !== trusted.name) ||
      !isPlainObject(variables ?? {}) ||
      !acceptsJson(req.headers.accept) ||
      trusted.controlCharacter ||
      hasControlCharacter(variables)
    ) {
      toApollo(body, trusted);
      return next();
    }
    void answer(req, res, trusted, (variables ?? {}) as Record<string, unknown>).then(
      (answered) => {
        if (answered) return;
        toApollo(body, trusted);
        next();
      },
      next,
    );
  };

  /** False when Apollo should answer instead (variables GraphQL refuses). */
  async function answer(
    req: Request,
    res: Response,
    trusted: Compiled,
    variables: Record<string, unknown>,
  ): Promise<boolean> {
    const started = performance.now();
    let context: Context;
    try {
      context = await options.context(req, res);
    } catch (error) {
      contextFailed(res, error);
      return true;
    }
    if (!(await withinKeyBudget(res, trusted, context))) return true;
    const result = await trusted.compiled.query(undefined, context, variables);
    // No `data` at all: the variables were refused before execution; Apollo words that (400).
    if (!('data' in result)) return false;
    const formatted = (result.errors ?? []).map((error) =>
      formatError(error.toJSON?.() ?? (error as GraphQLFormattedError), asGraphQLError(error)),
    );
    const errors = formatted.length > 0 ? inLanguage(formatted, context.language) : undefined;
    const operation: CompiledOperation = {
      name: trusted.name,
      type: trusted.type,
      errorCodes: (errors ?? []).map((error) => String(error.extensions?.code)),
      ms: performance.now() - started,
    };
    // The same series as Apollo's path (operation-metrics-plugin.ts): a dashboard sees no seam.
    recordOperation(
      operationLabelOf(trusted.operation),
      trusted.type,
      operation.ms / 1000,
      operation.errorCodes,
    );
    for (const observer of observers) observer(operation);
    // Answered with TIMEOUT meanwhile (http/request-timeout.ts): this answer is not sent.
    if (res.headersSent) return true;
    const retryAfter = retryAfterOf(errors ?? []);
    if (retryAfter > 0) res.setHeader('retry-after', String(retryAfter));
    send(res, 200, { errors, data: result.data, extensions: result.extensions });
    return true;
  }
}

/**
 * A machine key's budgets, taken as Apollo's path takes them (partner-key-budget-plugin.ts): the
 * remaining budget in the headers; when spent, PARTNER_KEY_BUDGET_SPENT with 429 and Retry-After
 * is the answer and the operation does not run.
 */
async function withinKeyBudget(
  res: Response,
  trusted: Compiled,
  context: Context,
): Promise<boolean> {
  const grant = partnerKeyGrantOf(context.viewer);
  if (!grant) return true;
  try {
    const budgets = await takePartnerKeyBudget(grant, trusted.cost, context);
    for (const [name, value] of Object.entries(budgetHeaders(budgets))) res.setHeader(name, value);
    return true;
  } catch (error) {
    if (!(error instanceof BudgetSpent)) throw error;
    for (const [name, value] of Object.entries(budgetHeaders(error.budgets))) {
      res.setHeader(name, value);
    }
    const refusal = new GraphQLError(error.message, { originalError: error });
    const errors = inLanguage([formatError(refusal.toJSON(), refusal)], context.language);
    if (res.headersSent) return false;
    const retryAfter = retryAfterOf(errors);
    if (retryAfter > 0) res.setHeader('retry-after', String(retryAfter));
    send(res, 429, { errors });
    return false;
  }
}

/** As Apollo writes a single result: its field order, a final newline, `no-store`. */
function send(res: Response, status: number, body: object): void {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', 'application/json');
  res.status(status).send(`${JSON.stringify(body)}\n`);
}

/**
 * The viewer could not be read (the database failed): Apollo's answer to a failed context, a
 * 503 from refuseWhenDatabaseFails or else 500, with the error formatted and in Dutch.
 */
function contextFailed(res: Response, error: unknown): void {
  const graphQLError =
    error instanceof GraphQLError
      ? error
      : new GraphQLError(`Context creation failed: ${String(error)}`, {
          originalError: error instanceof Error ? error : undefined,
        });
  const { http, ...extensions } = (graphQLError.extensions ?? {}) as {
    http?: { status?: number };
  } & Record<string, unknown>;
  const clean = new GraphQLError(graphQLError.message, {
    originalError: graphQLError.originalError ?? undefined,
    extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' },
  });
  if (res.headersSent) return;
  res.setHeader('content-type', 'application/json');
  res
    .status(http?.status ?? 500)
    .send(`${JSON.stringify({ errors: [formatError(clean.toJSON(), clean)] })}\n`);
}
