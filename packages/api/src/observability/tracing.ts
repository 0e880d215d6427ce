/**
 * Loaded before the app (`node --import`, see package.json's start script): instrumentations must
 * be in place before http, pg and graphql are first loaded. Without OTEL_EXPORTER_OTLP_ENDPOINT
 * nothing else is loaded and no span is made (docs/operations.md, "Traces").
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT && process.env.OTEL_SDK_DISABLED !== 'true') {
  await import('./tracing-sdk.js');
}

export {};
