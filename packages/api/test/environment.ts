import { afterAll, beforeAll } from 'vitest';
import { reloadConfig } from '../src/config/config.js';

/**
 * Sets environment variables for the tests of the enclosing `describe` (undefined removes one)
 * and restores them after. Call it before `useDemoApi`, so the server starts with them and stops
 * before they are restored.
 */
export function useEnvironment(variables: Record<string, string | undefined>): void {
  const saved = new Map<string, string | undefined>();
  const apply = (values: Iterable<[string, string | undefined]>) => {
    for (const [name, value] of values) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    reloadConfig();
  };
  beforeAll(() => {
    for (const name of Object.keys(variables)) saved.set(name, process.env[name]);
    apply(Object.entries(variables));
  });
  afterAll(() => apply(saved));
}
