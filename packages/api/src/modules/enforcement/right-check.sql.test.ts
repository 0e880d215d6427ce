import { describe, expect, it } from 'vitest';
import { plateRightKinds } from '@parkeer/domain/product/product-kinds';
import { rightsSql } from './right-check.sql.js';

describe('the right-check SQL', () => {
  it('finds by plate exactly the kinds whose right is the plate (docs/rules.md §9)', () => {
    // The SQL stays free of imports (the benchmark runs it bare), so its list is checked here.
    const listed = /t\.kind in \(([^)]*)\)/.exec(rightsSql)![1]!;
    const kinds = [...listed.matchAll(/'(\w+)'/g)].map((match) => match[1]);
    expect(kinds.sort()).toEqual([...plateRightKinds].sort());
    expect(kinds).not.toContain('visitorPermit');
  });
});
