export interface ApiLayout {
  /** The image's /app. */
  readonly root: string;
  /** The API's start script in it (a link to the repository's own). */
  readonly startScript: string;
  /** The API's entry, `packages/api/dist/main.js`. */
  readonly main: string;
  remove(): void;
}

/** The API as the container image holds it, in a temporary folder (see api-layout.mjs). */
export function layOutApi(): Promise<ApiLayout>;
