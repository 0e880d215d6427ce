// The viewer is defined beside the GraphQL context that carries it (docs/architecture.md,
// "Dependencies point one way"); modules still import it from here until their imports move.
export type { Viewer } from '../../graphql/viewer.js';
