/**
 * The enforcement role's home: the officer's check screen (docs/rules.md §9), shown on the
 * work roles' start page so the first download every role shares gains no route.
 */
export { workHome as enforcementHome } from '../work-home/work-roles.js';
