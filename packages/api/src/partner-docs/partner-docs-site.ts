import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { escapeHtml } from './html.js';
import { renderGuide, type DocsAddress } from './render-guide.js';
import { schemaReference } from './schema-reference.js';
import { docsStylesheet } from './docs-stylesheet.js';

/** The repo's `docs/`: the same relative path from `src/partner-docs` and `dist/partner-docs`. */
export const repoDocsDir = fileURLToPath(new URL('../../../../docs/', import.meta.url));
export const partnerGuidesDir = join(repoDocsDir, 'partners');

/** The page names of the site: `index` is /docs, any other `name` is /docs/name. */
export const indexPage = 'index';
export const referencePage = 'reference';
/** docs/graphql.md, which the guides link to for the conventions they do not repeat. */
export const conventionsPage = 'conventions';
export const stylesheetName = 'docs.css';

export function pagePath(page: string): string {
  return page === indexPage ? '/docs' : `/docs/${page}`;
}

/** The Markdown files of the repo's docs/ the site serves, and under which page. */
const docsAddress: DocsAddress = (docsPath) => {
  if (docsPath === 'graphql.md') return pagePath(conventionsPage);
  const guide = /^partners\/([a-z0-9-]+)\.md$/.exec(docsPath);
  return guide ? pagePath(guide[1]!) : null;
};

/** The guides' names (file names without `.md`), in the order the index links them. */
export async function guideNames(): Promise<string[]> {
  const files = (await readdir(partnerGuidesDir)).filter((file) => file.endsWith('.md'));
  const names = files.map((file) => file.slice(0, -3)).filter((name) => name !== indexPage);
  const index = await readFile(join(partnerGuidesDir, `${indexPage}.md`), 'utf8');
  const linked = [...new Set([...index.matchAll(/\]\(([a-z0-9-]+)\.md\)/g)].map((m) => m[1]!))];
  const place = (name: string) => (linked.includes(name) ? linked.indexOf(name) : linked.length);
  return names.sort((a, b) => place(a) - place(b) || a.localeCompare(b));
}

interface NavEntry {
  readonly page: string;
  readonly title: string;
}

function layout(page: string, title: string, main: string, guides: readonly NavEntry[]): string {
  const current = (target: string) => (target === page ? ' aria-current="page"' : '');
  const topLinks: NavEntry[] = [
    { page: indexPage, title: 'Guides' },
    { page: referencePage, title: 'API reference' },
    { page: conventionsPage, title: 'Conventions' },
  ];
  const link = (entry: NavEntry) =>
    `<li><a href="${pagePath(entry.page)}"${current(entry.page)}>${escapeHtml(entry.title)}</a></li>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Parkeer for partners</title>
<link rel="stylesheet" href="${pagePath(stylesheetName)}">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="site">
<a class="brand" href="${pagePath(indexPage)}">Parkeer <span>for partners</span></a>
<nav aria-label="Sections"><ul>${topLinks.map(link).join('')}</ul></nav>
</header>
<div class="layout">
<main id="main">
${main}
</main>
<nav class="guides" aria-label="Guides"><h2>Guides</h2><ul>${guides.map(link).join('')}</ul></nav>
</div>
</body>
</html>
`;
}

/**
 * Every page of the partner documentation as whole HTML documents, by page name, plus the
 * stylesheet: the index and guides from docs/partners/*.md, the conventions from
 * docs/graphql.md and the reference from `schema`. The API's build writes them to
 * dist/partner-docs/site (src/build-partner-docs.ts); without that the server renders them once.
 */
export async function renderPartnerDocs(schema: GraphQLSchema): Promise<Map<string, string>> {
  const names = await guideNames();
  const read = (file: string) => readFile(join(repoDocsDir, file), 'utf8');
  const guides = await Promise.all(
    names.map(async (name) => {
      const path = `partners/${name}.md`;
      return { page: name, ...renderGuide(await read(path), path, docsAddress) };
    }),
  );
  const index = renderGuide(
    await read(`partners/${indexPage}.md`),
    'partners/index.md',
    docsAddress,
  );
  const conventions = renderGuide(await read('graphql.md'), 'graphql.md', docsAddress);
  const nav = guides.map(({ page, title }) => ({ page, title }));
  const pages = new Map<string, string>();
  pages.set(indexPage, layout(indexPage, index.title, index.html, nav));
  for (const guide of guides)
    pages.set(guide.page, layout(guide.page, guide.title, guide.html, nav));
  pages.set(conventionsPage, layout(conventionsPage, conventions.title, conventions.html, nav));
  pages.set(referencePage, layout(referencePage, 'API reference', schemaReference(schema), nav));
  pages.set(stylesheetName, docsStylesheet);
  return pages;
}
