import { describe, expect, it } from 'vitest';
import { appendPage, type Connection } from './paging.js';

const page = (ids: string[], hasNextPage = true): Connection<{ id: string }> => ({
  totalCount: 25,
  pageInfo: { hasNextPage, endCursor: ids.at(-1) ?? null },
  edges: ids.map((id) => ({ node: { id } })),
});

describe('appending a page of history', () => {
  it('adds the page after the rows shown, in its order', () => {
    expect(appendPage([{ id: 'a' }], page(['b', 'c'])).map((node) => node.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('shows a row once when it comes on two pages', () => {
    expect(appendPage([{ id: 'a' }, { id: 'b' }], page(['b', 'c'])).map((node) => node.id)).toEqual(
      ['a', 'b', 'c'],
    );
  });

  it('keeps the rows shown while the next page is still loading', () => {
    expect(appendPage([{ id: 'a' }], undefined)).toEqual([{ id: 'a' }]);
  });
});
