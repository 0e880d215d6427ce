import { posix } from 'node:path';
import { Marked, type Tokens } from 'marked';
import { fenceInfo } from './guide-examples.js';
import { escapeHtml } from './html.js';

/** Where a Markdown file of the repo's `docs/` is served, by its path under `docs/`. */
export type DocsAddress = (docsPath: string) => string | null;

export interface RenderedGuide {
  readonly title: string;
  /** The first paragraph, as plain text: the guide's line in the index. */
  readonly summary: string;
  readonly html: string;
}

/** GitHub's heading ids, so a link to `graphql.md#idempotency-keys` lands on its heading. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Who provides $PARKEER_TOKEN for an example, in the caption a partner reads. */
const tokenOwners: Record<string, string> = {
  key: "a town's machine key (scan car)",
  enforcement: 'an enforcement account',
  resident: "a resident's account",
};

function caption(info: ReturnType<typeof fenceInfo>): string | null {
  const { example, expect, token } = info.attributes;
  if (example) {
    const needs = token ? ` · <span>$PARKEER_TOKEN of ${tokenOwners[token] ?? token}</span>` : '';
    return `Example <code>${escapeHtml(example)}</code>${needs}`;
  }
  if (expect) {
    return `Answer of <code>${escapeHtml(expect)}</code> · <span>… stands for what differs per call</span>`;
  }
  return null;
}

/**
 * A Markdown guide as HTML: GitHub-style heading ids, examples and their answers captioned,
 * and links between the repo's docs pointed at where this site serves them (a link to a file it
 * does not serve keeps its text only, so no page links into nothing).
 */
export function renderGuide(
  markdown: string,
  docsPath: string,
  address: DocsAddress,
): RenderedGuide {
  let title = '';
  let summary = '';
  const marked = new Marked({
    gfm: true,
    walkTokens: (token) => {
      if (token.type === 'heading' && token.depth === 1 && !title) title = token.text;
      if (token.type === 'paragraph' && !summary) summary = token.text;
    },
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token) {
        const inner = this.parser.parseInline(token.tokens);
        return `<h${token.depth} id="${headingId(token.text)}">${inner}</h${token.depth}>\n`;
      },
      code(token) {
        const info = fenceInfo(token.lang);
        const language = info.language ? ` class="language-${escapeHtml(info.language)}"` : '';
        // Focusable: a block wider than the screen scrolls, and keyboards must reach it too.
        const block = `<pre tabindex="0"><code${language}>${escapeHtml(token.text)}\n</code></pre>`;
        const label = caption(info);
        if (!label) return `${block}\n`;
        const kind = info.attributes.example ? 'example' : 'answer';
        return `<figure class="${kind}"><figcaption>${label}</figcaption>${block}</figure>\n`;
      },
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token) {
        const inner = this.parser.parseInline(token.tokens);
        const href = linkTarget(token.href, docsPath, address);
        if (href === null) return inner;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<a href="${escapeHtml(href)}"${title}>${inner}</a>`;
      },
    },
  });
  // A table wider than the screen scrolls in a focusable box of its own.
  const html = marked
    .parse(markdown, { async: false })
    .replace(/<table>/g, '<div class="wide" tabindex="0"><table>')
    .replace(/<\/table>/g, '</table></div>');
  return { title: plainText(title), summary: plainText(summary), html };
}

function plainText(markdownText: string): string {
  return markdownText
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function linkTarget(href: string, docsPath: string, address: DocsAddress): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) {
    return href;
  }
  const [path = '', anchor] = href.split('#');
  const target = posix.normalize(posix.join(posix.dirname(docsPath), path));
  const served = address(target);
  if (served === null) return null;
  return anchor ? `${served}#${anchor}` : served;
}
