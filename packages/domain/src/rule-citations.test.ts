/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Comments, descriptions and test names cite the rules as `docs/rules.md §N`; a reader who follows
// one must land on a heading, so a citation of a section that is not there fails here.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const skipped = new Set(['node_modules', 'dist', '.turbo', 'artifacts', 'data']);
// Spelled in two parts so that this file does not match itself.
const oldForm = new RegExp('RULES' + ' §');
const cited = /\.(ts|tsx|js|graphql|md)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return cited.test(entry.name) ? [path] : [];
  });
}

/** The section numbers a text cites: `docs/rules.md §2, §4` cites 2 and 4. */
function citedSections(text: string): number[] {
  const citations = text.matchAll(/docs\/rules\.md((?:,? (?:and )?§\d+)+)/g);
  return [...citations].flatMap(([, list]) =>
    [...list!.matchAll(/§(\d+)/g)].map(([, n]) => Number(n)),
  );
}

/** The sections docs/rules.md has: headings `## §N Title`. */
function headedSections(markdown: string): Set<number> {
  return new Set([...markdown.matchAll(/^## §(\d+) /gm)].map(([, n]) => Number(n)));
}

describe('rule citations resolve to docs/rules.md', () => {
  it('reads every section of a citation list, and only headings as sections', () => {
    expect(citedSections('refunds (docs/rules.md §2, §4 and §9, 004); see §7')).toEqual([2, 4, 9]);
    expect([...headedSections('## §1 One\n### §2 not a section\n## §3 Three\n')]).toEqual([1, 3]);
  });

  it('cites only sections that docs/rules.md has, in the one form', () => {
    const sections = headedSections(readFileSync(join(root, 'docs/rules.md'), 'utf8'));
    const broken: string[] = [];
    let citations = 0;
    for (const file of sourceFiles(join(root, 'packages'))) {
      const text = readFileSync(file, 'utf8');
      const where = relative(root, file);
      // The old form pointed at a file outside the repository.
      if (oldForm.test(text)) broken.push(`${where}: the old form, ${oldForm.source}`);
      for (const section of citedSections(text)) {
        citations += 1;
        if (!sections.has(section)) broken.push(`${where}: §${section}`);
      }
    }
    expect(broken).toEqual([]);
    expect(citations).toBeGreaterThan(0);
  });
});
