import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * The trace and span of the active span, for every log line (see logger.ts): a line and its
 * request's trace are found by the same id. Without tracing there is no active span.
 */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}
