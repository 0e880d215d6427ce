import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { withoutPersonalData } from './span-scrubbing.js';

/** packages/api/package.json, two folders up from src/observability and dist/observability. */
const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** Probes and scrapes would each be a trace of their own, many a minute, saying nothing. */
const unTraced = new Set(['/healthz', '/readyz', '/metrics']);

const provider = new NodeTracerProvider({
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, win over ours.
  resource: defaultResource()
    .merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: 'parkeer-api',
        [ATTR_SERVICE_VERSION]: version,
      }),
    )
    .merge(detectResources({ detectors: [envDetector] })),
  // OTLP over HTTP with JSON bodies to OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces; batches after
  // OTEL_BSP_SCHEDULE_DELAY (5 s).
  spanProcessors: [new BatchSpanProcessor(withoutPersonalData(new OTLPTraceExporter()))],
});
provider.register();

registerInstrumentations({
  tracerProvider: provider,
  instrumentations: [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) =>
        unTraced.has((request.url ?? '').split('?')[0]!),
    }),
    // Parse, validate and execute; not a span per field (most are plain property reads), and
    // never the variables (allowValues), which hold plates and PINs.
    new GraphQLInstrumentation({
      allowValues: false,
      ignoreResolveSpans: true,
      mergeItems: true,
    }),
    // The statement's text with its placeholders, never its parameters; only inside a request
    // or job that is traced already (not the work queue's polling every second).
    new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
  ],
});
