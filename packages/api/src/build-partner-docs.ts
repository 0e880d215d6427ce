// Run by the API's `build` (after tsc): renders the partner documentation served at /docs
// (docs/partners/index.md) into dist/partner-docs/site, the reference from the schema the
// build's code defines, so production serves pages made once at build time.
import 'reflect-metadata';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSchema } from './schema.js';
import { builtSiteDir } from './partner-docs/docs-routes.js';
import { renderPartnerDocs, stylesheetName } from './partner-docs/partner-docs-site.js';

const pages = await renderPartnerDocs(await createSchema());
await rm(builtSiteDir, { recursive: true, force: true });
await mkdir(builtSiteDir, { recursive: true });
for (const [name, text] of pages) {
  await writeFile(join(builtSiteDir, name === stylesheetName ? name : `${name}.html`), text);
}
console.log(`partner documentation written to ${builtSiteDir} (${pages.size} files)`);
