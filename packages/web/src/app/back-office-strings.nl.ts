// The back office's strings in one language, in one chunk (docs/architecture.md §Strings): the
// admin* namespaces and the history rows its permit ledger shows. Path → strings.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>(
  [
    '../modules/admin*/i18n/nl.json',
    // The counter's back office brings its own with its pages (admin-applications/strings.ts).
    '!../modules/admin-applications/i18n/nl.json',
    // So do the quotas' pages (admin-quotas/strings.ts).
    '!../modules/admin-quotas/i18n/nl.json',
    // And the partner apps' page (admin-apps/strings.ts).
    '!../modules/admin-apps/i18n/nl.json',
    // And the products' and town settings' pages (admin-products/strings.ts).
    '!../modules/admin-products/i18n/nl.json',
    // The address page brings its own (admin-addresses/strings.ts).
    '!../modules/admin-addresses/i18n/nl.json',
    // The permits' pages and the requests page too (their strings.ts).
    '!../modules/admin-permits/i18n/nl.json',
    '!../modules/admin-requests/i18n/nl.json',
    // The desk's page too (admin-desk/strings.ts).
    '!../modules/admin-desk/i18n/nl.json',
    '../modules/history/i18n/nl.json',
  ],
  { eager: true },
);

export const backOfficeCatalogues: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(catalogues).map(([path, catalogue]) => [path, catalogue.default]),
);
