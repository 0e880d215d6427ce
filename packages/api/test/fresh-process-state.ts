// Test files share their worker's process (vitest.config.ts: isolate off, so the server's
// modules load once per worker rather than once per file). What a file may have changed in
// process-wide state is put back before the next file starts.
import 'reflect-metadata';
import { afterAll } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { resetPasswordHashGate } from '../src/modules/auth/password-hash.js';
import { forgetKvkEstablishments } from '../src/modules/business/kvk-client.js';
import { closeAttemptLimits } from '../src/modules/rate-limit/attempt-limits.js';
import { stopRegistryFakes } from '../src/modules/registry/registry-endpoints.js';

reloadConfig();
resetPasswordHashGate();

afterAll(async () => {
  await closeAttemptLimits();
  await stopRegistryFakes();
  forgetKvkEstablishments();
});
