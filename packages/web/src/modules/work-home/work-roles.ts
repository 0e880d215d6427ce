/**
 * Roles that neither hold products nor run the back office (packages/api's account roles): the
 * enforcement officer, whose screen is still to come, and partners, who work through the API.
 * They start on a page of their own that says what they can do (docs/architecture.md §The web
 * app), never on a resident's page that would only load what they may not see.
 */
export const workRoles: readonly string[] = ['enforcement', 'partner'];

export const workHome = '/werkplek';
