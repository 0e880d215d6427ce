import { describe, expect, it } from 'vitest';
import { plateRightKinds } from '@parkeer/domain/product/product-kinds';
import { checkParams, checkPgSql, checkSqliteSql } from './right-check.sql.js';

describe('the right-check SQL', () => {
  it('finds by plate exactly the kinds whose right is the plate (docs/rules.md §9)', () => {
    // The SQL stays free of imports (the benchmark runs it bare), so its list is checked here.
    for (const sql of [checkPgSql, checkSqliteSql]) {
      const listed = /t\.kind in \(([^)]*)\)/.exec(sql)![1]!;
      const kinds = [...listed.matchAll(/'(\w+)'/g)].map((match) => match[1]);
      expect(kinds.sort()).toEqual([...plateRightKinds].sort());
      expect(kinds).not.toContain('visitorPermit');
    }
  });

  it('gives a check as many values as its text has placeholders, on either database', () => {
    const values = (postgres: boolean) => checkParams('AB123C', 'NL', 'zone', 0, postgres).length;
    expect(values(false)).toBe(checkSqliteSql.split('?').length - 1);
    const numbered = [...checkPgSql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
    expect(new Set(numbered)).toEqual(
      new Set(Array.from({ length: values(true) }, (_, i) => i + 1)),
    );
  });
});
