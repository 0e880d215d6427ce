import { describe, expect, it } from 'vitest';
import { createSchema } from '../schema.js';
import {
  documentIdOf,
  sha256Hex,
  trustedDocuments,
  trustedOperations,
} from './trusted-documents.js';

describe('the trusted documents manifest', () => {
  it("names each document by its text's sha256, and every one passes production's rules", async () => {
    for (const operation of trustedOperations) expect(operation.id).toBe(sha256Hex(operation.body));
    const trusted = trustedDocuments(await createSchema(), { production: true });
    expect([...trusted.keys()]).toEqual(trustedOperations.map((operation) => operation.id));
  });

  it('leaves out a document whose id is not its hash, or that the schema refuses', async () => {
    const body = 'query Nothing { nothing }';
    const trusted = trustedDocuments(await createSchema(), { production: true }, [
      { id: sha256Hex(body), name: 'Nothing', type: 'query', body },
      { id: sha256Hex('other'), name: 'Me', type: 'query', body: 'query Me { me { email } }' },
    ]);
    expect(trusted.size).toBe(0);
  });

  it('reads the id from documentId (with or without sha256:) or the persisted query extension', () => {
    const id = 'AB'.repeat(32);
    expect(documentIdOf({ documentId: `sha256:${id}` })).toBe(id.toLowerCase());
    expect(documentIdOf({ documentId: id })).toBe(id.toLowerCase());
    expect(documentIdOf({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } })).toBe(
      id.toLowerCase(),
    );
    expect(documentIdOf({ query: '{ me { email } }' })).toBeNull();
  });
});
