// The back office's pages: each engineer adds a page by appending ONE entry to `adminPages`
// (path under /beheer, lazy page module with a default export, menu label as 'namespace:key'
// in the module's own i18n catalogue, optional icon). Keep this file free of other imports.
import type { ComponentType } from 'react';

/** One page of the back office, shown to municipal admins inside its own shell and menu. */
export interface AdminPage {
  /** The full path, under /beheer, e.g. '/beheer/zones' or '/beheer/zones/:zoneId'. */
  readonly path: string;
  /** Loads the page: a module whose default export is the page component (a lazy chunk). */
  readonly load: () => Promise<{ default: ComponentType }>;
  /** i18next key with its namespace, e.g. 'zones:menu'; left out: not in the menu. */
  readonly label?: string;
  /**
   * A short symbol before the label, decorative only (screen readers skip it). Pick one the
   * system fonts have (▦ ☰ ◷ ✎ ⚑ €), or leave it out: a missing glyph shows as a box.
   */
  readonly icon?: string;
  /** Who works on this page; left out: a municipality's admins. */
  readonly roles?: readonly string[];
}

export const adminPages: readonly AdminPage[] = [
  {
    path: '/beheer',
    load: () => import('./components/dashboard-page.js'),
    label: 'admin:menu.dashboard',
    icon: '▦',
  },
  {
    path: '/beheer/zones',
    load: () => import('../admin-zones/components/zones-page.js'),
    label: 'admin-zones:menu',
    icon: '▣',
  },
  {
    path: '/beheer/zones/:zoneId',
    load: () => import('../admin-zones/components/zone-page.js'),
  },
  {
    path: '/beheer/producten',
    load: () => import('../admin-products/components/product-types-page.js'),
    label: 'admin:menu.products',
    icon: '▤',
  },
  {
    path: '/beheer/producten/:id',
    load: () => import('../admin-products/components/product-type-page.js'),
  },
  {
    path: '/beheer/instellingen',
    load: () => import('../admin-products/components/town-settings-page.js'),
    label: 'admin:menu.settings',
    icon: '⚙',
  },
  {
    path: '/beheer/gemeenten',
    load: () => import('../admin-platform/components/municipalities-page.js'),
    label: 'admin-platform:menu',
    icon: '▥',
    roles: ['platformAdmin'],
  },
  {
    path: '/beheer/apps',
    load: () => import('../admin-apps/components/partner-apps-page.js'),
    label: 'admin:menu.partnerApps',
    icon: '⇄',
    roles: ['platformAdmin'],
  },
  {
    path: '/beheer/mislukt-werk',
    load: () => import('../admin-queue/components/dead-letters-page.js'),
    label: 'admin-queue:menu',
    icon: '⚑',
    roles: ['platformAdmin'],
  },
  {
    path: '/beheer/vergunningen',
    load: () => import('../admin-permits/components/permits-page.js'),
    label: 'admin:menu.permits',
    icon: '▧',
  },
  {
    path: '/beheer/vergunningen/uitgeven',
    load: () => import('../admin-permits/components/issue-page.js'),
  },
  {
    path: '/beheer/vergunningen/:id',
    load: () => import('../admin-permits/components/permit-page.js'),
  },
  {
    path: '/beheer/aanvragen',
    load: () => import('../admin-requests/components/requests-page.js'),
    label: 'admin:menu.requests',
    icon: '✎',
  },
  {
    path: '/beheer/vergunningaanvragen',
    load: () => import('../admin-applications/components/applications-page.js'),
    label: 'admin:menu.applications',
    icon: '✉',
  },
  {
    path: '/beheer/vergunningaanvragen/:id',
    load: () => import('../admin-applications/components/application-page.js'),
  },
  {
    path: '/beheer/wachtlijsten',
    load: () => import('../admin-quotas/components/quotas-page.js'),
    label: 'admin:menu.quotas',
    icon: '☷',
  },
  {
    path: '/beheer/wachtlijsten/:zoneId/:productTypeId',
    load: () => import('../admin-quotas/components/waiting-list-page.js'),
  },
  {
    path: '/beheer/adressen',
    load: () => import('../admin-addresses/components/addresses-page.js'),
    label: 'admin:menu.addresses',
    icon: '⌂',
  },
  {
    path: '/beheer/balie',
    load: () => import('../admin-desk/components/desk-page.js'),
    label: 'admin:menu.desk',
    icon: '☎',
    roles: ['municipalDesk', 'municipalAdmin'],
  },
  {
    path: '/beheer/koppelingen',
    load: () => import('../admin-partners/components/partners-page.js'),
    label: 'admin-partners:menu',
    icon: '⇄',
  },
  {
    path: '/beheer/logboek',
    load: () => import('./components/audit-log-page.js'),
    label: 'admin:menu.auditLog',
    icon: '☰',
  },
];

/** Roles that work in the back office, and never see the residents' pages. */
export const backOfficeRoles: readonly string[] = [
  'municipalAdmin',
  'municipalDesk',
  'platformAdmin',
];

export const backOfficeHome = '/beheer';

const municipalAdmins: readonly string[] = ['municipalAdmin'];

/** Whether a role works on a page of the back office. */
export const pageIsFor = (page: AdminPage, role: string) =>
  (page.roles ?? municipalAdmins).includes(role);

/** Where a role starts in the back office: a town's dashboard, the platform's towns, the desk. */
export const homeOf = (role: string) =>
  role === 'platformAdmin'
    ? '/beheer/gemeenten'
    : role === 'municipalDesk'
      ? '/beheer/balie'
      : backOfficeHome;
