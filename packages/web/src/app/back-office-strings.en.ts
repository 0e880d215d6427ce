// The back office's strings in one language, in one chunk (docs/architecture.md §Strings): the
// admin* namespaces and the history rows its permit ledger shows. Path → strings.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>(
  ['../modules/admin*/i18n/en.json', '../modules/history/i18n/en.json'],
  { eager: true },
);

export const backOfficeCatalogues: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(catalogues).map(([path, catalogue]) => [path, catalogue.default]),
);
