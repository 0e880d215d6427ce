import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentCache } from '../src/graphql/document-cache.js';

const schema = buildSchema('type Query { ok: String }');

describe('the document cache of the subscription server', () => {
  it('parses a text once and validates a document once', () => {
    const cache = documentCache();
    const document = cache.parse('{ ok }');
    expect(cache.parse('{ ok }')).toBe(document);
    expect(cache.parse('{ ok } ')).not.toBe(document);
    expect(cache.validate(schema, document)).toEqual([]);

    const wrong = cache.parse('{ nope }');
    const errors = cache.validate(schema, wrong);
    expect(errors.map((error) => error.message)).toEqual([
      'Cannot query field "nope" on type "Query".',
    ]);
    expect(cache.validate(schema, wrong)).toBe(errors);
  });

  it('does not keep a text that does not parse, and keeps the 500 texts used last', () => {
    const cache = documentCache();
    expect(() => cache.parse('{ ok ')).toThrow(/Syntax Error/);
    const first = cache.parse('{ a0: ok }');
    const used = cache.parse('{ a1: ok }');
    for (let i = 2; i < 500; i++) cache.parse(`{ a${i}: ok }`);
    expect(cache.parse('{ a1: ok }')).toBe(used);
    cache.parse('{ a500: ok }');
    // The least recently used went to make room: its text now parses into a new document.
    expect(cache.parse('{ a1: ok }')).toBe(used);
    expect(cache.parse('{ a0: ok }')).not.toBe(first);
  });
});
