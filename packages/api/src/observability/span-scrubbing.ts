import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import { scrubText } from '../logging/log-scrubbing.js';

/** The document's text: a plate or PIN written into a query (not as a variable) is in it. */
const droppedAttributes = new Set(['graphql.source']);
/** URLs whose query may carry a plate (RDW's `?kenteken=`) or a link's token. */
const urlAttributes = new Set(['http.url', 'http.target', 'url.full', 'http.route']);
const queryAttributes = new Set(['url.query']);

function scrubbed(attributes: ReadableSpan['attributes']): ReadableSpan['attributes'] {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (droppedAttributes.has(key) || queryAttributes.has(key)) continue;
    if (typeof value !== 'string') clean[key] = value;
    else if (urlAttributes.has(key)) clean[key] = value.split('?')[0];
    // Error messages quote values (`Failing row contains (…)`): as in the log.
    else clean[key] = scrubText(value);
  }
  return clean as ReadableSpan['attributes'];
}

function scrubSpan(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    attributes: { value: scrubbed(span.attributes) },
    events: {
      value: span.events.map((event) => ({
        ...event,
        attributes: event.attributes && scrubbed(event.attributes),
      })),
    },
    status: {
      value: { ...span.status, message: span.status.message && scrubText(span.status.message) },
    },
  }) as ReadableSpan;
}

/**
 * The exporter, given spans without personal data: no GraphQL document text, no URL query, and
 * values quoted in messages replaced as in the log (docs/security.md). Instrumentations are
 * told not to record variables and statement parameters; this catches what they add anyway.
 */
export function withoutPersonalData(exporter: SpanExporter): SpanExporter {
  return {
    export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]) {
      exporter.export(spans.map(scrubSpan), done);
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}
