import type { TestProject } from 'vitest/node';
import { layOutApi } from '../../../scripts/api-layout.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The API built once per run as the image holds it (scripts/api-layout.mjs). */
    apiLayout: { root: string; startScript: string; main: string };
  }
}

/** vitest globalSetup: the API processes the tests start run from one layout, built here. */
export default async function layOutOnce(project: TestProject) {
  const layout = await layOutApi();
  project.provide('apiLayout', {
    root: layout.root,
    startScript: layout.startScript,
    main: layout.main,
  });
  return () => layout.remove();
}
