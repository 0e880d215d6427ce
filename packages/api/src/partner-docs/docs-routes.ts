import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { indexPage, renderPartnerDocs, stylesheetName } from './partner-docs-site.js';

/** Where the API's build writes the rendered site (dist/partner-docs/site). */
export const builtSiteDir = fileURLToPath(new URL('./site/', import.meta.url));

/** The built site's pages by name; null when there is no build (development, tests). */
async function builtPages(dir: string): Promise<Map<string, string> | null> {
  if (!existsSync(join(dir, `${indexPage}.html`))) return null;
  const files = await readdir(dir);
  const pages = await Promise.all(
    files.map(async (file) => {
      const name = file === stylesheetName ? file : file.replace(/\.html$/, '');
      return [name, await readFile(join(dir, file), 'utf8')] as const;
    }),
  );
  return new Map(pages);
}

/**
 * The partner documentation at /docs (docs/partners/index.md): the guides, the conventions and
 * the reference as the build rendered them, or rendered once at the first request where the
 * build output is missing. Plain HTML with the site's security headers; no scripts.
 */
export function partnerDocsRoutes(options: {
  schema: GraphQLSchema;
  siteDir?: string;
}): express.Router {
  let pages: Promise<Map<string, string>> | undefined;
  const load = () =>
    (pages ??= builtPages(options.siteDir ?? builtSiteDir).then(
      (built) => built ?? renderPartnerDocs(options.schema),
    ));
  const router = express.Router();
  const send =
    (name: string): express.RequestHandler =>
    async (_req, res, next) => {
      try {
        const page = (await load()).get(name);
        if (page === undefined) return next();
        res
          .status(200)
          .type(name === stylesheetName ? 'text/css' : 'html')
          .set('Cache-Control', 'no-cache')
          .send(page);
      } catch (error) {
        pages = undefined;
        next(error);
      }
    };
  router.get('/docs', send(indexPage));
  router.get('/docs/:page', (req, res, next) => {
    const page = req.params.page;
    // `index` is /docs only, so each page has one address.
    if (page === indexPage) return next();
    return send(page)(req, res, next);
  });
  return router;
}
