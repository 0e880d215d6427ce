import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { lexer, walkTokens, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOperations } from '../src/graphql/scope-gate.js';
import { createSchema } from '../src/schema.js';
import { partnerDocsRoutes } from '../src/partner-docs/docs-routes.js';
import { guideNames, partnerGuidesDir } from '../src/partner-docs/partner-docs-site.js';
import { escapeHtml } from '../src/partner-docs/html.js';
import { headingId } from '../src/partner-docs/render-guide.js';
import {
  documentedTypes,
  operationAnchor,
  typeAnchor,
} from '../src/partner-docs/schema-reference.js';
import { useDemoApi } from './demo-api.js';

/** The headings of a Markdown file, as the page must show them. */
function headingsOf(markdown: string): { depth: number; text: string }[] {
  const headings: { depth: number; text: string }[] = [];
  walkTokens(lexer(markdown), (token) => {
    if (token.type === 'heading') {
      const { depth, text } = token as Tokens.Heading;
      headings.push({ depth, text });
    }
  });
  return headings;
}

const page = async (url: string) => {
  const response = await fetch(url);
  return { response, html: await response.text() };
};

describe('the partner documentation at /docs (docs/partners/index.md)', () => {
  const api = useDemoApi('sqlite');
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('serves the index and every guide as HTML with the headings of its Markdown', async () => {
    const pages = [
      { path: '/docs', file: 'index.md' },
      ...(await guideNames()).map((name) => ({ path: `/docs/${name}`, file: `${name}.md` })),
    ];
    expect(pages.length).toBeGreaterThan(5);
    for (const { path, file } of pages) {
      const { response, html } = await page(`${api.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      const headings = headingsOf(readFileSync(join(partnerGuidesDir, file), 'utf8'));
      expect(headings[0]?.depth, file).toBe(1);
      for (const { depth, text } of headings) {
        const shown = escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
        expect(html, `${path}: ${text}`).toContain(
          `<h${depth} id="${headingId(text)}">${shown}</h${depth}>`,
        );
      }
      expect(html).toContain(
        `<title>${escapeHtml(headings[0]!.text)} · Parkeer for partners</title>`,
      );
    }
  });

  it('points links between guides and to the conventions at the pages that serve them', async () => {
    const { html } = await page(`${api.url}/docs/check-a-batch`);
    expect(html).toContain('<a href="/docs/check-a-plate"><code>rightCheck</code></a>');
    expect(html).toContain('href="/docs/conventions#refusals-are-results-not-errors"');
    const conventions = await page(`${api.url}/docs/conventions`);
    expect(conventions.response.status).toBe(200);
    expect(conventions.html).toContain('<h2 id="refusals-are-results-not-errors">');
    // A repo document the site does not serve keeps its text, without a link into nothing.
    expect(conventions.html).not.toMatch(/href="[^"]*\.md[#"]/);
  });

  it('captions each example and its answer, the code escaped', async () => {
    const { html } = await page(`${api.url}/docs/check-a-plate`);
    expect(html).toContain(
      '<figure class="example"><figcaption>Example <code>check-plate</code> · <span>$PARKEER_TOKEN of a town\'s machine key (scan car)</span></figcaption><pre tabindex="0"><code class="language-sh">curl -s &quot;$PARKEER_URL/graphql&quot;',
    );
    expect(html).toContain('<figure class="answer"><figcaption>Answer of <code>check-plate</code>');
  });

  it('lists every operation and every type of the schema in the reference', async () => {
    const { response, html } = await page(`${api.url}/docs/reference`);
    expect(response.status).toBe(200);
    const roots = [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
      ['subscription', schema.getSubscriptionType()],
    ] as const;
    let operations = 0;
    for (const [kind, root] of roots) {
      for (const field of Object.values(root!.getFields())) {
        operations++;
        expect(html, `${kind} ${field.name}`).toContain(
          `<section class="entry" id="${operationAnchor(kind, field.name)}">`,
        );
        if (field.description) expect(html).toContain(escapeHtml(field.description).slice(0, 40));
      }
    }
    expect(operations).toBeGreaterThan(100);
    const rootNames = new Set(roots.map(([, root]) => root!.name));
    for (const type of documentedTypes(schema)) {
      if (rootNames.has(type.name)) continue;
      expect(html, type.name).toContain(`<section class="entry" id="${typeAnchor(type.name)}">`);
      if (isEnumType(type)) {
        for (const value of type.getValues())
          expect(html).toContain(`<dt><code>${value.name}</code></dt>`);
      }
      const fields =
        isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)
          ? Object.values(type.getFields())
          : [];
      for (const field of fields) {
        if (field.deprecationReason) expect(html).toContain(escapeHtml(field.deprecationReason));
      }
    }
    // Every link to a type lands on an entry of the page.
    const targets = [...html.matchAll(/href="#(type-[A-Za-z0-9_]+)"/g)].map((match) => match[1]);
    for (const target of new Set(targets)) expect(html).toContain(`id="${target}"`);
    expect(html).toContain(
      '<code>rightCheck(input: <a href="#type-RightCheckInput">RightCheckInput</a>!): <a href="#type-RightCheckResult">RightCheckResult</a>!</code>',
    );
    // The partner scopes, each with links to the operations it allows.
    for (const [scope, operations] of Object.entries(scopeOperations)) {
      const links = Object.entries(operations).flatMap(([kind, names]) =>
        (names as readonly string[]).map(
          (name) => `<a href="#${operationAnchor(kind as 'query', name)}"><code>${name}</code></a>`,
        ),
      );
      expect(html, scope).toContain(
        `<th scope="row"><code>${scope}</code></th><td>${links.join(', ')}</td>`,
      );
    }
  });

  it('serves its stylesheet and the site’s security headers, and nothing under other names', async () => {
    const css = await page(`${api.url}/docs/docs.css`);
    expect(css.response.status).toBe(200);
    expect(css.response.headers.get('content-type')).toMatch(/^text\/css/);
    const index = await page(`${api.url}/docs`);
    expect(index.html).toContain('<link rel="stylesheet" href="/docs/docs.css">');
    // No inline styles or scripts: the Content-Security-Policy allows only the site's own files.
    expect(index.html).not.toMatch(/<script|<style|style="/);
    const policy = index.response.headers.get('content-security-policy');
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(index.response.headers.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['/docs/index', '/docs/nothing-here', '/docs/..%2Fsecurity']) {
      expect((await page(`${api.url}${path}`)).response.status, path).toBe(404);
    }
  });
});

describe('the built partner documentation', () => {
  let server: Server;
  let url: string;
  let siteDir: string;
  beforeAll(async () => {
    siteDir = mkdtempSync(join(tmpdir(), 'partner-docs-'));
    writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>built</title>');
    writeFileSync(join(siteDir, 'reference.html'), '<!doctype html><title>built reference</title>');
    const app = express();
    app.use(partnerDocsRoutes({ schema: await createSchema(), siteDir }));
    server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(siteDir, { recursive: true, force: true });
  });

  it('serves the pages the build wrote instead of rendering them', async () => {
    expect((await page(`${url}/docs`)).html).toBe('<!doctype html><title>built</title>');
    expect((await page(`${url}/docs/reference`)).html).toContain('built reference');
    expect((await page(`${url}/docs/check-a-plate`)).response.status).toBe(404);
  });
});
