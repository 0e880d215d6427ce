// Paid top-ups are payments: the input lives with them, so top-up depends on payment and not
// back (docs/architecture.md, "Dependencies point one way"). top-up.service.ts still imports
// it from here until its import moves.
export { topUpInputFor } from '../payment/top-up-input.js';
