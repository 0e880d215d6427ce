// The strings of the residents' (and the login's, the officer's and the partner's) pages, in one
// chunk that comes with the first of those pages: the back office never downloads them, and the
// entry both share stays small (docs/architecture.md §Strings). Namespace = module.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>(
  [
    '../modules/*/i18n/*.json',
    '!../modules/admin*/i18n/*.json',
    '!../modules/common/i18n/*.json',
    '!../modules/{apps,coupling,counter,delegations,enforcement,flex,history,moving,phone-simulator,plates,top-up,work-home}/i18n/*.json',
  ],
  { eager: true },
);

/** Path of a catalogue → its strings. */
export const residentCatalogues: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(catalogues).map(([path, catalogue]) => [path, catalogue.default]),
);
