import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scopeOperations, withScopeGate } from './scope-gate.js';

// Root fields named like real operations: the gate reads names, not the schema's types.
const schema = withScopeGate(
  buildSchema(`
    type Query { rightCheck: String, rightCheckBatch: String, me: String, auditLog: String }
    type Mutation { logout: String, startSession: String }
  `),
);
const rootValue = {
  rightCheck: () => 'checked',
  rightCheckBatch: () => 'batch',
  me: () => 'me',
  auditLog: () => 'log',
  logout: () => 'bye',
  startSession: () => 'started',
};

async function ask(source: string, scopes: ReadonlySet<string> | null) {
  const result = await graphql({ schema, source, rootValue, contextValue: { viewer: { scopes } } });
  return {
    data: result.data,
    codes: result.errors?.map((e) => e.originalError?.message ?? e.message),
  };
}

describe('scope gate (docs/graphql.md, partner scopes)', () => {
  it('lets a scoped login call what its scopes list, and me/logout', async () => {
    const scopes = new Set(['rightCheck']);
    expect((await ask('{ rightCheck me }', scopes)).data).toEqual({
      rightCheck: 'checked',
      me: 'me',
    });
    expect((await ask('mutation { logout }', scopes)).data).toEqual({ logout: 'bye' });
  });

  it('refuses a scoped login every operation its scopes do not list', async () => {
    const answer = await ask('{ rightCheckBatch auditLog }', new Set(['rightCheck']));
    expect(answer.data).toEqual({ rightCheckBatch: null, auditLog: null });
    expect(answer.codes).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect((await ask('mutation { startSession }', new Set(['batchCheck']))).data).toEqual({
      startSession: null,
    });
  });

  it('leaves logins without scopes to their roles', async () => {
    expect((await ask('{ auditLog rightCheckBatch }', null)).data).toEqual({
      auditLog: 'log',
      rightCheckBatch: 'batch',
    });
  });

  it('ignores a scope it does not know', async () => {
    expect((await ask('{ rightCheck }', new Set(['everything']))).data).toEqual({
      rightCheck: null,
    });
    expect(Object.keys(scopeOperations)).not.toContain('everything');
  });
});
